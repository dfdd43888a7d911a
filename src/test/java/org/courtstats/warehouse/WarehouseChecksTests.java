package org.courtstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A check file's header declares its severity and threshold; a file that does not is
 * refused at start-up, naming it.
 */
class WarehouseChecksTests {

	@Test
	void theHeaderGivesTheSeverityAndTheThreshold() {
		WarehouseChecks.Check check = WarehouseChecks.parse("fct_case__x.sql", """
				-- Cases that are wrong.
				-- Severity: WARN
				-- threshold: 25
				select case_id from warehouse.fct_case where release_key = :release_key;
				""");

		assertThat(check.name()).isEqualTo("fct_case__x");
		assertThat(check.table()).isEqualTo("fct_case");
		assertThat(check.severity()).isEqualTo(WarehouseChecks.Severity.WARN);
		assertThat(check.threshold()).isEqualTo(25);
		assertThat(check.sql()).endsWith(":release_key");
	}

	@Test
	void theThresholdIsZeroUnlessTheHeaderSaysOtherwise() {
		assertThat(WarehouseChecks.parse("fct_case__x.sql", "-- severity: error\nselect 1").threshold()).isZero();
	}

	@Test
	void aCheckWithoutASeverityIsRefusedNamingItsFile() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarehouseChecks.parse("fct_case__x.sql", "-- Cases.\nselect 1\n-- severity: error"))
			.withMessageStartingWith("warehouse-sql/checks/fct_case__x.sql has no '-- severity:' line")
			.withMessageContaining("'-- severity: error'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarehouseChecks.parse("fct_case__x.sql", "-- severity: fatal\nselect 1"))
			.withMessage("warehouse-sql/checks/fct_case__x.sql: '-- severity: fatal' is neither error nor warn.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WarehouseChecks.parse("fct_case__x.sql", "-- severity: warn\n-- threshold: -1\nselect 1"))
			.withMessageStartingWith("warehouse-sql/checks/fct_case__x.sql: '-- threshold: -1' is not a number");
	}

	@Test
	void everyShippedCheckDeclaresItsSeverity() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:warehouse-sql/checks/*.sql");
		assertThat(resources).hasSize(32);
		int warnings = 0;
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				WarehouseChecks.Check check = WarehouseChecks.parse(resource.getFilename(),
						new String(in.readAllBytes(), StandardCharsets.UTF_8));
				warnings += (check.severity() == WarehouseChecks.Severity.WARN) ? 1 : 0;
			}
		}
		assertThat(warnings).as("Count.txt, OHSS totals and the tables of the edition before").isEqualTo(3);
	}

}
