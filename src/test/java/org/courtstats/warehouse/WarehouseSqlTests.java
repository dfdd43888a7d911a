package org.courtstats.warehouse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseSqlTests {

	@Test
	void everyLoadFileSplitsIntoStatementsThatNameTheirRelease() {
		for (String target : WarehouseBuild.EOIR_TARGETS) {
			WarehouseSql sql = WarehouseSql.load("load/" + target + ".sql");

			assertThat(sql.statements()).as(target).isNotEmpty();
			assertThat(sql.statements()).as(target)
				.allSatisfy((statement) -> assertThat(statement).doesNotEndWith(";"));
			assertThat(String.join("\n", sql.statements())).as(target).contains(":release_key");
		}
	}

	@Test
	void theDimensionsAreBuiltBeforeTheFactsThatPointAtThem() {
		assertThat(WarehouseBuild.EOIR_TARGETS.indexOf("dim_hearing_location"))
			.isLessThan(WarehouseBuild.EOIR_TARGETS.indexOf("int_case_mpp"));
		assertThat(WarehouseBuild.EOIR_TARGETS.indexOf("int_case_mpp"))
			.isLessThan(WarehouseBuild.EOIR_TARGETS.indexOf("fct_case"));
		assertThat(WarehouseBuild.EOIR_TARGETS.subList(WarehouseBuild.EOIR_TARGETS.size() - 2,
				WarehouseBuild.EOIR_TARGETS.size()))
			.containsExactly("fct_case", "fct_proceeding");
	}

}
