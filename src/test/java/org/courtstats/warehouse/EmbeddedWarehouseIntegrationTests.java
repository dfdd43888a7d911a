package org.courtstats.warehouse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

import org.courtstats.CourtstatsApplication;
import org.courtstats.nightly.NightlyLoad;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no server configured, courtstats starts its own PostgreSQL, whose data outlives
 * the run.
 */
class EmbeddedWarehouseIntegrationTests {

	@TempDir
	Path dataDirectory;

	@TempDir
	Path inbox;

	@Test
	void aSecondRunSeesTheFirstRunsDataAndTheServerStopsWithTheProgram() throws IOException {
		// given
		int port = freePort();
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 100, 3);

		// when: a first run loads the release
		try (ConfigurableApplicationContext first = start(port)) {
			assertThat(first.getBean(EmbeddedWarehouse.class).psqlCommand())
				.isEqualTo("psql -h localhost -p " + port + " -U courtstats_analyst courtstats");
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

	private ConfigurableApplicationContext start(int port) {
		return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.NONE)
			.run("--courtstats.database.url=", "--courtstats.database.embedded.data-directory=" + this.dataDirectory,
					"--courtstats.database.embedded.port=" + port);
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
