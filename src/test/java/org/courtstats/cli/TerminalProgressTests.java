package org.courtstats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.courtstats.observability.ProgressDisplay.FileProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line a terminal shows while files are staged.
 */
class TerminalProgressTests {

	@Test
	void showsABarOfTheBytesReadWithRowsMegabytesRateAndTimeLeft() {
		// given: 1,000 of Count.txt's 4,000 rows, 30 of 120 MB read, in 2 s
		// when
		String line = TerminalProgress
			.describe(new FileProgress("A_TblCase.csv", 1_000, 4_000L, 30_000_000L, 120_000_000L, 2_000_000_000L));

		// then: a quarter done, 500 rows/s, 6 s left at this pace
		assertThat(line)
			.isEqualTo("A_TblCase.csv [##--------] 25% 1,000/4,000 rows, 30.0/120.0 MB, 500 rows/s, 0:06 left");
	}

	@Test
	void measuresTheShareDoneByBytesEvenWhenCountTxtDisagrees() {
		assertThat(TerminalProgress
			.describe(new FileProgress("B_TblProceeding.csv", 900, 1_000L, 45_000_000L, 50_000_000L, 9_000_000_000L)))
			.isEqualTo("B_TblProceeding.csv [#########-] 90% 900/1,000 rows, 45.0/50.0 MB, 100 rows/s, 0:01 left");
	}

	@Test
	void measuresTheShareDoneByCountTxtRowsWhenBytesAreNotCounted() {
		assertThat(
				TerminalProgress.describe(new FileProgress("A_TblCase.csv", 1_000, 4_000L, null, null, 2_000_000_000L)))
			.isEqualTo("A_TblCase.csv [##--------] 25% 1,000/4,000 rows, 500 rows/s, 0:06 left");
	}

	@Test
	void showsRowsAndRateWhenNoTotalIsKnown() {
		assertThat(
				TerminalProgress.describe(new FileProgress("edition.xlsx", 12_500, null, null, null, 5_000_000_000L)))
			.isEqualTo("edition.xlsx 12,500 rows, 2,500 rows/s");
	}

	@Test
	void redrawsOneLineForTheFilesInProgressAndClearsItWhenOneEnds() {
		// given
		StringWriter out = new StringWriter();
		TerminalProgress progress = new TerminalProgress(new PrintWriter(out));

		// when
		progress.started(new FileProgress("a.csv", 0, 10L, 0L, 1_000_000L, 0));
		progress.progressed(new FileProgress("a.csv", 5, 10L, 500_000L, 1_000_000L, 1_000_000_000L));
		progress.started(new FileProgress("b.csv", 0, null, 0L, null, 0));
		progress.finished("a.csv", "completed", 10, 2_000_000_000L);

		// then: each redraw returns to the line's start and clears it; no line break
		assertThat(out.toString())
			.isEqualTo("\r\u001b[Ka.csv [----------] 0% 0/10 rows, 0.0/1.0 MB, 0 rows/s"
					+ "\r\u001b[Ka.csv [#####-----] 50% 5/10 rows, 0.5/1.0 MB, 5 rows/s, 0:01 left"
					+ "\r\u001b[Ka.csv [#####-----] 50% 5/10 rows, 0.5/1.0 MB, 5 rows/s, 0:01 left"
					+ " | b.csv 0 rows, 0.0 MB, 0 rows/s" + "\r\u001b[K")
			.doesNotContain("\n");
	}

}
