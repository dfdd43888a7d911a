package org.courtstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSampleWorkbook;
import org.courtstats.warehouse.WarehouseCheckException;
import org.courtstats.warehouse.WarehouseChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data-quality checks pass on the sample EOIR release, OHSS edition and CBP file, and
 * each fails on the bad data it is there to catch: the data is corrupted inside a
 * transaction that is rolled back, the checks run in it, and their results, written in a
 * transaction of their own, stay in {@code etl.check_result}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseChecksFunctionalTests extends NightlyLoadTestSupport {

	static String url = TestWarehouse.newDatabase("checks");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.settle-time", () -> "0s");
	}

	@Autowired
	WarehouseChecks warehouseChecks;

	@Autowired
	PlatformTransactionManager transactionManager;

	List<ReleaseOutcome> outcomes;

	@BeforeAll
	void loadTheSamples(@TempDir Path work) throws Exception {
		Path inbox = Files.createDirectories(work.resolve("inbox"));
		EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);
		OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 3), 7);
		CbpSampleFile.write(inbox, YearMonth.of(2026, 3), 7);
		this.outcomes = this.nightlyLoad.run(inbox, null);
	}

	@Test
	void everyCheckPassesOnTheSamplesAndIsRecorded() {
		assertThat(this.outcomes).extracting(ReleaseOutcome::status).containsOnly(ReleaseOutcome.Status.LOADED);
		List<Map<String, Object>> bySource = this.jdbc.queryForList("""
				select source, count(*) as checks, count(*) filter (where passed) as passed,
				    sum(offending_rows) as offending, count(distinct job_execution_id) as runs
				from etl.check_result where job_execution_id is not null group by source order by source
				""");
		// EOIR: 2 key checks x 6 facts, 6 no-mass-deletion, 1 completion date, a file cut
		// inside a line, 2 against
		// Count.txt and the rejected-row share.
		assertThat(bySource)
			.extracting((row) -> row.get("source") + " " + row.get("checks") + " " + row.get("passed") + " "
					+ row.get("offending") + " " + row.get("runs"))
			.containsExactly("cbp 9 9 0 1", "eoir 23 23 0 1", "ohss 9 9 0 1");
		assertThat(this.jdbc.queryForList("select check_name from etl.check_result "
				+ "where source = 'ohss' and job_execution_id is not null order by 1", String.class))
			.containsExactly("etl_source_file__no_line_cut_short", "etl_source_file__rows_read_match_count_txt",
					"etl_source_file__rows_read_near_count_txt",
					"fct_border_statistic__fiscal_year_total_matches_months", "fct_border_statistic__keys_resolve",
					"fct_border_statistic__natural_key_unique",
					"fct_border_statistic__one_latest_edition_per_table_year",
					"fct_border_statistic__tables_of_the_edition_before_present", "rejected_rows__within_threshold");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					fct_case__natural_key_unique        | eoir | fct_case           | case_id            | fct_case_pkey
					fct_proceeding__natural_key_unique  | eoir | fct_proceeding     | proceeding_id      | fct_proceeding_pkey
					fct_hearing__natural_key_unique     | eoir | fct_hearing        | schedule_id        | fct_hearing_pkey
					fct_application__natural_key_unique | eoir | fct_application    | application_id     | fct_application_pkey
					fct_charge__natural_key_unique      | eoir | fct_charge         | charge_id          | fct_charge_pkey
					fct_custody_period__natural_key_unique | eoir | fct_custody_period | custody_history_id | fct_custody_period_pkey
					""")
	void aDuplicateOrMissingEoirKeyHoldsTheReleaseBack(String check, String source, String table, String key,
			String primaryKey) {
		// given: the table as it would be once partitioned (no primary key on its key
		// alone), a copy of one row, and a row without a key
		String fact = "warehouse." + table;
		Map<String, Object> result = failing(source, check, "alter table " + fact + " drop constraint " + primaryKey,
				"alter table " + fact + " alter column " + key + " drop not null",
				"insert into " + fact + " select * from " + fact + " where " + key + " = (select min(" + key + ") from "
						+ fact + ")",
				"insert into " + fact + " select (jsonb_populate_record(null::" + fact + ", to_jsonb(f) || '{\"" + key
						+ "\": null}')).* from " + fact + " as f where " + key + " = (select max(" + key + ") from "
						+ fact + ")");

		// then: the duplicated key, and the null one
		assertThat(result).containsEntry("offending_rows", 2L).containsEntry("severity", "error");
		assertThat((String) result.get("examples")).contains("\"fact_rows\": 2").contains("\"fact_rows\": 1");
	}

	@Test
	void aCbpRowHeldTwiceHoldsTheFileBack() {
		Map<String, Object> result = failing("cbp", "fct_encounter__natural_key_unique",
				"""
						insert into warehouse.fct_encounter (fiscal_year, fiscal_month, date_key, component,
						    land_border_region, area_of_responsibility, aor_abbv, state, demographic, citizenship_label,
						    nationality_key, title_of_authority, encounter_type, encounter_count, release_key,
						    source_file_id, line_number)
						select fiscal_year, fiscal_month, date_key, component, land_border_region, area_of_responsibility,
						    aor_abbv, state, demographic, citizenship_label, nationality_key, title_of_authority,
						    encounter_type, encounter_count, release_key, source_file_id, line_number + 100000
						from warehouse.fct_encounter where encounter_id = (select min(encounter_id) from warehouse.fct_encounter)
						""");

		// then: the key, with the file and both lines it came from
		Map<String, Object> duplicated = this.jdbc.queryForMap(
				"""
						select f.path, e.line_number from warehouse.fct_encounter as e join etl.source_file as f using (source_file_id)
						where e.encounter_id = (select min(encounter_id) from warehouse.fct_encounter)
						""");
		long line = ((Number) duplicated.get("line_number")).longValue();
		assertThat(result).containsEntry("offending_rows", 1L);
		assertThat((String) result.get("examples")).contains("\"fact_rows\": 2")
			.contains("\"files\": \"" + duplicated.get("path") + "\"")
			.contains("\"lines\": [" + line + ", " + (line + 100000) + "]");
	}

	@Test
	void anOhssCellHeldTwiceHoldsTheEditionBack() {
		Map<String, Object> result = failing("ohss", "fct_border_statistic__natural_key_unique",
				"alter table warehouse.fct_border_statistic drop constraint fct_border_statistic_cell_edition_key",
				"""
						insert into warehouse.fct_border_statistic (edition_release_key, table_name, fiscal_year,
						    fiscal_month, date_key, group_label, measure_label, citizenship_label, nationality_key,
						    value, value_status, is_latest_edition, cell_reference, source_file_id)
						select edition_release_key, table_name, fiscal_year, fiscal_month, date_key, group_label,
						    measure_label, citizenship_label, nationality_key, value, value_status, is_latest_edition,
						    cell_reference, source_file_id
						from warehouse.fct_border_statistic
						where border_statistic_id = (select min(border_statistic_id) from warehouse.fct_border_statistic)
						""");

		// the cell twice in the edition, and twice latest
		assertThat(result).containsEntry("offending_rows", 2L);
		assertThat((String) result.get("examples")).contains("\"scope\": \"in the edition\"")
			.contains("\"scope\": \"latest\"");
	}

	@Test
	void anOhssCellLatestInNoEditionHoldsTheEditionBack() {
		Map<String, Object> result = failing("ohss", "fct_border_statistic__natural_key_unique", """
				update warehouse.fct_border_statistic set is_latest_edition = false
				where border_statistic_id = (select min(border_statistic_id) from warehouse.fct_border_statistic)
				""");

		assertThat(result).containsEntry("offending_rows", 1L);
		assertThat((String) result.get("examples")).contains("\"scope\": \"latest\"").contains("\"fact_rows\": 0");
	}

	@ParameterizedTest(name = "{0}.{1}")
	@MethodSource("eoirFactKeyColumns")
	void aFactKeyWithoutItsDimensionRowHoldsTheReleaseBack(String table, String keyColumn, String id) {
		String fact = "warehouse." + table;
		Map<String, Object> result = failing("eoir", table + "__keys_resolve", "update " + fact + " set " + keyColumn
				+ " = -999 where " + id + " in (select " + id + " from " + fact + " order by " + id + " limit 3)");

		assertThat(result).containsEntry("offending_rows", 3L);
	}

	/**
	 * Every key column of the EOIR facts but {@code release_key}, which says which rows
	 * the checks read, with the fact's primary key.
	 */
	Stream<Arguments> eoirFactKeyColumns() {
		List<Arguments> columns = this.jdbc.queryForList("""
				select c.table_name, c.column_name, k.column_name as id
				from information_schema.columns as c
				join information_schema.key_column_usage as k
				    on k.table_schema = c.table_schema and k.table_name = c.table_name
				join information_schema.table_constraints as t
				    on t.constraint_name = k.constraint_name and t.constraint_type = 'PRIMARY KEY'
				where c.table_schema = 'warehouse'
				    and c.table_name in ('fct_case', 'fct_proceeding', 'fct_hearing', 'fct_application',
				        'fct_charge', 'fct_custody_period')
				    and c.column_name like '%\\_key' and c.column_name <> 'release_key'
				order by c.table_name, c.ordinal_position
				""")
			.stream()
			.map((row) -> Arguments.of(row.get("table_name"), row.get("column_name"), row.get("id")))
			.toList();
		// the six facts' key columns as of this writing; more may come, none may go
		assertThat(columns).hasSizeGreaterThanOrEqualTo(48);
		return columns.stream();
	}

	@Test
	void everyKeyColumnOfEveryFactIsCoveredByItsKeysResolveCheck() throws Exception {
		List<Map<String, Object>> keyColumns = this.jdbc.queryForList("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'warehouse' and table_name like 'fct\\_%' and column_name like '%\\_key'
				    and column_name <> 'cell_key'
				order by table_name, ordinal_position
				""");
		assertThat(keyColumns).hasSizeGreaterThan(50);
		for (Map<String, Object> column : keyColumns) {
			String check = new String(getClass()
				.getResourceAsStream("/warehouse-sql/checks/" + column.get("table_name") + "__keys_resolve.sql")
				.readAllBytes());
			assertThat(check).as("%s.%s in its keys_resolve check", column.get("table_name"), column.get("column_name"))
				.containsPattern("\\." + column.get("column_name") + "\\b");
		}
	}

	@Test
	void rowsReadThatDifferFromCountTxtWarnAndThePublicationGoesOn() {
		long releaseKey = releaseKey(EoirSampleGenerator.DEFAULT_LABEL);
		List<WarehouseChecks.CheckResult> results = new TransactionTemplate(this.transactionManager)
			.execute((status) -> {
				status.setRollbackOnly();
				this.jdbc.update(
						"update etl.source_file set count_txt_rows = rows_read + 2 "
								+ "where release_key = ? and table_name in ('A_TblCase', 'B_TblProceeding')",
						releaseKey);
				return this.warehouseChecks.verify(releaseKey, "eoir", null);
			});

		assertThat(results).filteredOn((result) -> !result.passed())
			.extracting(WarehouseChecks.CheckResult::name, WarehouseChecks.CheckResult::offendingRows)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("etl_source_file__rows_read_match_count_txt", 2L));
		assertThat(latest("etl_source_file__rows_read_match_count_txt")).containsEntry("severity", "warn")
			.containsEntry("passed", false);
	}

	@Test
	void aFileFarShortOfItsCountTxtRowsHoldsTheReleaseBack() {
		// the cases 1% and 6 rows short of Count.txt: a file cut short; the
		// proceedings 1% short, within what EOIR's counts are off by
		String cases = "update etl.source_file set count_txt_rows = ceil((rows_read + 6) / 0.99) "
				+ "where table_name = 'A_TblCase'";
		String proceedings = "update etl.source_file set count_txt_rows = floor(rows_read / 0.99) "
				+ "where table_name = 'B_TblProceeding'";

		Map<String, Object> result = failing("eoir", "etl_source_file__rows_read_near_count_txt", cases, proceedings);

		assertThat(result).containsEntry("offending_rows", 1L).containsEntry("severity", "error");
		assertThat((String) result.get("examples")).contains("A_TblCase").doesNotContain("B_TblProceeding");
		assertThat(latest("etl_source_file__rows_read_match_count_txt")).containsEntry("offending_rows", 2L);
	}

	@Test
	void theChecksLeaveThePlannerSettingsOfTheTransactionAsTheyFoundThem() {
		long releaseKey = releaseKey(EoirSampleGenerator.DEFAULT_LABEL);
		List<String> settings = new TransactionTemplate(this.transactionManager).execute((status) -> {
			status.setRollbackOnly();
			this.jdbc.queryForObject("select set_config('parallel_tuple_cost', '0.2', true)", String.class);
			List<WarehouseChecks.CheckResult> results = this.warehouseChecks.verify(releaseKey, "eoir", null);
			assertThat(results).allMatch(WarehouseChecks.CheckResult::passed);
			return List.of(this.jdbc.queryForObject("select current_setting('parallel_setup_cost')", String.class),
					this.jdbc.queryForObject("select current_setting('parallel_tuple_cost')", String.class));
		});

		assertThat(settings).containsExactly("1000", "0.2");
	}

	@Test
	void anOhssTotalOffItsMonthsByMoreThanTheRoundingWarns() {
		Map<String, Object> result = warned("ohss", "fct_border_statistic__fiscal_year_total_matches_months", """
				update warehouse.fct_border_statistic set value = value + 1000
				where border_statistic_id = (select min(border_statistic_id) from warehouse.fct_border_statistic
				    where fiscal_month is null and value_status = 'reported' and fiscal_year < 2026)
				""");

		assertThat(result).containsEntry("offending_rows", 1L).containsEntry("severity", "warn");
	}

	@Test
	void anOhssEditionLackingATableOfTheEditionBeforeItWarnsNamingTheTable() {
		Map<String, Object> result = warned("ohss", "fct_border_statistic__tables_of_the_edition_before_present", """
				insert into warehouse.dim_release (source, release_label, as_of_date, status)
				values ('ohss', 'an edition of January 2026', date '2026-01-01', 'published')
				""", """
				insert into warehouse.fct_border_statistic (edition_release_key, table_name, fiscal_year,
				    fiscal_month, date_key, group_label, measure_label, citizenship_label, nationality_key, value,
				    value_status, cell_reference, source_file_id)
				select r.release_key, 'A Table Dropped Since', s.fiscal_year, s.fiscal_month, s.date_key,
				    s.group_label, s.measure_label, s.citizenship_label, s.nationality_key, s.value,
				    s.value_status, s.cell_reference, s.source_file_id
				from warehouse.fct_border_statistic as s
				cross join warehouse.dim_release as r
				where r.release_label = 'an edition of January 2026'
				    and s.border_statistic_id in (select min(border_statistic_id) from warehouse.fct_border_statistic
				        union all select max(border_statistic_id) from warehouse.fct_border_statistic)
				""");

		assertThat(result).containsEntry("offending_rows", 1L).containsEntry("severity", "warn");
		assertThat((String) result.get("examples")).contains("A Table Dropped Since")
			.contains("an edition of January 2026");
	}

	/**
	 * Corrupts the data, runs the checks of the source's release, expects them to hold it
	 * back, and rolls the corruption back.
	 * @return the recorded result of the check
	 */
	private Map<String, Object> failing(String source, String check, String... corruption) {
		long releaseKey = id("select max(release_key) from warehouse.dim_release where source = '" + source + "'");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			for (String sql : corruption) {
				this.jdbc.execute(sql);
			}
			assertThatExceptionOfType(WarehouseCheckException.class)
				.isThrownBy(() -> this.warehouseChecks.verify(releaseKey, source, null))
				.withMessageContaining("is held back, not published: check ")
				.withMessageContaining("check " + check + " (error) found ");
		});
		return latest(check);
	}

	private Map<String, Object> warned(String source, String check, String... corruption) {
		long releaseKey = id("select max(release_key) from warehouse.dim_release where source = '" + source + "'");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			for (String sql : corruption) {
				this.jdbc.execute(sql);
			}
			this.warehouseChecks.verify(releaseKey, source, null);
		});
		return latest(check);
	}

	private Map<String, Object> latest(String check) {
		Map<String, Object> result = this.jdbc.queryForMap("""
				select severity, offending_rows, passed, cast(examples as text) as examples from etl.check_result
				where check_name = ? order by check_result_id desc limit 1
				""", check);
		assertThat(result).containsEntry("passed", false);
		return result;
	}

}
