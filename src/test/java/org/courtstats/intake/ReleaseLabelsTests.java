package org.courtstats.intake;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseLabelsTests {

	@Test
	void readsEoirsOwnReleaseNaming() {
		assertThat(ReleaseLabels.asOfDate("EOIR Case Data 2026-0401")).isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void readsAnIsoDate() {
		assertThat(ReleaseLabels.asOfDate("release 2025-10-07")).isEqualTo(LocalDate.of(2025, 10, 7));
	}

	@Test
	void aLabelWithoutADateHasNoAsOfDate() {
		assertThat(ReleaseLabels.asOfDate("EOIR Case Data")).isNull();
		assertThat(ReleaseLabels.asOfDate("EOIR Case Data 2026-1345")).isNull();
		assertThat(ReleaseLabels.asOfDate("20260401")).isNull();
	}

}
