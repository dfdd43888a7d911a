package org.courtstats.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.courtstats.CourtstatsApplication;
import org.courtstats.bench.BenchResult;
import org.courtstats.bench.ChildJvm;
import org.courtstats.bench.LoadBenchmark;
import org.courtstats.bench.PeakHeap;
import org.courtstats.warehouse.DatabaseCredentials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courtstats bench}: measures the nightly load against a raw {@code COPY} of the
 * same generated release and prints the figures beside their targets.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Generates an EOIR release (and the next month's), then measures: a raw COPY of its files "
				+ "(the floor), the nightly load into an empty warehouse, the same release offered again, the next "
				+ "release, the load with JDBC batch staging, and the load of a release a quarter of the size (how "
				+ "the load scales); prints times, each load's peak heap and the ratios beside their targets.",
				"Each load runs as 'courtstats load' in a JVM of its own; the warehouses are scratch databases on an "
						+ "embedded PostgreSQL in a temporary folder (or on --database-url), dropped at the end. "
						+ "A MISS is information: the exit code is 0 unless a load failed." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:measured (whatever the figures)", "1:a load failed", "2:usage error" })
class BenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--proceedings", paramLabel = "N", defaultValue = "2000000",
			description = "Proceedings in the generated release; cases, hearings, applications, charges and "
					+ "representation follow in the generator's proportions (default: ${DEFAULT-VALUE}).")
	private long proceedings;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "20260401",
			description = "Random seed of the generator (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--work-dir", paramLabel = "DIR",
			description = "Folder to work in: its subfolder courtstats-bench holds the releases, the embedded "
					+ "PostgreSQL and the loads' logs, and is deleted at the end (default: a new folder in the "
					+ "system's temporary folder, deleted at the end).")
	private Path workDir;

	@Option(names = "--database-url", paramLabel = "URL",
			description = "A PostgreSQL server to create the scratch databases courtstats_bench_* on instead of an "
					+ "embedded one (user and password from COURTSTATS_DB_USER and COURTSTATS_DB_PASSWORD or "
					+ "COURTSTATS_DB_PASSWORD_FILE). " + "Never point it at a warehouse you care about.")
	private String databaseUrl;

	@Option(names = "--load-heap", paramLabel = "SIZE", defaultValue = "512m",
			description = "-Xmx of each load's JVM (default: ${DEFAULT-VALUE}).")
	private String loadHeap;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "2",
			description = "Files staged (and raw-copied) at the same time (default: ${DEFAULT-VALUE}).")
	private int threads;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.proceedings < 80) {
			// The release that measures how the load scales holds a quarter of them, and
			// a release at least 20.
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--proceedings must be at least 80, not " + this.proceedings);
		}
		Path work = (this.workDir != null) ? this.workDir.resolve("courtstats-bench")
				: Files.createTempDirectory("courtstats-bench");
		LoadBenchmark.Settings settings = new LoadBenchmark.Settings(this.proceedings, this.seed, work,
				this.databaseUrl, System.getenv("COURTSTATS_DB_USER"),
				(this.databaseUrl != null) ? DatabaseCredentials.password(System.getenv("COURTSTATS_DB_PASSWORD"),
						System.getenv("COURTSTATS_DB_PASSWORD_FILE")) : null,
				ChildJvm.current(CourtstatsApplication.class.getName()), this.loadHeap, this.threads);
		long started = System.nanoTime();
		BenchResult result = new LoadBenchmark(settings, (line) -> {
			long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
			out.printf("[%02d:%02d] %s%n", elapsed / 60, elapsed % 60, line);
			out.flush();
		}).run();
		print(out, result);
		out.flush();
		return result.loadsSucceeded() ? ExitCodes.OK : ExitCodes.FAILED;
	}

	private void print(PrintWriter out, BenchResult result) {
		out.println();
		out.printf("courtstats bench: %,d proceedings, loads in JVMs of -Xmx%s, %d staging threads%n",
				result.proceedings(), this.loadHeap, this.threads);
		for (Map.Entry<String, Long> release : result.rowsByRelease().entrySet()) {
			out.printf("  %s: %,d case-data rows, %,d MB of files%n", release.getKey(), release.getValue(),
					result.bytesByRelease().get(release.getKey()) >> 20);
		}
		out.println();
		out.printf("%-20s %10s %10s %14s %14s %4s  %s%n", "phase", "seconds", "process s", "peak heap MB",
				"live heap MB", "exit", "outcome");
		for (BenchResult.Phase phase : result.phases()) {
			PeakHeap heap = phase.heap();
			out.printf("%-20s %10s %10.3f %14s %14s %4d  %s%n", phase.name(),
					(phase.loadTime() != null || phase.heap() == null)
							? String.format("%.3f", seconds(phase.measured())) : "-",
					seconds(phase.elapsed()), (heap != null) ? String.format("%,d", heap.peakUsedBytes() >> 20) : "-",
					(heap != null) ? String.format("%,d", heap.peakLiveBytes() >> 20) : "-", phase.exitCode(),
					phase.outcome());
		}
		out.println();
		double raw = seconds(result.phase("raw_copy").measured());
		double full = seconds(result.phase("full_load").measured());
		double noop = seconds(result.phase("noop_reload").measured());
		double next = seconds(result.phase("next_release").measured());
		double jdbc = seconds(result.phase("jdbc_batch_staging").measured());
		double quarter = seconds(result.phase("full_load_quarter").measured());
		out.println("seconds: a load's own time, from taking the run lock to its end, as its log gives it; like the "
				+ "raw copy, it leaves out the start of a JVM, the Spring context and the schema check, which "
				+ "\"process s\" includes (start to exit).");
		out.println();
		out.printf("%-34s %8s %10s  %s%n", "ratio", "value", "target", "");
		ratio(out, "full_load / raw_copy", full / raw, "<=", 2.0);
		ratio(out, "noop_reload / raw_copy", noop / raw, "<=", 0.05);
		ratio(out, "next_release / raw_copy", next / raw, "<=", 1.0);
		ratio(out, "jdbc_batch_staging / full_load", jdbc / full, ">=", 4.0);
		double stagingCopy = seconds(result.stagingCopy());
		double stagingJdbc = seconds(result.stagingJdbcBatch());
		if (stagingCopy > 0) {
			ratio(out, "staging step: jdbc-batch / copy", stagingJdbc / stagingCopy, ">=", 4.0);
		}
		out.println("  (COPY at least 4x faster than JDBC batching: the whole load, and its stageRelease step alone, "
				+ String.format("%.1f s with COPY, %.1f s with JDBC batches)", stagingCopy, stagingJdbc));
		ratio(out, "full_load / full_load_quarter", full / quarter, "<=", 4.4);
		out.printf("  (a full load at 4x the size within 4.4x the time: the release of full_load has %.2f times the "
				+ "case-data rows of full_load_quarter's)%n", result.sizeFactor());
		out.println();
		out.println("full_load steps (batch.batch_step_execution, start to end):");
		for (BenchResult.Step step : result.steps()) {
			out.printf("  %-40s %10.1f s%n", step.name(), seconds(step.elapsed()));
		}
		out.println("integration statements, the full load's slowest first (WarehouseBuild's log):");
		out.printf("  %-40s %12s %14s %12s %14s%n", "statement", "full_load", "rows", "next_release", "rows");
		Map<String, BenchResult.Statement> nextByFile = new HashMap<>();
		result.nextStatements().forEach((statement) -> nextByFile.put(statement.file(), statement));
		for (BenchResult.Statement statement : result.statements()) {
			BenchResult.Statement again = nextByFile.get(statement.file());
			out.printf("  %-40s %10.1f s %,14d %12s %14s%n", statement.file(), seconds(statement.elapsed()),
					statement.rows(), (again != null) ? String.format("%.1f s", seconds(again.elapsed())) : "-",
					(again != null) ? String.format("%,d", again.rows()) : "-");
		}
	}

	private static void ratio(PrintWriter out, String name, double value, String comparison, double target) {
		boolean pass = comparison.equals("<=") ? value <= target : value >= target;
		out.printf("%-34s %8.3f %4s %5.2f  %s%n", name, value, comparison, target, pass ? "PASS" : "MISS");
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
