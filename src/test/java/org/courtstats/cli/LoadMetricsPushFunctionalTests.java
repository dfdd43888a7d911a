package org.courtstats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-shot {@code load} pushes its meters to the Pushgateway it is given, and to none
 * when it is given none.
 */
class LoadMetricsPushFunctionalTests {

	@TempDir
	Path inbox;

	private HttpServer pushgateway;

	private final List<String> pushes = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startAPushgatewayAndAWarehouse() throws IOException {
		this.pushgateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.pushgateway.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
						+ new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.pushgateway.start();
		System.setProperty("courtstats.database.url", TestWarehouse.newDatabase("push"));
		System.setProperty("courtstats.database.user", "postgres");
	}

	@AfterEach
	void stop() {
		this.pushgateway.stop(0);
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
		System.clearProperty("courtstats.metrics.pushgateway-url");
	}

	@Test
	void aLoadPushesItsMetersWhenItEndsOnlyWhenAPushgatewayIsSet() {
		// given
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);

		// when: a load without a Pushgateway, then one with, into a fresh warehouse
		int withoutGateway = run("load", "--inbox", this.inbox.toString());
		List<String> pushedWithout = List.copyOf(this.pushes);
		System.setProperty("courtstats.database.url", TestWarehouse.newDatabase("push"));
		System.setProperty("courtstats.metrics.pushgateway-url",
				"http://127.0.0.1:" + this.pushgateway.getAddress().getPort());
		int withGateway = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(withoutGateway).isZero();
		assertThat(pushedWithout).isEmpty();
		assertThat(withGateway).isZero();
		assertThat(this.pushes).isNotEmpty();
		String last = this.pushes.get(this.pushes.size() - 1);
		long caseRejects = sample.rejects().stream().filter((r) -> r.tableName().equals("A_TblCase")).count();
		assertThat(last).startsWith("PUT /metrics/job/courtstats\n")
			.as("the meters of this load only")
			.contains("courtstats_rows_read_total{source=\"eoir\",table=\"A_TblCase\"} "
					+ (sample.expected().cases() + caseRejects) + ".0")
			.containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"eoirReleaseJob\"")
			.contains("courtstats_load_duration_seconds_count{source=\"eoir\"} 1")
			.doesNotContain("EOIR Case Data");

		// when: commands that load nothing run with the Pushgateway set
		int pushedByTheLoad = this.pushes.size();
		assertThat(run("status")).isZero();
		assertThat(run("rejects")).isZero();

		// then: they push nothing, which would replace the load's meters
		assertThat(this.pushes).hasSize(pushedByTheLoad);
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true),
				new PrintWriter(new StringWriter(), true), args);
	}

}
