package org.courtstats.cli;

import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseStartFailureTests {

	@Test
	void aServerWhoseHostDoesNotResolveIsSaidSo() {
		RuntimeException failure = new IllegalStateException("Failed to initialize pool",
				new RuntimeException(new UnknownHostException("nosuchhost.invalid")));

		RuntimeException told = Warehouse.startFailure(failure, new SettingOrigins());

		assertThat(told.getMessage())
			.startsWith("The warehouse could not be opened: the host name nosuchhost.invalid does not resolve. Check "
					+ "COURTSTATS_DB_URL");
	}

}
