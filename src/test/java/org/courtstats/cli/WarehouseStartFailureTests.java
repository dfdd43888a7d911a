package org.courtstats.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseStartFailureTests {

	@Test
	void aServerWhoseHostDoesNotResolveIsSaidSo() {
		RuntimeException failure = new IllegalStateException("Failed to initialize pool",
				new RuntimeException(new UnknownHostException("nosuchhost.invalid")));

		RuntimeException told = Warehouse.startFailure(failure, new StartingSettings());

		assertThat(told.getMessage())
			.startsWith("The warehouse could not be opened: the host name nosuchhost.invalid does not resolve. Check "
					+ "COURTSTATS_DB_URL");
	}

	@Test
	void anEmbeddedWarehouseThatRefusesConnectionsIsNotBlamedOnTheServerSettings() {
		StartingSettings settings = new StartingSettings();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("courtstats.database.embedded.data-directory", "/srv/courtstats/data/warehouse")));
		settings.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
				new SpringApplication(), new String[0], environment));
		RuntimeException failure = new IllegalStateException("Failed to initialize pool",
				new RuntimeException(new ConnectException("Connection refused")));

		RuntimeException told = Warehouse.startFailure(failure, settings);

		assertThat(told.getMessage())
			.startsWith("The embedded warehouse (/srv/courtstats/data/warehouse) could not be reached: Connection "
					+ "refused. Another courtstats process serving it")
			.doesNotContain("COURTSTATS_DB_URL");
		assertThat(Warehouse.startFailure(failure, new StartingSettings()).getMessage())
			.as("settings not read: the message of a configured server")
			.contains("COURTSTATS_DB_URL");
	}

}
