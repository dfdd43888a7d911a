package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.courtstats.ChildJvm;
import org.courtstats.TestWarehouse;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.nightly.ScheduledNightlyLoad;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.RunLockException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * {@code courtstats schedule} as a scheduler host runs it: it fires the load on its cron
 * expression, one run at a time, and serves the load's meters and Spring Batch's timers
 * to a Prometheus scrape.
 */
class ScheduleCommandFunctionalTests {

	private static final String[] PROPERTIES = { "courtstats.database.url", "courtstats.database.user",
			"courtstats.nightly-load.inbox", "courtstats.nightly-load.schedule", "courtstats.nightly-load.archive",
			"server.port", "courtstats.log-dir" };

	@TempDir
	Path inbox;

	@TempDir
	Path logs;

	private String url;

	private ConfigurableApplicationContext context;

	private final Map<String, String> before = new HashMap<>();

	@BeforeEach
	void pointAtAFreshWarehouse() {
		for (String property : PROPERTIES) {
			this.before.put(property, System.getProperty(property));
		}
		this.url = TestWarehouse.newDatabase("schedule");
		System.setProperty("courtstats.database.url", this.url);
		System.setProperty("courtstats.database.user", "postgres");
		System.setProperty("courtstats.nightly-load.inbox", this.inbox.toString());
		// every second, so that the test does not wait for the night
		System.setProperty("courtstats.nightly-load.schedule", "* * * * * *");
		System.setProperty("server.port", "0");
		System.setProperty("courtstats.log-dir", this.logs.toString());
		// Logging is set up once per JVM, into the log folder of the first context any
		// test started: set it up again, into this test's.
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
	}

	@AfterEach
	void stopAndForget() {
		if (this.context != null) {
			this.context.close();
		}
		// As the build set them (the log folder under target/), for the tests after.
		this.before.forEach((property, value) -> {
			if (value == null) {
				System.clearProperty(property);
			}
			else {
				System.setProperty(property, value);
			}
		});
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
	}

