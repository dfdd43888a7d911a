package org.courtstats.normalize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	@Test
	void nullTokensBecomeNull() {
		assertThat(Values.text("")).isNull();
		assertThat(Values.text("   ")).isNull();
		assertThat(Values.text("N/A")).isNull();
		assertThat(Values.text("n/a")).isNull();
		assertThat(Values.text("b6")).isNull();
		assertThat(Values.text(" B6 ")).isNull();
		assertThat(Values.text(null)).isNull();
		assertThat(Values.text("N/a")).isNull();
		assertThat(Values.text("n/A")).isNull();
	}

	@Test
	void onlyTheExactTokensAreNull() {
		for (String value : new String[] { "b7", "c6", "B", "6", "N-A", "NA/", "M/A", "N/B", "\u00e16", "b6x" }) {
			assertThat(Values.text(value)).as(value).isEqualTo(value);
		}
	}

	@Test
	void theLiteralCodeNaIsARealCode() {
		assertThat(Values.code("NA")).isEqualTo("NA");
		assertThat(Values.code(" na ")).isEqualTo("NA");
		assertThat(Values.isNullToken("NA")).isFalse();
	}

	@Test
	void codesAreTrimmedAndUpperCasedAndTheRawValueIsKeptOnlyWhenThatChangedMoreThanPadding() {
		assertThat(Values.code("  p ")).isEqualTo("P");
		assertThat(Values.rawIfChanged("  p ", "P")).isEqualTo("  p ");
		assertThat(Values.rawIfChanged("SND      ", "SND")).isNull();
		assertThat(Values.rawIfChanged(null, null)).isNull();
	}

	@Test
	void textIsTrimmedOfCharPadding() {
		assertThat(Values.text("IMMIGRATION COURT                                 ")).isEqualTo("IMMIGRATION COURT");
	}

	@Test
	void datesAreReadFromTheEoirTimestampFormat() {
		assertThat(Values.date("2024-09-12 00:00:00.000")).isEqualTo(LocalDate.of(2024, 9, 12));
		assertThat(Values.date("2025-02-27 10:43:03.530")).isEqualTo(LocalDate.of(2025, 2, 27));
		assertThat(Values.date("2009-10-22")).isEqualTo(LocalDate.of(2009, 10, 22));
	}

	@Test
	void invalidDatesBecomeNull() {
		assertThat(Values.date("2024-02-30 00:00:00.000")).isNull();
		assertThat(Values.date("4/1974")).isNull();
		assertThat(Values.date("1000")).isNull();
		assertThat(Values.date("20240912")).isNull();
		assertThat(Values.date("2024-09-12X00")).isNull();
		assertThat(Values.date("N/A")).isNull();
		assertThat(Values.date("0000-01-01 00:00:00.000")).as("no year 0 in PostgreSQL").isNull();
	}

	@Test
	void integersAreDigitsOnly() {
		assertThat(Values.integer("7375924")).isEqualTo(7375924L);
		assertThat(Values.integer("007")).isEqualTo(7L);
		assertThat(Values.integer("FC")).isNull();
		assertThat(Values.integer("12a")).isNull();
		assertThat(Values.integer("-")).isNull();
		assertThat(Values.integer("1234567890123456789")).isNull();
	}

}
