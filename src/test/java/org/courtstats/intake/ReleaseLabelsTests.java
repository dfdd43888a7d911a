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

	@Test
	void saysWhetherALabelHasNoDateOrADateThatDoesNotExist() {
		assertThat(ReleaseLabels.whyNoDate("EOIR Case Data")).isEqualTo("carries no as-of date in its name");
		assertThat(ReleaseLabels.whyNoDate("EOIR Case Data 2026-0431"))
			.isEqualTo("has a date in its name that does not exist ('2026-0431')");
		assertThat(ReleaseLabels.whyNoDate("release 2025-02-30"))
			.isEqualTo("has a date in its name that does not exist ('2025-02-30')");
	}

}
