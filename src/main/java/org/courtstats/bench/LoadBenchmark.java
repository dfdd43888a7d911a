package org.courtstats.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.warehouse.EmbeddedWarehouse;

/**
 * Measures the nightly load against its floor on one generated EOIR release: a raw
 * {@code COPY} of the files, the full load into an empty warehouse, the same release
 * offered again, the next month's release, the full load with JDBC batch staging, and the
 * full load of a release a quarter of the size (how the load scales). Each load is the
 * real {@code load} command in a child JVM of its own with the heap given, so that its
 * heap is measured alone; each warehouse is a scratch database the benchmark creates and
 * drops, on an embedded PostgreSQL in the work folder unless a server is given.
 */
public final class LoadBenchmark {

	/** Label of the first release. */
	public static final String FIRST_RELEASE = "EOIR Case Data 2026-0401";

	/** Label of the release a month later. */
	public static final String NEXT_RELEASE = "EOIR Case Data 2026-0501";

	private static final Pattern LOG_PREFIX = Pattern.compile("^\\S+ +(INFO|WARN|ERROR|DEBUG) +");

	private static final Pattern LOAD_TIME = Pattern.compile("Nightly load of .* took (\\d+) ms");

	private static final Pattern STATEMENT = Pattern.compile("(\\S+\\.sql): (\\d+) rows? written in (\\d+) ms");

	private final Settings settings;

	private final Consumer<String> progress;

	/**
	 * A benchmark.
	 * @param settings what to measure and where
	 * @param progress told what the benchmark is doing, a line at a time
	 */
	public LoadBenchmark(Settings settings, Consumer<String> progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * Runs every phase, then drops its databases and deletes its work folder.
	 * @return the figures
	 * @throws Exception when the benchmark itself cannot go on (a failed load is a
	 * figure, not an exception)
	 */
	public BenchResult run() throws Exception {
		Path work = this.settings.workFolder();
		Files.createDirectories(work);
		EmbeddedPostgres embedded = null;
		try {
			Database server;
			if (this.settings.databaseUrl() == null) {
				this.progress.accept("Starting an embedded PostgreSQL in " + work.resolve("postgres"));
				embedded = EmbeddedWarehouse.serverBuilder()
					.setDataDirectory(work.resolve("postgres"))
					.setCleanDataDirectory(true)
					.setPGStartupWait(Duration.ofSeconds(60))
					.start();
				server = new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null);
			}
			else {
				server = new Database(this.settings.databaseUrl(), this.settings.user(), this.settings.password());
			}
			return measure(work, server);
		}
		finally {
			if (embedded != null) {
				embedded.close();
			}
			deleteRecursively(work);
		}
	}

