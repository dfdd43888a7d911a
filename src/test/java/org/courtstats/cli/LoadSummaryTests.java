package org.courtstats.cli;

import org.courtstats.nightly.ReleaseOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line a delivery that did not load prints names it as what it is, and the run to
 * abandon.
 */
class LoadSummaryTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			eoir | EOIR Case Data 2026-0401                      | release 'EOIR Case Data 2026-0401'
			ohss | 2026_0415_ohss_tables-march-2026              | OHSS edition '2026_0415_ohss_tables-march-2026'
			cbp  | nationwide-encounters-fy23-fy26-mar-aor      | CBP file 'nationwide-encounters-fy23-fy26-mar-aor'
			""")
	void theFailureLineNamesTheDeliveryByItsKind(String source, String label, String subject) {
		ReleaseOutcome outcome = new ReleaseOutcome(source, label, ReleaseOutcome.Status.FAILED, 7L, "it broke");

		assertThat(LoadSummary.failureLine(outcome, "data/logs/courtstats.log"))
			.isEqualTo("courtstats: " + subject + " failed: it broke (details in data/logs/courtstats.log)");
	}

	@Test
	void aMessageThatSaysToAbandonTheRunNamesIt() {
		String message = "the file changed: abandon the run ('courtstats abandon RUN'; 'courtstats status' lists it)";
		ReleaseOutcome failed = new ReleaseOutcome("cbp", "encounters", ReleaseOutcome.Status.FAILED, 12L, message);
		ReleaseOutcome heldBack = new ReleaseOutcome("eoir", "EOIR Case Data 2026-0401",
				ReleaseOutcome.Status.HELD_BACK, 13L, message);
		ReleaseOutcome refused = new ReleaseOutcome("eoir", "EOIR Case Data 2026-0401", ReleaseOutcome.Status.REFUSED,
				null, message);

		assertThat(LoadSummary.failureLine(failed, "courtstats.log")).contains("('courtstats abandon 12'; ");
		assertThat(LoadSummary.describe(heldBack))
			.isEqualTo("HELD BACK (job execution 13): the file changed: abandon the run ('courtstats abandon 13'; "
					+ "'courtstats status' lists it)");
		assertThat(LoadSummary.describe(refused)).as("no run to name").contains("'courtstats abandon RUN'");
	}

}
