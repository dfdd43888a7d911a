package org.courtstats.warehouse;

import java.util.List;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema the migrations build is the contract analysts rely on: the data dictionary
 * and the calendar (the names are {@link WarehouseContractIntegrationTests}, the roles
 * {@link WarehouseRolesIntegrationTests}).
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class WarehouseSchemaIntegrationTests {

	static String url = TestWarehouse.newDatabase("schema");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void everyObjectAndColumnCarriesItsDataDictionaryText() {
		// Partitions are left out: their parent carries the text.
		List<String> undocumented = this.jdbc.queryForList("""
				select n.nspname || '.' || c.relname
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname in ('warehouse', 'reporting', 'etl', 'staging')
				    and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
				    and coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''
				union all
				select n.nspname || '.' || c.relname || '.' || a.attname
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				where n.nspname in ('warehouse', 'reporting', 'etl')
				    and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
				    and coalesce(btrim(col_description(c.oid, a.attnum)), '') = ''
				order by 1""", String.class);

		assertThat(undocumented)
			.as("tables, views and columns without a comment (add a 'comment on' for each; it is the data "
					+ "dictionary, docs/data-dictionary.md)")
			.isEmpty();
	}

	@Test
	void theCalendarFollowsTheFederalFiscalYear() {
		assertThat(this.jdbc.queryForList("""
				select date_key || ' FY' || fiscal_year || ' M' || fiscal_month || ' Q' || fiscal_quarter
				from warehouse.dim_date where full_date in ('2018-10-01', '2019-09-30', '2020-02-29') order by 1""",
				String.class))
			.containsExactly("20181001 FY2019 M1 Q1", "20190930 FY2019 M12 Q4", "20200229 FY2020 M5 Q2");
		assertThat(this.jdbc.queryForObject(
				"select full_date is null and fiscal_year is null " + "from warehouse.dim_date where date_key = -1",
				Boolean.class))
			.isTrue();
	}

	@Test
	void aDateKeyIsItsYearMonthAndDayForEveryDate() {
		assertThat(this.jdbc.queryForList(
				"""
						select d
						from (select date '0001-01-01' + g as d from generate_series(0, date '9999-12-31' - date '0001-01-01') as g) as days
						where warehouse.date_key(d) <> to_char(d, 'YYYYMMDD')::int
						limit 5
						""",
				String.class))
			.isEmpty();
		assertThat(this.jdbc.queryForObject("select warehouse.date_key(date '2026-04-15')", Integer.class))
			.isEqualTo(20260415);
		assertThat(this.jdbc.queryForObject("select warehouse.date_key(null)", Integer.class)).isEqualTo(-1);
	}

	@Test
	void outcomeGroupsFollowTheContract() {
		assertThat(this.jdbc.queryForList("""
				select warehouse.outcome_group(t, c, k, d) from (values
				    ('RMV', 'X', 'C', 'Remove'), ('RMV', 'V', 'C', null), ('RMV', 'H', 'C', null),
				    ('RMV', 'U', 'C', null), ('RMV', 'C', 'O', null), ('RMV', 'B', 'O', null), ('RMV', 'X', 'O', null),
				    ('DEP', 'V', 'C', 'Voluntary Departure'), ('DEP', 'X', 'C', 'Something else'),
				    ('EXC', 'T', 'C', 'Terminate'), ('RMV', 'D', 'C', 'Deny')) as v(t, c, k, d)""", String.class))
			.containsExactly("removal_order", "voluntary_departure", "relief_granted", "terminated_dismissed",
					"venue_or_transfer", "administrative_closure", "other", "voluntary_departure", "other",
					"terminated_dismissed", "other");
	}

	@Test
	void everyStagingColumnTheEoirTablesFillExists() {
		for (EoirTable table : EoirTables.ALL) {
			String[] name = table.stagingTableName().split("\\.");
			List<String> columns = this.jdbc.queryForList(
					"select column_name from information_schema.columns where table_schema = ? and table_name = ?",
					String.class, name[0], name[1]);
			assertThat(columns).as(table.stagingTableName()).containsAll(table.stagingTable().copyColumns());
		}
	}

	@Test
	void everyUnknownMemberIsInPlace() {
		for (String check : List.of("select eoir_code from warehouse.dim_nationality where nationality_key = -1",
				"select eoir_code from warehouse.dim_language where language_key = -1",
				"select base_city_code from warehouse.dim_court where court_key = -1",
				"select hearing_loc_code from warehouse.dim_hearing_location where hearing_location_key = -1",
				"select judge_code from warehouse.dim_judge where judge_key = -1",
				"select case_type_code from warehouse.dim_case_type where case_type_key = -1",
				"select decision_code from warehouse.dim_decision where decision_key = -1",
				"select custody_code from warehouse.dim_custody where custody_key = -1")) {
			assertThat(this.jdbc.queryForObject(check, String.class)).as(check).isEqualTo("?");
		}
	}

}
