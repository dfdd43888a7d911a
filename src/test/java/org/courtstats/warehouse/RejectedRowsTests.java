package org.courtstats.warehouse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threshold a held-back release's message suggests is one an operator can paste.
 */
class RejectedRowsTests {

	@Test
	void theSuggestedThresholdIsAtLeastFivePercent() {
		assertThat(RejectedRows.raised(0.01, 0.02)).isEqualTo("0.05");
		assertThat(RejectedRows.raised(0.03, 0.04)).isEqualTo("0.05");
		assertThat(RejectedRows.raised(0, 0.001)).isEqualTo("0.05");
	}

	@Test
	void theSuggestedThresholdIsNoLooserThanTheReleaseNeeds() {
		assertThat(RejectedRows.raised(0.29, 0.30)).as("not all rows").isEqualTo("0.3");
		assertThat(RejectedRows.raised(0.5, 0.6)).isEqualTo("0.6");
		assertThat(RejectedRows.raised(0.1, 0.1001)).isEqualTo("0.11");
	}

	@Test
	void theSuggestedThresholdPublishesTheReleaseWhenATableRejectedMore() {
		assertThat(RejectedRows.raised(0.01, 0.1528)).isEqualTo("0.16");
		assertThat(RejectedRows.raised(0.01, 0.15)).as("a share of exactly 15% is within 0.15").isEqualTo("0.15");
		assertThat(RejectedRows.raised(0.01, 0.999)).isEqualTo("1");
	}

}
