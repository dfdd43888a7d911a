package org.courtstats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line a terminal shows while files are staged.
 */
class TerminalProgressTests {

	@Test
	void showsRowsOfTheCountTxtTotalRateAndTimeLeft() {
		// given: 1,000 of 4,000 rows in 2 s
		// when
		String line = TerminalProgress.describe("A_TblCase.csv", 1_000, 4_000L, 2_000_000_000L);

		// then: 500 rows/s, 3,000 rows left
		assertThat(line).isEqualTo("A_TblCase.csv 1,000/4,000 rows (25%), 500 rows/s, 0:06 left");
	}

	@Test
	void showsRowsAndRateWhenNoTotalIsKnown() {
		assertThat(TerminalProgress.describe("encounters.csv", 12_500, null, 5_000_000_000L))
			.isEqualTo("encounters.csv 12,500 rows, 2,500 rows/s");
	}

	@Test
	void redrawsOneLineForTheFilesInProgressAndClearsItWhenOneEnds() {
		// given
		StringWriter out = new StringWriter();
		TerminalProgress progress = new TerminalProgress(new PrintWriter(out));

		// when
		progress.started("a.csv", 10L);
		progress.progressed("a.csv", 5, 10L, 1_000_000_000L);
		progress.started("b.csv", null);
		progress.finished("a.csv", "completed", 10, 2_000_000_000L);

		// then: each redraw returns to the line's start and clears it; no line break
		assertThat(out.toString())
			.isEqualTo("\r\u001b[Ka.csv 0/10 rows (0%), 0 rows/s"
					+ "\r\u001b[Ka.csv 5/10 rows (50%), 5 rows/s, 0:01 left"
					+ "\r\u001b[Ka.csv 5/10 rows (50%), 5 rows/s, 0:01 left | b.csv 0 rows, 0 rows/s" + "\r\u001b[K")
			.doesNotContain("\n");
	}

}