	@Test
	void aFiveFieldScheduleIsAUsageErrorThatGivesTheSixFieldForm() {
		System.setProperty("courtstats.nightly-load.schedule", "0 2 * * *");
		StringWriter err = new StringWriter();

		int exitCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
				"schedule");

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("courtstats: courtstats.nightly-load.schedule is '0 2 * * *' (from "
					+ "-Dcourtstats.nightly-load.schedule), which is not a cron expression: Cron expression must "
					+ "consist of 6 fields")
			.contains("add the seconds first, as in '0 0 2 * * *'")
			.doesNotContain("COURTSTATS_DB");
	}

	@Test
	void anInboxThatIsNoFolderIsAUsageErrorAtTheStart() {
		Path missing = this.inbox.resolve("not-there");
		System.setProperty("courtstats.nightly-load.inbox", missing.toString());
		StringWriter err = new StringWriter();

		int exitCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
				"schedule");

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString()).contains("courtstats: courtstats.nightly-load.inbox is '" + missing
				+ "' (from -Dcourtstats.nightly-load.inbox), which does not exist (" + missing.toAbsolutePath() + ")");
	}

	@Test
	void anArchiveInsideTheInboxIsAUsageErrorAtTheStart() {
		System.setProperty("courtstats.nightly-load.archive", this.inbox.resolve("archive").toString());
		StringWriter err = new StringWriter();

		int exitCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
				"schedule");

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("courtstats: courtstats.nightly-load.archive is '" + this.inbox.resolve("archive")
					+ "' (from -Dcourtstats.nightly-load.archive), which lies inside the inbox")
			.doesNotContain("could not be opened")
			.contains("Set courtstats.nightly-load.archive to a folder outside the inbox");
	}

	@Test
	void anHttpPortInUseIsAUsageErrorNamingThePortNotTheDatabase() throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			System.setProperty("server.port", Integer.toString(taken.getLocalPort()));
			StringWriter err = new StringWriter();

			int exitCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
					"schedule");

			assertThat(exitCode).as(err.toString()).isEqualTo(2);
			assertThat(err.toString())
				.contains("courtstats: The HTTP port " + taken.getLocalPort() + " (server.port, COURTSTATS_HTTP_PORT) "
						+ "is in use by another process")
				.doesNotContain("COURTSTATS_DB");
		}
	}

	@Test
	void aFiveFieldScheduleGivesItsOneLineOnTheConsoleAndSpringsReportToTheLog(@TempDir Path workingDirectory)
			throws Exception {
		Path output = workingDirectory.resolve("schedule.log");

		Process schedule = ChildJvm
			.courtstats(List.of("-Dcourtstats.database.url=" + this.url, "-Dcourtstats.database.user=postgres",
					"-Dcourtstats.log-dir=" + this.logs, "-Dcourtstats.nightly-load.schedule=0 2 * * *",
					"-Dserver.port=0"), "schedule")
			.directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();

		assertThat(schedule.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(schedule.exitValue()).as(Files.readString(output)).isEqualTo(2);
		assertThat(Files.readString(output)).contains("courtstats.nightly-load.schedule is '0 2 * * *'")
			.as("Spring's own report of the failure, left to the log")
			.doesNotContain("Exception encountered during context initialization");
	}

	@Test
	void aSettingThatCannotBeReadIsAUsageErrorNamingItsValueAndWhereItCameFrom() {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.nightly-load.max-rejected-share", "five percent", err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("courtstats: The setting courtstats.nightly-load.max-rejected-share is 'five percent' (from "
					+ "-Dcourtstats.nightly-load.max-rejected-share), which it cannot take: ")
			.doesNotContain("COURTSTATS_DB");
	}

	@Test
	void theJobsSettingsFileInTheWorkingDirectoryOverridesTheBundledOne(@TempDir Path workingDirectory)
			throws Exception {
		// given: the job's settings file beside the jar, with a value the program cannot
		// take
		String settings = "courtstats:\n  nightly-load:\n    max-rejected-share: five percent\n";

		// when
		String output = statusWithJobSettings(workingDirectory, settings);

		// then: the program read it, and names it
		assertThat(output).contains("The setting courtstats.nightly-load.max-rejected-share is 'five percent' (from ")
			.contains("jobs/nightly-load/nightly-load.yml")
			.as("Spring's own report of the failure, left to the log")
			.doesNotContain("APPLICATION FAILED TO START")
			.doesNotContain("Application run failed");
		assertThat(Files.readString(this.logs.resolve("courtstats.log"))).contains("APPLICATION FAILED TO START");
	}

	@Test
	void anAddressThatCannotBeUsedIsNamedWithoutItsCredentials() throws IOException {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.metrics.pushgateway-url", "http://courtstats:s3cret@push gateway:9091",
				err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("courtstats.metrics.pushgateway-url (COURTSTATS_PUSHGATEWAY_URL) is not a Pushgateway address")
			.doesNotContain("s3cret");
		try (Stream<Path> logs = Files.list(this.logs)) {
			for (Path log : logs.toList()) {
				assertThat(Files.readString(log)).as(log.toString()).doesNotContain("s3cret");
			}
		}
	}

	@Test
	void aChunkSizeOfZeroIsAUsageErrorNamingTheSettingNotTheDatabase() {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.nightly-load.chunk-size", "0", err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString()).contains(
				"The setting courtstats.nightly-load.chunk-size is '0' (from -Dcourtstats.nightly-load.chunk-size): "
						+ "it takes rows per chunk, 1 or more")
			.doesNotContain("COURTSTATS_DB_URL");
	}

	@Test
	void aValueOfNoneOfItsChoicesIsNamedWithTheChoices() {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.nightly-load.staging-writer", "jdbc", err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("The setting courtstats.nightly-load.staging-writer is 'jdbc' (from "
					+ "-Dcourtstats.nightly-load.staging-writer), which it cannot take: it takes copy or jdbc-batch.")
			.doesNotContain("No enum constant");
	}

	@Test
	void aValueOutOfRangeIsNamedWithTheFormItWasGivenIn() {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.nightlyLoad.chunkSize", "0", err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString()).contains(
				"The setting courtstats.nightly-load.chunk-size is '0' (from -Dcourtstats.nightlyLoad.chunkSize): "
						+ "it takes rows per chunk, 1 or more");
	}

	@Test
	void aValueOutOfRangeInTheJobsSettingsFileIsNamedWithItsLine(@TempDir Path workingDirectory) throws Exception {
		// given: the job's settings file beside the jar, with a chunk size of 0 on its
		// third line
		String settings = "courtstats:\n  nightly-load:\n    chunk-size: 0\n";

		// when
		String output = statusWithJobSettings(workingDirectory, settings);

		// then
		assertThat(output).containsPattern(
				"The setting courtstats.nightly-load.chunk-size is '0' \\(from [^)]*jobs/nightly-load/nightly-load.yml\\]? "
						+ "- 3:17\\): it takes rows per chunk, 1 or more");
	}

	@Test
	void aServerAddressNotInJdbcFormOrWithoutAUserIsAUsageErrorNamingTheSetting() {
		StringWriter libpq = new StringWriter();
		StringWriter noUser = new StringWriter();

		int libpqExit = statusWith("courtstats.database.url", "postgresql://127.0.0.1:5432/courtstats", libpq);
		System.setProperty("courtstats.database.url", this.url.replaceAll("[?&]user=[^&]*", ""));
		int noUserExit = statusWith("courtstats.database.user", "", noUser);

		assertThat(libpqExit).as(libpq.toString()).isEqualTo(2);
		assertThat(libpq.toString())
			.contains("courtstats.database.url (COURTSTATS_DB_URL) is 'postgresql://127.0.0.1:5432/courtstats', which "
					+ "is not a PostgreSQL JDBC address: it takes jdbc:postgresql://HOST:PORT/DATABASE (the form "
					+ "'postgresql://...' of psql is written 'jdbc:postgresql://...' here)")
			.doesNotContain("No suitable driver");
		assertThat(noUserExit).as(noUser.toString()).isEqualTo(2);
		assertThat(noUser.toString()).contains("courtstats.database.user (COURTSTATS_DB_USER) is not set: the server "
				+ "of courtstats.database.url needs the user to connect as");
	}

	@Test
	void aNegativeWaitForTheEmbeddedWarehousesOwnerIsAUsageError() {
		StringWriter err = new StringWriter();

		int exitCode = statusWith("courtstats.database.embedded.owner-wait", "-5s", err);

		assertThat(exitCode).as(err.toString()).isEqualTo(2);
		assertThat(err.toString())
			.contains("courtstats.database.embedded.owner-wait is '-5s': it takes a duration of " + "0s or more");
	}

	@Test
	void aUserThatDoesNotHoldTheServersRolesIsToldToTakeThemWithTheAdminOption() {
		// given: the roles on the server already (made as a superuser), and a database
		// owned by a user with CREATEROLE who was not given them
		JdbcTemplate superuser = new JdbcTemplate(TestWarehouse.dataSource(this.url));
		superuser.execute("do $$ begin if not exists (select from pg_roles where rolname = 'courtstats_loader') then "
				+ "create role courtstats_loader nologin; end if; if not exists (select from pg_roles where rolname = "
				+ "'courtstats_analyst') then create role courtstats_analyst nologin; end if; end $$");
		String name = "cs_owner_" + Long.toHexString(System.nanoTime());
		superuser.execute("create role " + name + " login createrole");
		superuser.execute("create database " + name + " owner " + name);
		StringWriter err = new StringWriter();
		try {
			// when
			System.setProperty("courtstats.database.url",
					this.url.replaceFirst("/[^/?]+\\?user=[^&]*", "/" + name + "?user=" + name));
			int exitCode = statusWith("courtstats.database.user", name, err);

			// then
			assertThat(exitCode).as(err.toString()).isEqualTo(1);
			assertThat(err.toString()).contains("The warehouse could not be opened: ")
				.contains("permission denied")
				.contains("If the roles courtstats_loader and courtstats_analyst exist already, the user must hold "
						+ "them with the admin option.");
		}
		finally {
			superuser.execute("drop database " + name + " with (force)");
			superuser.execute("drop role " + name);
		}
	}

	@Test
	void aLogFolderThatCannotBeWrittenIsAUsageErrorNamingTheSettingInOneLine() throws Exception {
		Path file = Files.writeString(this.logs.resolve("a-file"), "not a folder");
		Path console = this.logs.resolve("console.txt");

		// In a process of its own, as operators run it: its logging not yet set up.
		// A server that is not there: should the log be written, the command fails
		// otherwise.
		Process process = ChildJvm
			.courtstats(List.of("-Dcourtstats.log-dir=" + file,
					"-Dcourtstats.database.url=jdbc:postgresql://127.0.0.1:1/courtstats",
					"-Dcourtstats.database.user=courtstats"), "status")
			.redirectErrorStream(true)
			.redirectOutput(console.toFile())
			.start();

		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String output = Files.readString(console);
		assertThat(process.exitValue()).as(output).isEqualTo(2);
		assertThat(output.lines()).as("all the console shows")
			.singleElement(as(STRING))
			.isEqualTo("courtstats: The log cannot be written (courtstats.log-dir, COURTSTATS_LOG_DIR): a file that "
					+ "is not a folder is in the way: " + file + ". Set it to a folder the user running courtstats "
					+ "may write.");
	}

	/**
	 * Runs {@code courtstats status} in a JVM of its own, in a working directory holding
	 * the job's settings file beside the jar, and expects it to refuse them (exit 2).
	 * @return what it printed
	 */
	private String statusWithJobSettings(Path workingDirectory, String settings) throws Exception {
		Path file = Files.createDirectories(workingDirectory.resolve("jobs/nightly-load")).resolve("nightly-load.yml");
		Files.writeString(file, settings);
		Path output = workingDirectory.resolve("status.log");
		Process status = ChildJvm
			.courtstats(List.of("-Dcourtstats.database.url=" + this.url, "-Dcourtstats.database.user=postgres",
					"-Dcourtstats.log-dir=" + this.logs), "status")
			.directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(status.exitValue()).as(Files.readString(output)).isEqualTo(2);
		return Files.readString(output);
	}

	/**
	 * Runs {@code courtstats status} with one setting given as a system property.
	 */
	private static int statusWith(String setting, String value, StringWriter err) {
		System.setProperty(setting, value);
		try {
			return CourtstatsCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "status");
		}
		finally {
			System.clearProperty(setting);
		}
	}

	@Test
	void firesTheLoadOnScheduleOneRunAtATimeAndServesItsMeters() throws Exception {
		// given: a sample release in the inbox
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);
		JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(this.url));

		// when: the schedule runs
		this.context = ScheduleCommand.open();
		ScheduledNightlyLoad scheduled = this.context.getBean(ScheduledNightlyLoad.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!scheduled.isLoading() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		boolean caughtRunning = scheduled.isLoading();
		List<ReleaseOutcome> whileRunning = scheduled.fire();
		waitForPublished(jdbc, deadline);

		// then: the load fired by itself, and a fire while it ran did nothing
		assertThat(caughtRunning).as("a load started on the schedule").isTrue();
		assertThat(whileRunning).as("a fire while a run is going is skipped").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from etl.load_run", Long.class))
			.as("one run loaded the release")
			.isEqualTo(1);
		long executionId = jdbc.queryForObject(
				"select job_execution_id from warehouse.dim_release where release_label = ?", Long.class,
				sample.label());

		// and: the scrape holds the load's counts by source and table, and Batch's timers
		String scrape = get("/actuator/prometheus");
		long caseRejects = sample.rejects().stream().filter((r) -> r.tableName().equals("A_TblCase")).count();
		long proceedingRejects = sample.rejects()
			.stream()
			.filter((r) -> r.tableName().equals("B_TblProceeding"))
			.count();
		long proceedingsRead = jdbc
			.queryForObject("select rows_read from etl.source_file where table_name = 'B_TblProceeding'", Long.class);
		assertThat(scrape)
			.contains("courtstats_rows_read_total{source=\"eoir\",table=\"A_TblCase\"} "
					+ (sample.expected().cases() + caseRejects) + ".0")
			.contains("courtstats_rows_rejected_total{source=\"eoir\",table=\"A_TblCase\"} " + caseRejects + ".0")
			.contains("courtstats_rows_read_total{source=\"eoir\",table=\"B_TblProceeding\"} " + proceedingsRead + ".0")
			.contains("courtstats_rows_rejected_total{source=\"eoir\",table=\"B_TblProceeding\"} " + proceedingRejects
					+ ".0")
			.contains("courtstats_rows_loaded_total{source=\"eoir\",table=\"B_TblProceeding\"} "
					+ (proceedingsRead - proceedingRejects) + ".0")
			.contains("courtstats_load_duration_seconds_count{source=\"eoir\"} 1")
			.containsPattern("courtstats_last_successful_load_seconds\\{source=\"eoir\"} \\d\\.\\d+E9")
			.containsPattern(
					"spring_batch_job_seconds_count\\{[^}]*name=\"eoirReleaseJob\"[^}]*status=\"COMPLETED\"[^}]*} 1")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"stageTable:A_TblCase\""
					+ "[^}]*spring_batch_step_status=\"COMPLETED\"[^}]*} 1")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"publishRelease\"[^}]*} 1")
			.doesNotContainPattern("step_name=\"[^\"]*#\\d+\"")
			.doesNotContain(sample.label());
		assertThat(get("/actuator/health")).contains("\"status\":\"UP\"");

		// and: the run's log lines name it, from the thread of a staging partition too
		String log = Files.readString(this.logs.resolve("courtstats.log"), StandardCharsets.UTF_8);
		assertThat(log).contains("[run " + executionId + " " + sample.label() + "] o.c.")
			.containsPattern("\\[stage-\\d+] \\[run " + executionId + " " + sample.label()
					+ "] o\\S+StagingProgress - A_TblCase.csv: completed \\("
					+ String.format("%,d", sample.expected().cases() + caseRejects) + " rows, "
					+ String.format("%,d", Files.size(sample.folder().resolve("EOIR Case Data/A_TblCase.csv")))
					+ " bytes read in ");

		// when: another process holds the run lock, taken between two fires of the
		// schedule, which takes it every second
		try (RunLock.Lease held = acquireBetweenFires(new RunLock(lockDataSource()))) {
			List<ReleaseOutcome> locked = scheduled.fire();

			// then: the fire does nothing
			assertThat(locked).isEmpty();
			assertThat(jdbc.queryForObject("select count(*) from etl.load_run", Long.class)).isEqualTo(1);
		}
	}

	private static RunLock.Lease acquireBetweenFires(RunLock lock) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try {
				return lock.acquire();
			}
			catch (RunLockException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(50);
			}
		}
	}

	private DataSource lockDataSource() {
		return TestWarehouse.dataSource(this.url);
	}

	private static void waitForPublished(JdbcTemplate jdbc, long deadline) throws InterruptedException {
		while (System.nanoTime() < deadline) {
			Long published = jdbc
				.queryForObject("select count(*) from warehouse.dim_release where status = 'published'", Long.class);
			Long running = jdbc.queryForObject("select count(*) from etl.load_run where ended_at is null", Long.class);
			if (published != null && published > 0 && running != null && running == 0) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the scheduled load did not publish the release in time");
	}

	private String get(String path) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