	private BenchResult measure(Path work, Database server) throws Exception {
		Path firstInbox = work.resolve("inbox-1");
		Path nextInbox = work.resolve("inbox-2");
		Path quarterInbox = work.resolve("inbox-quarter");
		long quarter = quarterSize(this.settings.proceedings());
		Map<String, Long> rows = new LinkedHashMap<>();
		Map<String, Long> bytes = new LinkedHashMap<>();
		String firstRelease = "release '" + FIRST_RELEASE + "'";
		String quarterRelease = String.format("release '%s' at a quarter of the size (%,d proceedings)", FIRST_RELEASE,
				quarter);
		generate(firstInbox, FIRST_RELEASE, this.settings.proceedings(), false, firstRelease, rows, bytes);
		generate(nextInbox, NEXT_RELEASE, this.settings.proceedings(), true, "release '" + NEXT_RELEASE + "'", rows,
				bytes);
		generate(quarterInbox, FIRST_RELEASE, quarter, false, quarterRelease, rows, bytes);

		List<String> databases = List.of("courtstats_bench_raw", "courtstats_bench_copy", "courtstats_bench_jdbc",
				"courtstats_bench_quarter");
		createDatabases(server, databases);
		try {
			List<BenchResult.Phase> phases = new ArrayList<>();
			this.progress.accept("raw_copy: COPY of the first release's files into text tables, "
					+ this.settings.stagingThreads() + " files at a time");
			Duration raw = RawCopy.run(server.named(databases.get(0)), firstInbox.resolve(FIRST_RELEASE),
					this.settings.stagingThreads());
			phases.add(new BenchResult.Phase("raw_copy", raw, null, null, 0,
					"in the benchmark's JVM, " + this.settings.stagingThreads() + " threads"));
			this.progress.accept(String.format("raw_copy: %.1f s", seconds(raw)));

			Database copy = server.named(databases.get(1));
			Database jdbc = server.named(databases.get(2));
			Database quarterWarehouse = server.named(databases.get(3));
			// An empty warehouse is a migrated one: the migrations run before, untimed
			// for the ratios, and show what a start of the program costs.
			for (BenchResult.Phase migration : List.of(
					child(work, "migrate_copy", copy, List.of("warehouse"), List.of()),
					child(work, "migrate_jdbc", jdbc, List.of("warehouse"), List.of()),
					child(work, "migrate_quarter", quarterWarehouse, List.of("warehouse"), List.of()))) {
				if (migration.exitCode() != 0) {
					// Without a schema no load can be measured, nor its steps read.
					throw new IllegalStateException(migration.name() + " failed with exit code " + migration.exitCode()
							+ " (its output is above), so no load can be measured");
				}
				phases.add(migration);
			}
			phases.add(load(work, "full_load", copy, firstInbox, List.of()));
			List<BenchResult.Step> steps = steps(copy);
			Duration stagingCopy = stagingTime(steps);
			List<BenchResult.Statement> statements = statements(output(work, "full_load"));
			phases.add(load(work, "noop_reload", copy, firstInbox, List.of()));
			phases.add(vacuum(copy));
			phases.add(load(work, "next_release", copy, nextInbox, List.of()));
			List<BenchResult.Statement> nextStatements = statements(output(work, "next_release"));
			phases.add(load(work, "jdbc_batch_staging", jdbc, firstInbox,
					List.of("-Dcourtstats.nightly-load.staging-writer=jdbc-batch")));
			Duration stagingJdbc = stagingTime(steps(jdbc));
			phases.add(load(work, "full_load_quarter", quarterWarehouse, quarterInbox, List.of()));
			return new BenchResult(this.settings.proceedings(), rows, bytes, firstRelease, quarterRelease, phases,
					steps, statements, nextStatements, stagingCopy, stagingJdbc);
		}
		finally {
			dropDatabases(server, databases);
		}
	}

	/**
	 * Vacuums and analyzes the warehouse the full load filled, timed apart and in no
	 * ratio. A next release comes a day or a month after the one before, when autovacuum
	 * has long vacuumed and analyzed the millions of rows the full load wrote; run at
	 * once after it, the next release would share the machine with that autovacuum.
	 */
	private BenchResult.Phase vacuum(Database database) throws SQLException {
		this.progress
			.accept("vacuum: vacuum (analyze) of the full load's warehouse, as autovacuum does between releases");
		long started = System.nanoTime();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("vacuum (analyze)");
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		this.progress.accept(String.format("vacuum: %.1f s", seconds(elapsed)));
		return new BenchResult.Phase("vacuum", elapsed, null, null, 0,
				"in the benchmark's JVM, in no ratio: what autovacuum does between two releases");
	}

	/**
	 * The proceedings of the release that measures how the load scales: a quarter of the
	 * benchmark's, and no fewer than a release holds.
	 * @param proceedings the benchmark's proceedings
	 * @return a quarter of them, at least 20
	 */
	static long quarterSize(long proceedings) {
		return Math.max(20, proceedings / 4);
	}

