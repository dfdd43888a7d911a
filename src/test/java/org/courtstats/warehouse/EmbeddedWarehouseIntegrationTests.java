package org.courtstats.warehouse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.courtstats.ChildJvm;
import org.courtstats.CourtstatsApplication;
import org.courtstats.cli.CourtstatsCommand;
import org.courtstats.nightly.NightlyLoad;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With no server configured, courtstats starts its own PostgreSQL, whose data outlives
 * the run.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedWarehouseIntegrationTests {

	@TempDir
	Path folder;

	/** The warehouse's data folder, in a folder of its own: its lock lies beside it. */
	Path dataDirectory;

	@TempDir
	Path inbox;

	@TempDir
	Path logs;

	@BeforeEach
	void placeTheDataFolder() {
		this.dataDirectory = this.folder.resolve("warehouse");
	}

	@Test
	void aSecondRunSeesTheFirstRunsDataAndTheServerStopsWithTheProgram() throws IOException, SQLException {
		// given
		int port = freePort();
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 100, 3);

		// when: a first run loads the release
		try (ConfigurableApplicationContext first = start(port)) {
			assertThat(first.getBean(EmbeddedWarehouse.class).psqlCommand())
				.isEqualTo("psql -h localhost -p " + port + " -U courtstats_analyst courtstats");
			// and: the psql line works from the start, before any load
			try (Connection analyst = DriverManager
				.getConnection("jdbc:postgresql://localhost:" + port + "/courtstats?user=courtstats_analyst");
					Statement query = analyst.createStatement();
					ResultSet cases = query.executeQuery("select count(*) from warehouse.fct_case")) {
				assertThat(cases.next()).isTrue();
				assertThat(cases.getLong(1)).isZero();
			}
			assertThat(first.getBean(NightlyLoad.class).run(this.inbox, null)).extracting(ReleaseOutcome::status)
				.containsExactly(ReleaseOutcome.Status.LOADED);
		}

		// then: the server is gone with the program, and its data stays for the next run
		assertThat(isListening(port)).isFalse();
		try (ConfigurableApplicationContext second = start(port)) {
			JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from warehouse.fct_case", Long.class))
				.isEqualTo(sample.expected().cases());
			assertThat(second.getBean(NightlyLoad.class).run(this.inbox, null)).extracting(ReleaseOutcome::status)
				.containsExactly(ReleaseOutcome.Status.ALREADY_LOADED);
			// a commit, once acknowledged, is on disk: the server writes it there first
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
		}
		assertThat(this.dataDirectory.resolve("postgresql.conf")).exists();
	}

	@Test
	void whileAnotherProcessServesTheFolderAShortCommandSharesItsServerAndALoadWaitsForItsEnd(CapturedOutput output)
			throws Exception {
		// given: another process serving the embedded warehouse
		int port = freePort();
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 100, 3);
		Path log = this.logs.resolve("owner.log");
		Process server = ChildJvm
			.courtstats(
					List.of("-Dcourtstats.database.url=",
							"-Dcourtstats.database.embedded.data-directory=" + this.dataDirectory,
							"-Dcourtstats.database.embedded.port=" + port, "-Dcourtstats.log-dir=" + this.logs),
					"warehouse")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		System.setProperty("courtstats.database.url", "");
		System.setProperty("courtstats.database.embedded.data-directory", this.dataDirectory.toString());
		System.setProperty("courtstats.database.embedded.port", String.valueOf(freePort()));
		StringWriter out = new StringWriter();
		PrintWriter writer = new PrintWriter(out, true);
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!Files.readString(log).contains("Press Ctrl-C to stop it.")) {
				assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
				assertThat(System.nanoTime()).as("the server's start").isLessThan(deadline);
				Thread.sleep(100);
			}

			// when: short commands run meanwhile, and a load that waits a second for it
			int status = CourtstatsCommand.execute(writer, writer, "status");
			int warehouse = CourtstatsCommand.execute(writer, writer, "warehouse");
			System.setProperty("courtstats.database.embedded.owner-wait", "1s");
			int refused = CourtstatsCommand.execute(writer, writer, "load", "--inbox", this.inbox.toString());
			System.clearProperty("courtstats.database.embedded.owner-wait");

			// then: the short ones ran on the other process's server, the load refused
			// to, and the server is still up
			assertThat(status).as(out.toString()).isZero();
			assertThat(warehouse).as(out.toString()).isZero();
			assertThat(refused).as(out.toString()).isEqualTo(4);
			assertThat(out.toString()).contains("No run recorded in the job repository yet.")
				.contains("The embedded warehouse is up, served by another courtstats process")
				.contains("psql -h localhost -p " + port + " -U courtstats_analyst courtstats")
				.contains("The courtstats process (pid " + server.pid() + ") serves the embedded warehouse in "
						+ this.dataDirectory + " (waited 1 s for it to end)");
			assertThat(isListening(port)).isTrue();

			// and: the data dictionary written to standard output holds the Markdown
			// alone, the line saying whose server it used on standard error
			Path markdown = this.logs.resolve("dictionary.md");
			Path errors = this.logs.resolve("dictionary.err");
			Process dictionary = ChildJvm.courtstats(
					List.of("-Dcourtstats.database.url=",
							"-Dcourtstats.database.embedded.data-directory=" + this.dataDirectory,
							"-Dcourtstats.database.embedded.port=" + freePort(), "-Dcourtstats.log-dir=" + this.logs),
					"dictionary")
				.redirectOutput(markdown.toFile())
				.redirectError(errors.toFile())
				.start();
			assertThat(dictionary.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(dictionary.exitValue()).as(Files.readString(errors)).isZero();
			assertThat(Files.readString(markdown)).startsWith("# Data dictionary\n");
			assertThat(Files.readString(errors)).contains("is served by the courtstats process (pid " + server.pid());

			// when: a load waits for the other process, which then ends
			out.getBuffer().setLength(0);
			int[] loaded = { -1 };
			Thread load = new Thread(() -> loaded[0] = CourtstatsCommand.execute(writer, writer, "load", "--inbox",
					this.inbox.toString()));
			load.start();
			while (!output.getAll()
				.contains("Waiting up to 30 s for the courtstats process (pid " + server.pid()
						+ ") serving the embedded warehouse in " + this.dataDirectory + " to end")) {
				assertThat(load.isAlive()).as(out.toString()).isTrue();
				assertThat(System.nanoTime()).as("the load's wait").isLessThan(deadline);
				Thread.sleep(100);
			}
			server.destroy();
			load.join(TimeUnit.SECONDS.toMillis(120));
			assertThat(load.isAlive()).as("the load, two minutes on").isFalse();

			// then: the load started its own server once the folder was free, and loaded
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(loaded[0]).as(out.toString()).isZero();
			assertThat(out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded");
		}
		finally {
			System.clearProperty("courtstats.database.url");
			System.clearProperty("courtstats.database.embedded.data-directory");
			System.clearProperty("courtstats.database.embedded.port");
			System.clearProperty("courtstats.database.embedded.owner-wait");
			server.destroy();
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(isListening(port)).isFalse();
		try (ConfigurableApplicationContext again = start(freePort())) {
			assertThat(again.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from warehouse.fct_case", Long.class))
				.isEqualTo(sample.expected().cases());
		}
	}

	@Test
	void aServerThatEndsMidLoadEndsTheLoadAtOnceAndTheNextRunResumesIt() throws Exception {
		// given: a load staging the release, in small chunks
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 3000, 3);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (ConfigurableApplicationContext first = start(freePort(), "--courtstats.nightly-load.chunk-size=20",
				"--courtstats.database.connection-timeout=5s")) {
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			Future<List<ReleaseOutcome>> load = executor
				.submit(() -> first.getBean(NightlyLoad.class).run(this.inbox, null));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (jdbc.queryForObject("select count(*) from batch.batch_step_execution "
					+ "where step_name like 'stageTable:%' and commit_count > 0", Long.class) == 0) {
				assertThat(System.nanoTime()).as("staging under way within a minute").isLessThan(deadline);
				Thread.sleep(20);
			}

			// when: its PostgreSQL server is killed
			ProcessHandle.of(serverPid()).orElseThrow().destroyForcibly();
			long killed = System.nanoTime();
			Throwable failure = catchThrowable(() -> load.get(5, TimeUnit.MINUTES));

			// then: the load ends without waiting for a server nothing starts again (a
			// connection asked for before its end was noticed may wait out the pool's
			// timeout, 5 s here; the retries would take minutes more)
			assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed)).as("seconds to give up")
				.isLessThan(30);
			assertThat(failure).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(WarehouseUnavailableException.class)
				.hasMessageContaining("The warehouse database is unreachable, and the load of 'EOIR Case Data "
						+ "2026-0401' stopped: the embedded warehouse's PostgreSQL server (in "
						+ this.dataDirectory.toRealPath() + ") has ended. Run the same command again: it starts "
						+ "the server again and resumes where it stopped.");
		}
		finally {
			executor.shutdownNow();
		}

		// and: the next run starts the server and finishes the release
		try (ConfigurableApplicationContext second = start(freePort())) {
			assertThat(second.getBean(NightlyLoad.class).run(this.inbox, null)).extracting(ReleaseOutcome::status)
				.containsExactly(ReleaseOutcome.Status.LOADED);
			assertThat(second.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from warehouse.fct_case", Long.class))
				.isEqualTo(sample.expected().cases());
		}
	}

	@Test
	void aWarehouseCommandWhoseServerEndsExitsOneToBeStartedAgain() throws Exception {
		assertTheCommandEndsWithItsServer("warehouse", "Press Ctrl-C to stop it.", "The warehouse stops: ");
	}

	@Test
	void aScheduleWhoseServerEndsExitsOneToBeStartedAgain() throws Exception {
		assertTheCommandEndsWithItsServer("schedule", "Loading on schedule", "The schedule stops: ");
	}

	@Test
	void aWarehouseCommandStoppedBySigtermStopsItsServerAndSaysNoMore() throws Exception {
		assertTheCommandStopsOnSigterm("warehouse", "Press Ctrl-C to stop it.", "The embedded warehouse has stopped.");
	}

	@Test
	void aScheduleStoppedBySigtermStopsItsServerAndSaysNoMore() throws Exception {
		assertTheCommandStopsOnSigterm("schedule", "Loading on schedule", null);
	}

	/**
	 * Runs a long-lived command on the embedded warehouse and stops it the normal way,
	 * SIGTERM: the command stops its server and ends, exit 143, with no word of a server
	 * that ended under it (which would ask the operator to start it again), saying what
	 * it says on a stop, if anything.
	 */
	private void assertTheCommandStopsOnSigterm(String command, String ready, String says) throws Exception {
		// given: the command, up
		Path log = this.logs.resolve(command + ".log");
		Process process = startCommand(command, ready, log);
		try {
			// when: it is sent SIGTERM
			process.destroy();

			// then: it ends, exit 143, its server stopped, saying nothing of a crash
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended within a minute").isTrue();
			assertThat(process.exitValue()).as(Files.readString(log)).isEqualTo(143);
			assertThat(this.dataDirectory.resolve("postmaster.pid")).as("the server, shut down").doesNotExist();
			assertThat(Files.readString(log)).doesNotContain("stops: ").doesNotContain("Run the same command again");
			if (says != null) {
				assertThat(Files.readString(log)).contains(says);
			}
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * Runs a long-lived command on the embedded warehouse, kills its server, and expects
	 * the command to end, exit 1, saying why: a supervisor that restarts a failed process
	 * then starts the server again.
	 */
	private void assertTheCommandEndsWithItsServer(String command, String ready, String stops) throws Exception {
		// given: the command, up
		Path log = this.logs.resolve(command + ".log");
		Process process = startCommand(command, ready, log);
		try {
			// when: its PostgreSQL server is killed
			ProcessHandle.of(serverPid()).orElseThrow().destroyForcibly();

			// then: the command ends, exit 1, naming the server's end and what to do
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended within a minute").isTrue();
			assertThat(process.exitValue()).as(Files.readString(log)).isOne();
			assertThat(Files.readString(log))
				.contains(stops + "the embedded warehouse's PostgreSQL server (in " + this.dataDirectory.toRealPath()
						+ ") has ended. Run the same command again.")
				.as("no word of a stop on the exit after the crash")
				.doesNotContain("has stopped");
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * Starts a long-lived command in a JVM of its own and waits until it says it is up.
	 */
	private Process startCommand(String command, String ready, Path log) throws Exception {
		Process process = ChildJvm
			.courtstats(List.of("-Dcourtstats.database.url=",
					"-Dcourtstats.database.embedded.data-directory=" + this.dataDirectory,
					"-Dcourtstats.database.embedded.port=" + freePort(), "-Dcourtstats.log-dir=" + this.logs,
					"-Dcourtstats.nightly-load.inbox=" + this.inbox, "-Dserver.port=0"), command)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!Files.readString(log).contains(ready)) {
				assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
				assertThat(System.nanoTime()).as("the command's start").isLessThan(deadline);
				Thread.sleep(100);
			}
			return process;
		}
		catch (Exception | AssertionError ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	private long serverPid() throws IOException {
		return Long
			.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
				.get(0)
				.strip());
	}

	private ConfigurableApplicationContext start(int port, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--courtstats.database.url=",
				"--courtstats.database.embedded.data-directory=" + this.dataDirectory,
				"--courtstats.database.embedded.port=" + port));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket("localhost", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
