package org.courtstats.faults;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.courtstats.ChildJvm;
import org.courtstats.TestLogs;
import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSampleWorkbook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault-injection tests share: one delivery (an EOIR release, an OHSS edition
 * and a CBP file), loads run in processes of their own so that they can be killed, and
 * the warehouse a clean load of that delivery gives.
 */
final class FaultRuns {

	/**
	 * Rows per chunk: small, so that every file has several chunks to be killed between.
	 */
	static final int CHUNK = 50;

	static final String RELEASE = EoirSampleGenerator.DEFAULT_LABEL;

	static final Path LOGS = TestLogs.file("faults");

	private static WarehouseComparison.Snapshot clean;

	private static int runs;

	private FaultRuns() {
	}

	/**
	 * Writes the delivery into an inbox: the same bytes every time.
	 */
	static void deliver(Path inbox) {
		EoirSampleGenerator.generate(inbox, RELEASE, 600, 11);
		OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 3), 5);
		CbpSampleFile.write(inbox, YearMonth.of(2026, 3), 5);
	}

	/**
	 * The warehouse a clean load of the delivery gives, loaded once per test JVM.
	 */
	static synchronized WarehouseComparison.Snapshot clean() throws Exception {
		if (clean == null) {
			Path inbox = Files.createTempDirectory("faults-clean");
			try {
				deliver(inbox);
				String url = TestWarehouse.newDatabase("faults_clean");
				Load load = start(url, List.of(), "clean-load", "load", "--inbox", inbox.toString());
				assertThat(load.exitCode(Duration.ofMinutes(3))).as(load.describe()).isZero();
				clean = WarehouseComparison.take(new JdbcTemplate(TestWarehouse.dataSource(url)));
			}
			finally {
				FileSystemUtils.deleteRecursively(inbox);
			}
			assertThat(clean.rows().get("fct_proceeding")).as("a clean load of the delivery").isNotEmpty();
			assertThat(clean.rows().get("fct_border_statistic")).isNotEmpty();
			assertThat(clean.rows().get("fct_encounter")).isNotEmpty();
		}
		return clean;
	}

	/**
	 * Starts a courtstats command in a process of its own against a database.
	 * @param url the database
	 * @param properties more {@code -D} settings
	 * @param name names its output file under {@link #LOGS}
	 * @param args the command and its arguments
	 */
	static Load start(String url, List<String> properties, String name, String... args) throws IOException {
		Files.createDirectories(LOGS);
		List<String> options = new ArrayList<>(
				List.of("-Dcourtstats.database.url=" + url, "-Dcourtstats.database.user=postgres",
						"-Dcourtstats.nightly-load.chunk-size=" + CHUNK, "-Dcourtstats.log-dir=" + LOGS));
		options.addAll(properties);
		File output = LOGS.resolve(String.format("%03d-%s.log", ++runs, name)).toFile();
		Process process = ChildJvm.courtstats(options, args)
			.directory(LOGS.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output)
			.start();
		return new Load(process, output.toPath());
	}

	/**
	 * A courtstats process and its output.
	 */
	record Load(Process process, Path output) {

		int exitCode(Duration limit) throws InterruptedException {
			if (!this.process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("still running after " + limit + ": " + describe());
			}
			return this.process.exitValue();
		}

		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}

		String text() {
			try {
				return Files.readString(this.output, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(no output: " + ex.getMessage() + ")";
			}
		}

		String describe() {
			return "the process writing " + this.output;
		}

	}

	/**
	 * A trigger function that sleeps the first time it fires (per sequence named by its
	 * argument, which a rollback does not reset), long enough to be caught.
	 */
	static void createSleepFunction(JdbcTemplate jdbc) {
		jdbc.execute("""
				create or replace function public.sleep_once() returns trigger language plpgsql as $$
				begin
				    if nextval(tg_argv[0]) = coalesce(tg_argv[1], '1')::bigint then
				        perform pg_sleep(coalesce(tg_argv[2], '120')::int);
				    end if;
				    if tg_level = 'ROW' then return new; end if;
				    return null;
				end $$""");
	}

	/**
	 * Makes the first statement (or row, with {@code when}) that fires the trigger sleep.
	 * @param name the trigger's and its sequence's name
	 * @param timing e.g. {@code before insert on staging.eoir_case for each row}
	 * @param when a condition on {@code new}, or null
	 */
	static void sleepOnce(JdbcTemplate jdbc, String name, String timing, String when) {
		sleepOnce(jdbc, name, timing, when, 1);
	}

	/**
	 * Makes the n-th firing of the trigger sleep (counted by a sequence, which a rollback
	 * does not reset).
	 */
	static void sleepOnce(JdbcTemplate jdbc, String name, String timing, String when, long firing) {
		sleepOnce(jdbc, name, timing, when, firing, 120);
	}

	static void sleepOnce(JdbcTemplate jdbc, String name, String timing, String when, long firing, int seconds) {
		jdbc.execute("create sequence public." + name);
		jdbc.execute("create trigger " + name + " " + timing + " " + ((when != null) ? "when (" + when + ") " : "")
				+ "execute function public.sleep_once('public." + name + "', '" + firing + "', '" + seconds + "')");
	}

	static String sleepingQuery(JdbcTemplate jdbc) {
		List<String> queries = jdbc.queryForList(
				"select query from pg_stat_activity " + "where datname = current_database() and wait_event = 'PgSleep'",
				String.class);
		return queries.isEmpty() ? null : queries.get(0);
	}

	/**
	 * Lets PostgreSQL notice a dead client while a statement sleeps (as it notices it
	 * when the statement ends), so that the killed load's transaction ends at once.
	 */
	static void noticeDeadClients(JdbcTemplate jdbc) {
		String database = jdbc.queryForObject("select current_database()", String.class);
		jdbc.execute("alter database \"" + database + "\" set client_connection_check_interval = '200ms'");
	}

	/** Waits until no session of a killed load is left: no sleep, no run lock. */
	static void awaitKilledSessionsGone(JdbcTemplate jdbc) throws InterruptedException {
		await(() -> jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database() "
				+ "and (wait_event = 'PgSleep' or pid in (select pid from pg_locks where locktype = 'advisory'))",
				Long.class) == 0, Duration.ofSeconds(60));
	}

	static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