	private void generate(Path inbox, String label, long proceedings, boolean next, String name, Map<String, Long> rows,
			Map<String, Long> bytes) throws IOException {
		this.progress.accept(String.format("Generating release '%s'%s (%,d proceedings) in %s", label,
				next ? ", a month later" : "", proceedings, inbox));
		long started = System.nanoTime();
		EoirSampleGenerator.StreamedRelease release = EoirSampleGenerator.writeStreamed(inbox, label, proceedings,
				this.settings.seed(), next,
				(made) -> this.progress.accept(String.format("  %,d proceedings made", made)));
		long size;
		try (Stream<Path> files = Files.walk(release.folder())) {
			size = files.filter(Files::isRegularFile).mapToLong(LoadBenchmark::size).sum();
		}
		rows.put(name, release.totalRows());
		bytes.put(name, size);
		this.progress.accept(String.format("  %,d rows, %,d MB, in %.1f s", release.totalRows(), size >> 20,
				(System.nanoTime() - started) / 1e9));
	}

	/**
	 * Runs {@code courtstats load} in a child JVM and times it from its start to its
	 * exit: JVM start, Spring context and Flyway's check included, as an operator's run
	 * pays them.
	 */
	private BenchResult.Phase load(Path work, String phase, Database database, Path inbox, List<String> properties)
			throws IOException, InterruptedException {
		return child(work, phase, database, List.of("load", "--inbox", inbox.toString()), properties);
	}

