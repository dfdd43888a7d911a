package org.courtstats.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped while a load stages, on a server of the test's own (its data kept
 * between stops, on a port of its own): back within the retry window, the load waits for
 * it and completes; down past it, the load fails with a message saying so and resumes
 * when run again. Either way the warehouse equals a clean load's.
 */
class DatabaseOutageFunctionalTests {

	@TempDir
	static Path dataDirectory;

	@TempDir
	static Path inbox;

	static int port;

	static EmbeddedPostgres server;

	@BeforeAll
	static void startServer() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = start();
		FaultRuns.deliver(inbox);
	}

	@AfterAll
	static void stopServer() throws IOException {
		if (server != null) {
			server.close();
		}
	}

	private static EmbeddedPostgres start() throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	@Test
	void aDatabaseBackWithinTheRetryWindowLetsTheLoadComplete() throws Exception {
		// given: a warehouse, and a proceedings line that stages slowly
		WarehouseComparison.Snapshot clean = FaultRuns.clean();
		String url = newDatabase("outage_short");
		JdbcTemplate jdbc = stagingSlowsAtLine(url, 151);

		// when: PostgreSQL stops while the load stages that line, and is back 4 s later
		FaultRuns.Load load = FaultRuns.start(url, retry(6, "2s", "4s"), "outage-short", "load", "--inbox",
				inbox.toString());
		awaitSleep(load, jdbc);
		server.close();
		Thread.sleep(4000);
		server = start();

		// then: the load waits for it, resumes and completes, equal to a clean load
		assertThat(load.exitCode(Duration.ofMinutes(4))).as(load.describe()).isZero();
		assertThat(FaultRuns.LOGS.resolve("courtstats.log")).content()
			.contains("Resuming release 'EOIR Case Data 2026-0401' after a lost database connection");
		WarehouseComparison.Difference difference = WarehouseComparison.compare(clean,
				WarehouseComparison.take(new JdbcTemplate(org.courtstats.TestWarehouse.dataSource(url))));
		assertThat(difference.tables()).isEmpty();
		assertThat(difference.views()).isEmpty();
		assertThat(difference.lost() + difference.duplicated()).isZero();
	}

	@Test
	void aDatabaseDownPastTheRetryWindowFailsTheLoadUntilItIsBack() throws Exception {
		// given: a warehouse, and a proceedings line that stages slowly
		WarehouseComparison.Snapshot clean = FaultRuns.clean();
		String url = newDatabase("outage_long");
		JdbcTemplate jdbc = stagingSlowsAtLine(url, 201);

		// when: PostgreSQL stops while the load stages that line, and stays down
		FaultRuns.Load load = FaultRuns.start(url, retry(3, "1s", "1s"), "outage-long", "load", "--inbox",
				inbox.toString());
		awaitSleep(load, jdbc);
		server.close();
		int exitCode;
		try {
			exitCode = load.exitCode(Duration.ofMinutes(3));
		}
		finally {
			server = start();
		}

		// then: the load fails with one line saying the database is unreachable and what
		// to do
		assertThat(exitCode).as(load.describe()).isEqualTo(1);
		assertThat(load.text().lines().filter((line) -> line.startsWith("courtstats: "))).singleElement()
			.asString()
			.contains("The warehouse database is unreachable")
			.contains("gave up after 3 attempts")
			.contains("run the same command again; it resumes where it stopped");

		// and when: PostgreSQL is back, recover and load run
		FaultRuns.Load recover = FaultRuns.start(url, List.of(), "outage-recover", "recover");
		assertThat(recover.exitCode(Duration.ofMinutes(2))).as(recover.describe()).isZero();
		assertThat(jdbc.queryForList("select status from batch.batch_job_execution", String.class))
			.as("the run left behind, recovered")
			.doesNotContain("STARTED", "STARTING", "UNKNOWN");
		FaultRuns.Load again = FaultRuns.start(url, List.of(), "outage-load-again", "load", "--inbox",
				inbox.toString());

		// then: the release resumes and the warehouse equals a clean load's
		assertThat(again.exitCode(Duration.ofMinutes(3))).as(again.describe()).isZero();
		WarehouseComparison.Difference difference = WarehouseComparison.compare(clean, WarehouseComparison.take(jdbc));
		assertThat(difference.tables()).isEmpty();
		assertThat(difference.views()).isEmpty();
		assertThat(difference.lost() + difference.duplicated()).isZero();
	}

	private static List<String> retry(int attempts, String initialBackoff, String maxBackoff) {
		return List.of("-Dcourtstats.nightly-load.database-retry.attempts=" + attempts,
				"-Dcourtstats.nightly-load.database-retry.initial-backoff=" + initialBackoff,
				"-Dcourtstats.nightly-load.database-retry.max-backoff=" + maxBackoff,
				"-Dcourtstats.database.connection-timeout=1s");
	}

	private static String newDatabase(String name) throws Exception {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return server.getJdbcUrl("postgres", name);
	}

	/**
	 * Migrates the database and makes the first proceedings line from the given one
	 * sleep.
	 */
	private static JdbcTemplate stagingSlowsAtLine(String url, int line) throws Exception {
		FaultRuns.Load migrate = FaultRuns.start(url, List.of(), "outage-migrate", "recover");
		assertThat(migrate.exitCode(Duration.ofMinutes(2))).as(migrate.describe()).isZero();
		JdbcTemplate jdbc = new JdbcTemplate(org.courtstats.TestWarehouse.dataSource(url));
		FaultRuns.createSleepFunction(jdbc);
		FaultRuns.sleepOnce(jdbc, "slow_proceeding", "before insert on staging.eoir_proceeding for each row",
				"new.line_number >= " + line);
		return jdbc;
	}

	private static void awaitSleep(FaultRuns.Load load, JdbcTemplate jdbc) throws InterruptedException {
		FaultRuns.await(() -> {
			assertThat(load.process().isAlive()).as(load.describe()).isTrue();
			return FaultRuns.sleepingQuery(jdbc) != null;
		}, Duration.ofMinutes(2));
	}

}
