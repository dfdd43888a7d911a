package org.courtstats.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTests {

	@Test
	void nulBytesAndOtherControlCharactersAreRemovedAndTabsKept() {
		assertThat(ControlCharacters.strip("HOUS\0TON\tTX\u0085\u0001")).isEqualTo("HOUSTON\tTX");
	}

	@Test
	void aCleanLineIsReturnedAsIs() {
		String line = "7375924\tBROOKLYN\tNY";
		assertThat(ControlCharacters.strip(line)).isSameAs(line);
	}

	@Test
	void printableNonAsciiCharactersStay() {
		assertThat(ControlCharacters.strip("C\u00d4TE D'IVOIRE \u2013 x")).isEqualTo("C\u00d4TE D'IVOIRE \u2013 x");
	}

}
