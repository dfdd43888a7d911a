package org.courtstats.warehouse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator is told of the disk holding the embedded warehouse.
 */
class EmbeddedWarehouseTests {

	@Test
	void aDiskWithTooLittleRoomForPostgreSqlIsNamedWithItsFreeSpace() {
		assertThat(EmbeddedWarehouse.lowSpace(838_861))
			.contains("the disk holding it has 0.8 MB free, and PostgreSQL stops when it cannot write");
		assertThat(EmbeddedWarehouse.lowSpace(EmbeddedWarehouse.LOW_SPACE - 1)).isPresent();
		assertThat(EmbeddedWarehouse.lowSpace(EmbeddedWarehouse.LOW_SPACE)).isEmpty();
	}

}
