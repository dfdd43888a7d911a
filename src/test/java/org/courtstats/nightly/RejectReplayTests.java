package org.courtstats.nightly;

import org.courtstats.warehouse.RejectedRowsOverThresholdException;
import org.courtstats.warehouse.WarehouseCheckException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectReplayTests {

	@Test
	void aHeldBackReplayIsToldWhatHeldItBackAndThatNothingOfItWasKept() {
		RuntimeException rejects = new IllegalStateException("publish failed",
				new RejectedRowsOverThresholdException(
						"Release 'X' is held back, not published: ... Its staged rows are kept. ...",
						"B_TblProceeding has 11 rejected rows of 299 read (3.7%), over the threshold of 1%", "0.05"));
		RuntimeException check = new WarehouseCheckException("Release 'X' is held back, not published: ...",
				"fct_case__no_mass_deletion: 120 offending rows (threshold 0)");

		assertThat(RejectReplay.heldBack(rejects)).isEqualTo("held back: B_TblProceeding has 11 rejected rows of 299 "
				+ "read (3.7%), over the threshold of 1%. The replay was rolled back: the release stays as it was. "
				+ "Correct more of the rows and replay again, or replay with a higher threshold (java "
				+ "-Dcourtstats.nightly-load.max-rejected-share=0.05 -jar courtstats.jar replay-rejects).");
		assertThat(RejectReplay.heldBack(check)).isEqualTo("held back by a check: fct_case__no_mass_deletion: 120 "
				+ "offending rows (threshold 0). The replay was rolled back: the release stays as it was.");
	}

}
