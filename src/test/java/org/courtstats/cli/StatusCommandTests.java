package org.courtstats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.courtstats.nightly.RunOperations;
import org.courtstats.warehouse.WarehouseChecks;
import org.courtstats.warehouse.RunHistory.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} names the run to abandon where a run's message says to abandon "RUN":
 * the newest failed or stopped run of its release, the one {@code abandon} takes; and
 * lines up a run's checks however long their names.
 */
class StatusCommandTests {

	private static final String MESSAGE = "A_TblCase.csv: line 1: the header has no column IDNCASE. Abandon the run "
			+ "('courtstats abandon RUN'; 'courtstats status' lists it)";

	@Test
	void theNewestFailedRunOfAReleaseIsNamedInItsMessage() {
		LocalDateTime start = LocalDateTime.of(2026, 12, 2, 2, 0);
		List<Run> recent = List.of(run(9, "EOIR Case Data 2026-0501", "FAILED", start.plusHours(2)),
				run(8, "EOIR Case Data 2026-0401", "ABANDONED", start.plusHours(1)),
				run(7, "EOIR Case Data 2026-0501", "FAILED", start));
		StringWriter out = new StringWriter();

		StatusCommand.print(new PrintWriter(out, true),
				new RunOperations.Status(recent, List.of(), false, Map.of(), recent.size()));

		List<String> messages = out.toString().lines().filter((line) -> line.contains("Abandon the run")).toList();
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0)).as("run 9, the newest of its release").contains("('courtstats abandon 9'; ");
		assertThat(messages.get(1)).as("run 8, abandoned").contains("('courtstats abandon RUN'; ");
		assertThat(messages.get(2)).as("run 7, which run 9 restarted")
			.contains("('courtstats abandon 9'; ")
			.endsWith("(run 9 took its release over)");
	}

	@Test
	void anOlderRunOfAReleaseNamesTheRunThatTookItOverRatherThanItsOwnAdvice() {
		LocalDateTime start = LocalDateTime.of(2026, 12, 2, 2, 0);
		List<Run> recent = List.of(run(12, "EOIR Case Data 2026-0501", "COMPLETED", start.plusHours(2)),
				new Run(11, "eoirRelease", "eoir", "EOIR Case Data 2026-0501", "STOPPED", start.plusHours(1),
						start.plusHours(1).plusMinutes(5), 10L, 0L, 0L, "stageRelease",
						"stopped on request after its last committed chunk; `courtstats restart 11` or the next load "
								+ "resumes it"),
				run(10, "EOIR Case Data 2026-0501", "FAILED", start));
		StringWriter out = new StringWriter();

		StatusCommand.print(new PrintWriter(out, true),
				new RunOperations.Status(recent, List.of(), false, Map.of(), recent.size()));

		assertThat(out.toString()).contains("stopped in stageRelease: stopped on request; run 12 took its release over")
			.doesNotContain("courtstats restart 11")
			.contains("failed in stageRelease: " + MESSAGE + " (run 12 took its release over)");
	}

	@Test
	void theChecksLineUpUnderTheirHeadingsHoweverLongTheirNames() {
		String longName = "fct_border_statistic__tables_of_the_edition_before_present";
		List<WarehouseChecks.CheckResult> results = List.of(
				new WarehouseChecks.CheckResult("rejected_rows__within_threshold", WarehouseChecks.Severity.ERROR, 0, 0,
						true, null),
				new WarehouseChecks.CheckResult(longName, WarehouseChecks.Severity.WARN, 0, 3, false, "[{\"n\": 1}]"));
		StringWriter out = new StringWriter();

		StatusCommand.printChecks(new PrintWriter(out, true), 2, results);

		List<String> lines = out.toString().lines().toList();
		int severity = lines.get(1).indexOf("severity");
		assertThat(severity).isGreaterThan(2 + longName.length());
		assertThat(lines.get(2).indexOf("error")).isEqualTo(severity);
		assertThat(lines.get(3)).startsWith("  " + longName + " ").contains("WARNED");
		assertThat(lines.get(3).indexOf("warn")).isEqualTo(severity);
		assertThat(lines.get(4)).isEqualTo("      e.g. [{\"n\": 1}]");
	}

	private static Run run(long id, String release, String status, LocalDateTime start) {
		return new Run(id, "eoirRelease", "eoir", release, status, start, start.plusMinutes(5), 10L, 0L, 0L,
				"stageRelease", MESSAGE);
	}

}
