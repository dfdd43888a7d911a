package org.courtstats.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.nightly.RunOperations;
import org.courtstats.pull.SourcePull;
import org.courtstats.warehouse.RejectedRows;
import org.courtstats.warehouse.RunHistory.Run;
import org.courtstats.warehouse.SourceChecks.SourceCheck;
import org.courtstats.warehouse.WarehouseChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats status}: the latest runs of the nightly load, and whether the runs
 * marked as running are alive.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Lists the latest runs of the nightly load, newest first: execution id, source, release, "
				+ "status, start, end, and rows read, loaded and rejected (the runs of the job repository, which "
				+ "purge thins; their counts from etl.load_run, which keeps every run); for a run that failed "
				+ "or stopped, the step and its error; for a run whose data-quality checks failed or warned, "
				+ "those checks (name, severity, offending rows).",
				"Then the runs still marked as running, and whether a live load holds the run lock (then they run) "
						+ "or not (then a process that ended left them: `courtstats recover` marks them failed).",
				"With --checks RUN, every data-quality check that run made instead (etl.check_result)." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:shown", "1:the warehouse could not be read",
				"2:usage or configuration error, or --checks names no run" })
class StatusCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Spec
	private CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "How many of the latest runs to list (default: ${DEFAULT-VALUE}).")
	private int limit;

	@Option(names = "--checks", paramLabel = "RUN",
			description = "List every data-quality check the run (job execution id) made over its release: "
					+ "name, severity, threshold, offending rows, outcome and up to three offending rows.")
	private Long checksOf;

	@Override
	public Integer call() {
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit must be at least 1, not " + this.limit + ".");
		}
		if (this.checksOf != null) {
			List<WarehouseChecks.CheckResult> results;
			try (ConfigurableApplicationContext context = Warehouse.openShared()) {
				if (!context.getBean(RejectedRows.class).isKnownRun(this.checksOf)) {
					throw new IllegalArgumentException("Run " + this.checksOf + " is not in etl.load_run: "
							+ "`courtstats status` lists the runs.");
				}
				results = context.getBean(RunOperations.class).checks(this.checksOf);
			}
			PrintWriter out = this.spec.commandLine().getOut();
			printChecks(out, this.checksOf, results);
			out.flush();
			return ExitCodes.OK;
		}
		RunOperations.Status status;
		List<SourcePull.Freshness> sources;
		try (ConfigurableApplicationContext context = Warehouse.openShared()) {
			status = context.getBean(RunOperations.class).status(this.limit);
			sources = context.getBean(SourcePull.class).freshness();
		}
		PrintWriter out = this.spec.commandLine().getOut();
		print(out, status);
		printSources(out, sources, Instant.now());
		out.flush();
		return ExitCodes.OK;
	}

	static void print(PrintWriter out, RunOperations.Status status) {
		if (status.recent().isEmpty() && status.runsInLedger() > 0) {
			out.printf("No run in the job repository: purged. etl.load_run keeps all %,d runs, with their counts "
					+ "(reporting.load_history lists them).%n", status.runsInLedger());
		}
		else if (status.recent().isEmpty()) {
			out.println("No run recorded in the job repository yet.");
		}
		else {
			out.println("Latest runs, newest first:");
			out.printf("  %9s  %-6s %-40s %-10s %-19s  %-19s %10s %10s %9s%n", "execution", "source", "release",
					"status", "started", "ended", "read", "loaded", "rejected");
			// The newest run of a release is the one restart and abandon take, and its
			// message names it; an older one's advice was for then, so it names the run
			// that took its release over instead.
			Map<String, Run> newestRuns = new HashMap<>();
			for (Run run : status.recent()) {
				Run newer = newestRuns.putIfAbsent(run.source() + "\t" + run.release(), run);
				String message = run.message();
				if (newer == null && abandonable(run)) {
					message = ReleaseOutcome.namingRun(message, run.executionId());
				}
				else if (newer != null && run.status().equals("STOPPED")) {
					message = "stopped on request; run " + newer.executionId() + " took its release over";
				}
				else if (newer != null && run.status().equals("FAILED")) {
					message = ((message != null)
							? ReleaseOutcome.namingRun(message, abandonable(newer) ? newer.executionId() : null) + " "
							: "") + "(run " + newer.executionId() + " took its release over)";
				}
				out.printf("  %9d  %-6s %-40s %-10s %-19s  %-19s %10s %10s %9s%n", run.executionId(),
						orDash(run.source()), truncate(orDash(run.release()), 40), run.status(), time(run.start()),
						time(run.end()), count(run, run.rowsRead()), count(run, run.rowsLoaded()),
						count(run, run.rowsRejected()));
				if (!run.status().equals("COMPLETED") && run.failedStep() != null) {
					out.println("             " + (run.status().equals("STOPPED") ? "stopped in " : "failed in ")
							+ run.failedStep() + ((message != null) ? ": " + message : ""));
				}
				else if (!run.status().equals("COMPLETED") && message != null) {
					out.println("             " + message);
				}
				List<WarehouseChecks.CheckResult> flagged = status.flaggedChecks()
					.getOrDefault(run.executionId(), List.of());
				if (!flagged.isEmpty()) {
					out.println("             checks: " + String.join("; ",
							flagged.stream()
								.map((check) -> "%s %s %,d %s".formatted(check.name(), check.severity().label(),
										check.offendingRows(), (check.offendingRows() == 1) ? "row" : "rows"))
								.toList())
							+ " (courtstats status --checks " + run.executionId() + ")");
				}
			}
		}
		out.println();
		if (status.markedRunning().isEmpty()) {
			out.println("Nothing is marked as running. "
					+ (status.lockHeld() ? "A load holds the run lock (it is between runs, or checking its inbox)."
							: "No load holds the run lock."));
			return;
		}
		for (Run run : status.markedRunning()) {
			out.print("Run " + run.executionId() + " (" + orDash(run.source()) + " release '" + orDash(run.release())
					+ "') is marked " + run.status() + " since " + time(run.start()) + ": ");
			if (status.lockHeld()) {
				out.println("a live load holds the run lock, so it is "
						+ (run.status().equals("STOPPING") ? "stopping after its current chunk." : "running."));
			}
			else {
				out.println("no process holds the run lock, so the process running it ended (killed, out of memory, "
						+ "power cut). `courtstats recover` marks it failed; then `courtstats restart "
						+ run.executionId() + "` or the next load resumes it.");
			}
		}
	}

	private static boolean abandonable(Run run) {
		return run.status().equals("FAILED") || run.status().equals("STOPPED");
	}

	static void printChecks(PrintWriter out, long run, List<WarehouseChecks.CheckResult> results) {
		if (results.isEmpty()) {
			out.println("Run " + run + " recorded no data-quality check: it did not reach its publish step "
					+ "(`courtstats status` shows where it stopped).");
			return;
		}
		int width = results.stream().mapToInt((result) -> result.name().length()).max().orElse(0);
		String line = "  %-" + Math.max(width, "check".length()) + "s %-8s %";
		out.println("Data-quality checks of run " + run + ", in the order they ran:");
		out.printf(line + "9s %10s  %s%n", "check", "severity", "threshold", "offending", "outcome");
		for (WarehouseChecks.CheckResult result : results) {
			String outcome = result.passed() ? "passed" : (result.severity() == WarehouseChecks.Severity.ERROR)
					? "FAILED (held the release back)" : "WARNED (does not hold it back)";
			out.printf(line + ",9d %,10d  %s%n", result.name(), result.severity().label(), result.threshold(),
					result.offendingRows(), outcome);
			if (!result.passed() && result.examples() != null) {
				out.println("      e.g. " + result.examples());
			}
		}
	}

	/**
	 * Each declared source's freshness: how long since its publisher changed it, since
	 * the pull checked it, and since the warehouse last published a release of its kind.
	 */
	static void printSources(PrintWriter out, List<SourcePull.Freshness> sources, Instant now) {
		if (sources.isEmpty()) {
			return;
		}
		out.println();
		out.println("Sources (courtstats.pull.sources), freshness:");
		out.printf("  %-8s %-5s %-20s %-34s %s%n", "source", "kind", "published", "checked", "loaded");
		for (SourcePull.Freshness source : sources) {
			SourceCheck check = source.lastCheck();
			String published = (check != null && check.publishedAt() != null) ? ago(check.publishedAt(), now) : "-";
			String checked = (check != null) ? ago(check.checkedAt(), now) + ", " + check.status() : "never";
			out.printf("  %-8s %-5s %-20s %-34s %s%s%n", source.name(), source.kind(), published, checked,
					(source.lastLoaded() != null) ? ago(source.lastLoaded(), now) : "never",
					source.enabled() ? "" : "  (switched off)");
		}
	}

	private static String ago(Instant then, Instant now) {
		Duration age = Duration.between(then, now);
		if (age.toDays() >= 2) {
			return age.toDays() + " d ago";
		}
		if (age.toHours() >= 2) {
			return age.toHours() + " h ago";
		}
		return (age.toMinutes() >= 2) ? age.toMinutes() + " min ago" : Math.max(age.toSeconds(), 0) + " s ago";
	}

	private static String time(LocalDateTime time) {
		return (time != null) ? TIME.format(time) : "-";
	}

	/**
	 * A run's counts are recorded when it ends: none while it runs.
	 */
	private static String count(Run run, Long count) {
		return (count != null && run.end() != null) ? String.format("%,d", count) : "-";
	}

	private static String orDash(String text) {
		return (text != null) ? text : "-";
	}

	private static String truncate(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "~";
	}

}
