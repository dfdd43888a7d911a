package org.courtstats.warehouse;

import java.util.List;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema the migrations build is the contract analysts rely on: the data dictionary
 * and the calendar (the names are {@link WarehouseContractIntegrationTests}, the roles
 * {@link WarehouseRolesIntegrationTests}).
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class WarehouseSchemaIntegrationTests {

	static String url = TestWarehouse.newDatabase("schema");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	/**
	 * One connection, one transaction, rolled back: what the publish transaction sees.
	 */
	final TransactionTemplate rolledBack = new TransactionTemplate(
			new JdbcTransactionManager(this.jdbc.getDataSource()));

	static final String HEARING_INDEXES = """
			select string_agg(format('%s: %s (%s) %s', c.relname, pg_get_indexdef(i.indexrelid),
			        coalesce(k.conname || ' ' || k.contype::text, 'no constraint'),
			        coalesce(obj_description(i.indexrelid, 'pg_class'), '') || '/'
			            || coalesce(obj_description(k.oid, 'pg_constraint'), '')), '; ' order by c.relname)
			from pg_index i
			join pg_class c on c.oid = i.indexrelid
			left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid
			where i.indrelid = 'warehouse.fct_hearing'::regclass""";

	static final String INSERT_HEARINGS = """
			insert into warehouse.fct_hearing (schedule_id, proceeding_id, case_id, hearing_date_key,
			    hearing_location_key, court_key, judge_key, language_key, adjournment_reason_key,
			    first_seen_release_key, release_key, row_hash)
			select g, g / 2, g / 3, -1, -1, -1, -1, -1, -1, -1, -1, 0 from generate_series(?, ?) g""";

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
				where (n.nspname in ('warehouse', 'reporting', 'etl', 'staging', 'batch')
				        or c.relname = 'flyway_schema_history')
				    and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
				    and coalesce(btrim(obj_description(c.oid, 'pg_class')), '') = ''
				union all
				select n.nspname || '.' || c.relname || '.' || a.attname
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				where (n.nspname in ('warehouse', 'reporting', 'etl', 'staging', 'batch')
				        or c.relname = 'flyway_schema_history')
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
		assertThat(this.jdbc.queryForObject(
				"select proparallel from pg_proc where oid = 'warehouse.date_key(date)'::regprocedure", String.class))
			.as("parallel safe: a query that keys dates may still use parallel workers")
			.isEqualTo("s");
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

	@Test
	void anEmptyFactsIndexesAreSetAsideAndBuiltAgainAsTheyWere() {
		this.rolledBack.executeWithoutResult((status) -> {
			this.jdbc.execute("comment on index warehouse.fct_hearing_proceeding_idx is 'by proceeding'");
			this.jdbc.execute("comment on constraint fct_hearing_pkey on warehouse.fct_hearing is 'the key'");
			String before = this.jdbc.queryForObject(HEARING_INDEXES, String.class);
			assertThat(before).contains("fct_hearing_pkey: CREATE UNIQUE INDEX", "(fct_hearing_pkey p) /the key",
					"fct_hearing_proceeding_idx: CREATE INDEX", "(no constraint) by proceeding/");

			this.jdbc.execute("call warehouse.set_indexes_aside('warehouse.fct_hearing')");
			assertThat(this.jdbc.queryForObject(HEARING_INDEXES, String.class)).isNull();
			this.jdbc.update(INSERT_HEARINGS, 1, 1000);
			this.jdbc.execute("call warehouse.restore_indexes('warehouse.fct_hearing')");

			assertThat(this.jdbc.queryForObject(HEARING_INDEXES, String.class)).isEqualTo(before);
			assertThatExceptionOfType(DuplicateKeyException.class)
				.isThrownBy(() -> this.jdbc.update(INSERT_HEARINGS, 1000, 1000));
			status.setRollbackOnly();
		});
	}

	@Test
	void aFactThatHoldsRowsKeepsItsIndexes() {
		this.rolledBack.executeWithoutResult((status) -> {
			String before = this.jdbc.queryForObject(HEARING_INDEXES, String.class);
			this.jdbc.update(INSERT_HEARINGS, 1, 1);

			this.jdbc.execute("call warehouse.set_indexes_aside('warehouse.fct_hearing')");
			assertThat(this.jdbc.queryForObject(HEARING_INDEXES, String.class)).isEqualTo(before);
			this.jdbc.execute("call warehouse.restore_indexes('warehouse.fct_hearing')");
			assertThat(this.jdbc.queryForObject(HEARING_INDEXES, String.class)).isEqualTo(before);
			status.setRollbackOnly();
		});
	}

}
