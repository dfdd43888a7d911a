package org.courtstats.warehouse;

import java.util.List;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema the migrations build is the contract analysts rely on: names, roles, the
 * data dictionary, and the calendar.
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
	void theContractsTablesAndViewsExist() {
		List<String> relations = this.jdbc.queryForList("""
				select table_schema || '.' || table_name from information_schema.tables
				where table_schema in ('warehouse', 'reporting', 'etl')""", String.class);

		assertThat(relations).contains("warehouse.dim_date", "warehouse.dim_release", "warehouse.dim_nationality",
				"warehouse.dim_language", "warehouse.dim_court", "warehouse.dim_hearing_location",
				"warehouse.dim_judge", "warehouse.dim_case_type", "warehouse.dim_decision", "warehouse.dim_custody",
				"warehouse.fct_case", "warehouse.fct_proceeding", "reporting.mpp_case_outcomes",
				"reporting.in_absentia_rates", "reporting.load_history", "etl.source_file", "etl.rejected_row",
				"etl.repaired_row", "etl.load_run");
	}

	@Test
	void everyObjectAndColumnCarriesItsDataDictionaryText() {
		List<String> undocumentedTables = this.jdbc.queryForList("""
				select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname in ('warehouse', 'reporting', 'etl', 'staging') and c.relkind in ('r', 'v')
				    and obj_description(c.oid, 'pg_class') is null""", String.class);
		List<String> undocumentedColumns = this.jdbc.queryForList("""
				select n.nspname || '.' || c.relname || '.' || a.attname
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				where n.nspname in ('warehouse', 'reporting', 'etl') and c.relkind in ('r', 'v')
				    and col_description(c.oid, a.attnum) is null""", String.class);

		assertThat(undocumentedTables).isEmpty();
		assertThat(undocumentedColumns).isEmpty();
	}

	@Test
	void theLoaderOwnsEveryObject() {
		assertThat(this.jdbc.queryForList("""
				select schemaname || '.' || tablename from pg_tables
				where schemaname in ('etl', 'staging', 'warehouse', 'batch') and tableowner <> 'courtstats_loader'
				union all
				select schemaname || '.' || viewname from pg_views
				where schemaname = 'reporting' and viewowner <> 'courtstats_loader'""", String.class)).isEmpty();
	}

	@Test
	void theAnalystRoleReadsTheWarehouseAndNothingElse() {
		JdbcTemplate analyst = asAnalyst();

		assertThat(analyst.queryForObject("select count(*) from warehouse.fct_case", Long.class)).isZero();
		assertThat(analyst.queryForObject("select count(*) from reporting.mpp_case_outcomes", Long.class)).isZero();
		assertThat(analyst.queryForObject("select count(*) from reporting.load_history", Long.class)).isZero();
		assertThat(analyst.queryForObject("select count(*) from etl.rejected_row", Long.class)).isZero();
		assertThat(analyst.queryForObject("select count(*) from etl.repaired_row", Long.class)).isZero();
		assertThat(analyst.queryForObject("select count(*) from etl.load_run", Long.class)).isZero();
		for (String forbidden : List.of("select count(*) from etl.source_file",
				"select count(*) from staging.eoir_case", "select count(*) from batch.batch_job_instance",
				"insert into warehouse.dim_court (base_city_code) values ('XXX')", "delete from warehouse.dim_date",
				"update etl.rejected_row set message = ''")) {
			assertThatExceptionOfType(DataAccessException.class).as(forbidden)
				.isThrownBy(() -> analyst.execute(forbidden))
				.havingRootCause()
				.withMessageContaining("permission denied");
		}
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

	private static JdbcTemplate asAnalyst() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
		JdbcTemplate analyst = new JdbcTemplate(dataSource);
		analyst.execute("set role courtstats_analyst");
		return analyst;
	}

}
