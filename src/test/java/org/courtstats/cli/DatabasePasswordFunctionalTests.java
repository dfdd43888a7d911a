package org.courtstats.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.courtstats.ChildJvm;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database password never reaches the terminal or a log: loads and a status run in
 * their own processes against a server that checks passwords (scram-sha-256), with DEBUG
 * logging of the connection pool, JDBC and Flyway, as text and as JSON, and every line
 * they print or log is searched for the password.
 */
class DatabasePasswordFunctionalTests {

	private static final String PASSWORD = "Pw-7c1e9a42-ec5b-4f30";

	private static final String WRONG_PASSWORD = "Wrong-3b8d1f06-22aa";

	private static final String USER = "courtstats_admin";

	private static final String DEBUG = "-Dlogging.level.org.springframework.jdbc=DEBUG,-Dlogging.level.com.zaxxer=DEBUG,"
			+ "-Dlogging.level.org.postgresql=DEBUG";

	@TempDir
	static Path folder;

	private static EmbeddedPostgres server;

	private static String url;

	@BeforeAll
	static void startAServerThatChecksPasswords() throws IOException, SQLException {
		// The superuser the server's own checks use stays trusted; every other user gives
		// a password.
		server = EmbeddedPostgres.builder()
			.setDataDirectoryCustomizer((data) -> write(data.toPath().resolve("pg_hba.conf"), """
					local all all trust
					host all postgres 127.0.0.1/32 trust
					host all postgres ::1/128 trust
					host all all 127.0.0.1/32 scram-sha-256
					host all all ::1/128 scram-sha-256
					"""))
			.start();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create role " + USER + " login createrole password '" + PASSWORD + "'");
			statement.execute("create database courtstats owner " + USER);
		}
		url = "jdbc:postgresql://localhost:" + server.getPort() + "/courtstats";
	}

	@AfterAll
	static void stopTheServer() throws IOException {
		server.close();
	}

	@Test
	void thePasswordIsCheckedAndNeverPrintedOrLogged() throws Exception {
		// given: a server that refuses a wrong password, a release, and the password in a
		// secrets file
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url, USER, WRONG_PASSWORD))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		DriverManager.getConnection(url, USER, PASSWORD).close();
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		SampleRelease sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 200, 5);
		Path secret = write(folder.resolve("db-password"), PASSWORD + "\n");
		Path wrongSecret = write(folder.resolve("wrong-password"), WRONG_PASSWORD + "\n");

		// when: a load with the password in the environment and DEBUG logs, a load with
		// it in the file and JSON logs, status, and a load given the wrong password
		Run load = run("load-env", Map.of("COURTSTATS_DB_PASSWORD", PASSWORD), DEBUG, "load", "--inbox",
				inbox.toString());
		Run json = run("load-file-json", Map.of("COURTSTATS_DB_PASSWORD_FILE", secret.toString()),
				DEBUG + ",-Dlogging.structured.format.console=ecs,-Dlogging.structured.format.file=ecs", "load",
				"--inbox", inbox.toString());
		Run status = run("status", Map.of("COURTSTATS_DB_PASSWORD_FILE", secret.toString()), DEBUG, "status");
		Run refused = run("wrong-password", Map.of("COURTSTATS_DB_PASSWORD_FILE", wrongSecret.toString()), DEBUG,
				"status");

		// then: the runs did what they should, so their output is worth searching
		assertThat(load.exitCode()).as(load.tail()).isZero();
		assertThat(load.output()).contains(EoirSampleGenerator.DEFAULT_LABEL)
			.contains(String.valueOf(sample.expected().proceedings()));
		assertThat(json.exitCode()).as(json.tail()).isZero();
		assertThat(json.output()).contains("\"ecs\":{\"version\"").contains("already loaded");
		assertThat(status.exitCode()).as(status.tail()).isZero();
		assertThat(status.output()).contains("COMPLETED");
		assertThat(refused.exitCode()).as(refused.tail()).isNotZero();
		assertThat(refused.output()).contains("password authentication failed for user \"" + USER + "\"");
		List<Path> searched = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		for (Run run : List.of(load, json, status, refused)) {
			searched.add(run.console());
			try (Stream<Path> logs = Files.walk(run.logs())) {
				logs.filter(Files::isRegularFile).forEach(searched::add);
			}
		}
		long debugLines = 0;
		for (Path file : searched) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			debugLines += text.lines().filter((line) -> line.contains("DEBUG")).count();
			for (String password : List.of(PASSWORD, WRONG_PASSWORD)) {
				if (text.contains(password)) {
					leaks.add(file + " holds " + (PASSWORD.equals(password) ? "the password" : "the wrong password"));
				}
			}
			if (text.matches("(?s).*[?&;][pP][aA][sS][sS][wW][oO][rR][dD]=.*")) {
				leaks.add(file + " prints a URL with a password parameter");
			}
		}
		assertThat(searched).as("console outputs and log files searched").hasSizeGreaterThanOrEqualTo(8);
		assertThat(debugLines).as("DEBUG lines among them (the pool and the driver were logging)").isGreaterThan(100);
		assertThat(leaks).isEmpty();
	}

	private static Run run(String name, Map<String, String> environment, String jvmOptions, String... args)
			throws IOException, InterruptedException {
		Path logs = Files.createDirectories(folder.resolve(name + "-logs"));
		Path console = folder.resolve(name + "-console.txt");
		List<String> options = new ArrayList<>(List.of("-Dcourtstats.log-dir=" + logs));
		options.addAll(List.of(jvmOptions.split(",")));
		ProcessBuilder builder = ChildJvm.courtstats(options, args)
			.directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(console.toFile());
		builder.environment().keySet().removeIf((key) -> key.startsWith("COURTSTATS_"));
		builder.environment().put("COURTSTATS_DB_URL", url);
		builder.environment().put("COURTSTATS_DB_USER", USER);
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(name + " ended").isTrue();
		return new Run(process.exitValue(), console, logs);
	}

	private static Path write(Path file, String text) {
		try {
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Run(int exitCode, Path console, Path logs) {

		String tail() {
			String output = output();
			return output.substring(Math.max(0, output.length() - 3000));
		}

		String output() {
			try {
				return Files.readString(this.console);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
