package org.courtstats.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTests {

	@Test
	void wholeNumbersWithOrWithoutThousandsSeparators() {
		assertThat(Counts.parse("0")).isZero();
		assertThat(Counts.parse(" 153 ")).isEqualTo(153);
		assertThat(Counts.parse("1,577")).isEqualTo(1577);
		assertThat(Counts.parse("12,345,678")).isEqualTo(12_345_678);
	}

	@Test
	void aNegativeNumberKeepsItsSign() {
		assertThat(Counts.parse("-3")).isEqualTo(-3);
		assertThat(Counts.parse("-1,000")).isEqualTo(-1000);
	}

	@Test
	void textThatIsNoWholeNumberIsNull() {
		assertThat(Counts.parse(null)).isNull();
		assertThat(Counts.parse("")).isNull();
		assertThat(Counts.parse("-")).isNull();
		assertThat(Counts.parse("1.5")).isNull();
		assertThat(Counts.parse("12a")).isNull();
		assertThat(Counts.parse("1,57")).isNull();
		assertThat(Counts.parse("1577,")).isNull();
		assertThat(Counts.parse("15,77")).isNull();
		assertThat(Counts.parse(",577")).isNull();
		assertThat(Counts.parse("1,5770")).isNull();
		assertThat(Counts.parse("1234567890123456789")).isNull();
	}

}