	private BenchResult.Phase child(Path work, String phase, Database database, List<String> args,
			List<String> properties) throws IOException, InterruptedException {
		Path folder = work.resolve(phase);
		Path logs = folder.resolve("logs");
		Files.createDirectories(logs);
		Path gcLog = folder.resolve("gc.log");
		Path output = output(work, phase);
		List<String> jvmOptions = new ArrayList<>();
		jvmOptions.add("-Xmx" + this.settings.childHeap());
		jvmOptions.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
		jvmOptions.add("-Dcourtstats.nightly-load.settle-time=0s");
		jvmOptions.add("-Dcourtstats.nightly-load.staging-threads=" + this.settings.stagingThreads());
		jvmOptions.add("-Dcourtstats.pull.enabled=false");
		// Its printed lines are parsed: text, whatever the environment asks of the
		// console.
		jvmOptions.add("-Dlogging.structured.format.console=text");
		jvmOptions.addAll(properties);
		ProcessBuilder builder = new ProcessBuilder(this.settings.child().command(jvmOptions, args))
			.directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("COURTSTATS_"));
		environment.put("COURTSTATS_DB_URL", database.url());
		environment.put("COURTSTATS_DB_USER", database.user());
		if (database.password() != null) {
			environment.put("COURTSTATS_DB_PASSWORD", database.password());
		}
		environment.put("COURTSTATS_LOG_DIR", logs.toString());
		this.progress.accept(phase + ": courtstats " + String.join(" ", args) + " in a JVM of its own (-Xmx"
				+ this.settings.childHeap() + (properties.isEmpty() ? "" : " " + String.join(" ", properties)) + ")");
		long started = System.nanoTime();
		Process process = builder.start();
		int exitCode = process.waitFor();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		PeakHeap heap = Files.exists(gcLog) ? PeakHeap.read(gcLog) : new PeakHeap(0, 0, 0);
		List<String> printed = Files.readAllLines(output, StandardCharsets.UTF_8);
		String outcome = printed.stream()
			.filter((line) -> line.contains("EOIR Case Data") || line.contains("migrated"))
			.map((line) -> LOG_PREFIX.matcher(line).replaceFirst("").strip())
			.findFirst()
			.orElse("(no line about the release)");
		Duration loadTime = loadTime(printed);
		this.progress.accept(String.format("%s: %.1f s%s, exit code %d, peak heap %,d MB: %s", phase, seconds(elapsed),
				(loadTime != null) ? String.format(" (the load itself %.1f s)", seconds(loadTime)) : "", exitCode,
				heap.peakUsedBytes() >> 20, outcome));
		if (exitCode != 0) {
			this.progress.accept(phase + " failed; its output:");
			printed.stream()
				.skip(Math.max(0, printed.size() - 40))
				.forEach((line) -> this.progress.accept("  " + line));
		}
		return new BenchResult.Phase(phase, elapsed, loadTime, heap, exitCode, outcome);
	}

	/**
	 * What a child printed: its console log. The load's time and its statements are read
	 * from it rather than from the log file, which rolls at midnight or at 50 MB and
	 * would take the lines before the roll into an archive.
	 */
	private static Path output(Path work, String phase) {
		return work.resolve(phase).resolve("output.txt");
	}

	/** The time the load logged for itself, or null when it logged none. */
	static Duration loadTime(List<String> printed) {
		Duration time = null;
		for (String line : printed) {
			Matcher matcher = LOAD_TIME.matcher(line);
			if (matcher.find()) {
				time = Duration.ofMillis(Long.parseLong(matcher.group(1)));
			}
		}
		return time;
	}

	private static List<BenchResult.Step> steps(Database database) throws SQLException {
		List<BenchResult.Step> steps = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select step_name, start_time, end_time
						from batch.batch_step_execution
						where end_time is not null
						order by step_execution_id
						""")) {
			while (rs.next()) {
				OffsetDateTime start = rs.getObject(2, OffsetDateTime.class);
				OffsetDateTime end = rs.getObject(3, OffsetDateTime.class);
				steps.add(new BenchResult.Step(rs.getString(1), Duration.between(start, end)));
			}
		}
		return steps;
	}

	private static Duration stagingTime(List<BenchResult.Step> steps) {
		return steps.stream()
			.filter((step) -> step.name().equals("stageRelease"))
			.map(BenchResult.Step::elapsed)
			.findFirst()
			.orElse(Duration.ZERO);
	}

	/** The integration statements {@code WarehouseBuild} logged, slowest first. */
	private static List<BenchResult.Statement> statements(Path output) throws IOException {
		return Files.exists(output) ? statements(Files.readAllLines(output, StandardCharsets.UTF_8)) : List.of();
	}

	static List<BenchResult.Statement> statements(List<String> printed) {
		List<BenchResult.Statement> statements = new ArrayList<>();
		for (String line : printed) {
			Matcher matcher = STATEMENT.matcher(line);
			if (matcher.find()) {
				statements.add(new BenchResult.Statement(matcher.group(1), Long.parseLong(matcher.group(2)),
						Duration.ofMillis(Long.parseLong(matcher.group(3)))));
			}
		}
		statements.sort(Comparator.comparing(BenchResult.Statement::elapsed).reversed());
		return statements;
	}

	private static void createDatabases(Database server, List<String> names) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("drop database if exists " + name);
				statement.execute("create database " + name);
			}
		}
	}

	private void dropDatabases(Database server, List<String> names) {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
		}
		catch (SQLException ex) {
			this.progress.accept("Could not drop the benchmark's databases " + names + ": " + ex.getMessage());
		}
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/**
	 * What the benchmark measures and where.
	 *
	 * @param proceedings proceedings of the first release
	 * @param seed the generator's random seed
	 * @param workFolder where releases, the embedded server and the children's logs go;
	 * deleted at the end
	 * @param databaseUrl a PostgreSQL server to create the scratch databases on, or null
	 * for an embedded one
	 * @param user that server's user
	 * @param password that server's password, or null
	 * @param child how to start courtstats in a child JVM
	 * @param childHeap the {@code -Xmx} of each load, e.g. {@code 512m}
	 * @param stagingThreads files staged (and copied) at the same time
	 */
	public record Settings(long proceedings, long seed, Path workFolder, String databaseUrl, String user,
			String password, ChildJvm child, String childHeap, int stagingThreads) {
	}

}
