package org.courtstats.warehouse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threshold a held-back release's message suggests is one an operator can paste.
 */
class RejectedRowsTests {

	@Test
	void theSuggestedThresholdIsFiveTimesTheOldOneWithinFivePercentAndAllRows() {
		assertThat(RejectedRows.raised(0.01)).isEqualTo("0.05");
		assertThat(RejectedRows.raised(0.03)).isEqualTo("0.15");
		assertThat(RejectedRows.raised(0)).isEqualTo("0.05");
		assertThat(RejectedRows.raised(0.5)).isEqualTo("1");
	}

}
