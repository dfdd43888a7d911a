package org.courtstats.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the real July and August 2024 OHSS editions, one night after the other, and
 * checks cells anyone can find by opening the workbooks. The subclasses deliver them in
 * the two orders: the warehouse must end up the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OhssEditionsLoadTestSupport extends NightlyLoadTestSupport {

	@Autowired
	PlatformTransactionManager transactionManager;

	static final Path EDITIONS = Path.of("../shared/data/real/dhs-ohss-monthly");

	static final String JULY = "2024_1108_ohss_immigration-enforcement-and-legal-processes-tables-july-2024";

	static final String AUGUST = "2024_1206_ohss_immigration-enforcement-and-legal-processes-tables-august-2024";

	List<ReleaseOutcome> firstNight;

	List<ReleaseOutcome> secondNight;

	/** The editions in the order they are delivered, one a night. */
	abstract List<String> deliveryOrder();

	@BeforeAll
	void deliverOneEditionANight(@TempDir Path work) throws IOException {
		Path inbox = Files.createDirectories(work.resolve("inbox"));
		Files.copy(EDITIONS.resolve(deliveryOrder().get(0) + ".xlsx"), inbox.resolve(deliveryOrder().get(0) + ".xlsx"));
		this.firstNight = this.nightlyLoad.run(inbox, null);
		// As autovacuum does in the month between two editions: the statistics then know
		// the first edition alone until the second night's load analyzes the fact.
		this.jdbc.execute("analyze warehouse.fct_border_statistic");
		Files.copy(EDITIONS.resolve(deliveryOrder().get(1) + ".xlsx"), inbox.resolve(deliveryOrder().get(1) + ".xlsx"));
		this.secondNight = this.nightlyLoad.run(inbox, null);
	}

	@Test
	void eachEditionLoadsOnceAsItsOwnRelease() {
		assertThat(this.firstNight)
			.extracting(ReleaseOutcome::source, ReleaseOutcome::releaseLabel, ReleaseOutcome::status)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("ohss", deliveryOrder().get(0), ReleaseOutcome.Status.LOADED));
		assertThat(this.secondNight).extracting(ReleaseOutcome::releaseLabel, ReleaseOutcome::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(JULY, statusOnSecondNight(JULY)),
					org.assertj.core.groups.Tuple.tuple(AUGUST, statusOnSecondNight(AUGUST)));
		assertThat(this.jdbc.queryForList(
				"select release_label, as_of_date::text from warehouse.dim_release where source = 'ohss' order by as_of_date"))
			.containsExactly(Map.of("release_label", JULY, "as_of_date", "2024-07-31"),
					Map.of("release_label", AUGUST, "as_of_date", "2024-08-31"));
	}

	@Test
	void theSecondNightLeavesStatisticsThatKnowItsEdition() {
		// Without them the planner takes the new edition's rows for a handful, and
		// a check that joins them with themselves ran for minutes in nested loops.
		String values = this.jdbc.queryForObject(
				"""
						select most_common_vals::text from pg_stats
						where schemaname = 'warehouse' and tablename = 'fct_border_statistic' and attname = 'edition_release_key'
						""",
				String.class);
		assertThat(List.of(values.replaceAll("[{}]", "").split(",")))
			.contains(String.valueOf(releaseKey(deliveryOrder().get(1))));
	}

	private ReleaseOutcome.Status statusOnSecondNight(String label) {
		return label.equals(deliveryOrder().get(0)) ? ReleaseOutcome.Status.ALREADY_LOADED
				: ReleaseOutcome.Status.LOADED;
	}

	@Test
	void everyCellOfBothEditionsIsKeptAndTheAugustEditionIsLatest() {
		assertThat(count(
				"select count(*) from warehouse.fct_border_statistic where edition_release_key = " + releaseKey(JULY)))
			.isEqualTo(104_374);
		assertThat(count("select count(*) from warehouse.fct_border_statistic where edition_release_key = "
				+ releaseKey(AUGUST)))
			.isEqualTo(105_020);
		assertThat(count("select count(distinct table_name) from warehouse.fct_border_statistic")).isEqualTo(34);
		// every cell of August's table years, from August
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_table_year"))
			.isEqualTo(105_020);
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_table_year "
				+ "and edition_release_key <> " + releaseKey(AUGUST)))
			.isZero();
		// every cell from the newest edition printing it: August's, and July's that
		// August does not print
		long julyOnly = count("select count(*) from warehouse.fct_border_statistic as j where edition_release_key = "
				+ releaseKey(JULY) + " and not exists (select from warehouse.fct_border_statistic as a "
				+ "where a.cell_key = j.cell_key and a.edition_release_key = " + releaseKey(AUGUST) + ")");
		assertThat(julyOnly).isPositive();
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_edition "
				+ "and edition_release_key = " + releaseKey(AUGUST)))
			.isEqualTo(105_020);
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_edition "
				+ "and edition_release_key = " + releaseKey(JULY)))
			.isEqualTo(julyOnly);
		assertThat(count("select count(distinct cell_key) from warehouse.fct_border_statistic"))
			.isEqualTo(105_020 + julyOnly);
		assertThat(count("select count(*) from etl.rejected_row")).isZero();
	}

	@Test
	void theMigrationToLatestValuesByCellMarksWhatTheLoadMarks() {
		String marks = "select string_agg(border_statistic_id || ':' || is_latest_edition || is_latest_table_year, "
				+ "',' order by border_statistic_id) from warehouse.fct_border_statistic";
		String loaded = this.jdbc.queryForObject(marks, String.class);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			// given: the marks as the loads before the migration left them, latest by
			// table year
			this.jdbc.update("update warehouse.fct_border_statistic "
					+ "set is_latest_edition = is_latest_table_year, is_latest_table_year = false");

			// when
			migrate("V053__mark_latest_edition_by_cell_and_by_table_year.sql");

			// then
			assertThat(this.jdbc.queryForObject(marks, String.class)).isEqualTo(loaded);
		});
	}

	@Test
	void theCbpOneAppointmentsCarryTheirNationalities() {
		// CBP One Appointments, August, D4: FY2023, Cuba
		assertThat(this.jdbc.queryForList("""
				select e.release_label, b.value::text, n.eoir_code, b.measure_label, b.is_latest_edition
				from warehouse.fct_border_statistic as b
				join warehouse.dim_release as e on e.release_key = b.edition_release_key
				join warehouse.dim_nationality as n using (nationality_key)
				where b.table_name = 'CBP One Appointments' and b.fiscal_year = 2023 and b.fiscal_month is null
				    and b.citizenship_label = 'Cuba'
				order by e.as_of_date
				"""))
			.extracting((row) -> row.get("release_label") + " " + row.get("value") + " " + row.get("eoir_code") + " "
					+ row.get("measure_label") + " " + row.get("is_latest_edition"))
			.containsExactly(JULY + " 26030 CU CBP One Appointments false",
					AUGUST + " 26030 CU CBP One Appointments true");
		assertThat(
				count("""
						select count(*) from warehouse.fct_border_statistic
						where table_name = 'CBP One Appointments'
						    and (citizenship_label is null or nationality_key = -1 and citizenship_label not in ('Total', 'Other'))
						"""))
			.isZero();
	}

	@Test
	void theMigrationReadingCbpOneAppointmentsByCitizenshipLabelsWhatTheLoadLabels() {
		String cells = """
				select string_agg(concat_ws('|', border_statistic_id, cell_key, measure_label, citizenship_label,
				    nationality_key, is_latest_edition, is_latest_table_year), ',' order by border_statistic_id)
				from warehouse.fct_border_statistic
				""";
		String loaded = this.jdbc.queryForObject(cells, String.class);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			// given: the cells as the loads before the migration left them, each column a
			// measure with no citizenship
			this.jdbc.update("""
					update warehouse.fct_border_statistic
					set measure_label = citizenship_label, citizenship_label = null, nationality_key = -1
					where table_name = 'CBP One Appointments'
					""");
			assertThat(this.jdbc.queryForObject(cells, String.class)).isNotEqualTo(loaded);

			// when
			migrate("V068__read_cbp_one_appointments_by_citizenship.sql");

			// then
			assertThat(this.jdbc.queryForObject(cells, String.class)).isEqualTo(loaded);
		});
	}

	@Test
	void aCitizenshipTheAugustEditionFoldsIntoOthersKeepsItsLatestValuesButNotItsTableYears() {
		// SWB Encounters by Citizenship: July prints a Peru column, August a China column
		// and Peru inside Others.
		long peru = count("""
				select count(*) from warehouse.fct_border_statistic
				where table_name = 'SWB Encounters by Citizenship' and citizenship_label = 'Peru'
				""");
		assertThat(peru).as("July's Peru cells, kept").isPositive();
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic
				where table_name = 'SWB Encounters by Citizenship' and citizenship_label = 'Peru' and is_latest_edition
				""")).as("the newest values of their cells").isEqualTo(peru);
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic
				where table_name = 'SWB Encounters by Citizenship' and citizenship_label = 'Peru'
				    and is_latest_table_year
				""")).as("but not of the latest table years").isZero();
		// The citizenships of FY2024's latest table year add up to the printed total,
		// give
		// or take the rounding of each cell to tens.
		List<Map<String, Object>> groups = this.jdbc.queryForList("""
				select group_label,
				    sum(value) filter (where citizenship_label <> 'Total') as citizenships,
				    sum(value) filter (where citizenship_label = 'Total') as total,
				    count(*) filter (where citizenship_label <> 'Total') as columns
				from warehouse.fct_border_statistic
				where is_latest_table_year and table_name = 'SWB Encounters by Citizenship'
				    and fiscal_year = 2024 and fiscal_month is null
				group by group_label
				""");
		assertThat(groups).isNotEmpty().allSatisfy((group) -> {
			BigDecimal difference = ((BigDecimal) group.get("citizenships")).subtract((BigDecimal) group.get("total"));
			assertThat(difference.abs()).as("%s", group)
				.isLessThanOrEqualTo(BigDecimal.valueOf(5 * ((Long) group.get("columns") + 1)));
		});
	}

	@Test
	void mppBookOutsByMonthAreTheAugustEditionsAsPrinted() {
		// CBP SWB Book-Outs by Agency, column F (Total CBP), O (USBP), W (OFO).
		assertThat(mppBookOuts(2019, 6)).containsExactly(590L, 370L, 220L);
		assertThat(mppBookOuts(2019, 10)).containsExactly(11_270L, 10_200L, 1_060L);
		assertThat(mppBookOuts(2019, 11)).containsExactly(11_970L, 10_270L, 1_690L);
		assertThat(mppBookOuts(2021, 4)).containsExactly(540L, 530L, 10L);
		assertThat(text("""
				select string_agg(distinct edition, ',') from reporting.mpp_returns_by_month
				""")).isEqualTo(AUGUST);
		assertThat(text("""
				select month_start::text from reporting.mpp_returns_by_month
				where fiscal_year = 2019 and fiscal_month = 6 and component = 'CBP'
				""")).isEqualTo("2019-03-01");
		assertThat(value("CBP SWB Book-Outs by Agency", 2019, null, "Total CBP", "Migrant Protection Protocols"))
			.isEqualByComparingTo("44250");
	}

	@Test
	void monthsOutsideMppAreNotApplicableNotZero() {
		assertThat(this.jdbc.queryForList("""
				select component, mpp_book_outs, value_status from reporting.mpp_returns_by_month
				where fiscal_year = 2019 and fiscal_month = 1 order by component
				""")).allSatisfy((row) -> {
			assertThat(row.get("mpp_book_outs")).isNull();
			assertThat(row.get("value_status")).isEqualTo("not_applicable");
		}).hasSize(3);
		assertThat(text("""
				select value_status from reporting.mpp_returns_by_month
				where fiscal_year = 2021 and fiscal_month = 5 and component = 'USBP'
				""")).isEqualTo("not_applicable");
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic
				where value_status = 'not_applicable' and value is not null
				""")).isZero();
	}

	@Test
	void aRevisedCellResolvesToTheAugustValueAndKeepsTheJulyOne() {
		// CBP Encounter by Type + Region, H57: FY2018 enforcement encounters, total.
		List<Map<String, Object>> editions = this.jdbc.queryForList(
				"""
						select r.release_label, b.value, b.is_latest_edition, b.cell_reference
						from warehouse.fct_border_statistic as b
						join warehouse.dim_release as r on r.release_key = b.edition_release_key
						where b.table_name = 'CBP Encounter by Type + Region' and b.fiscal_year = 2018
						    and b.fiscal_month is null and b.group_label = 'Enforcement Encounters' and b.measure_label = 'Total'
						order by r.as_of_date
						""");
		assertThat(editions)
			.extracting((row) -> row.get("release_label"), (row) -> row.get("value").toString(),
					(row) -> row.get("is_latest_edition"), (row) -> row.get("cell_reference"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(JULY, "571060", false, "H57"),
					org.assertj.core.groups.Tuple.tuple(AUGUST, "571170", true, "H57"));
	}

	@Test
	void citizenshipColumnsCarryTheirLabelsAndFiscalYearTotalsHaveNoMonth() {
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic
				where fiscal_month is null and date_key <> -1
				""")).isZero();
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic
				where fiscal_month is not null and date_key = -1
				""")).isZero();
		assertThat(count("""
				select count(distinct citizenship_label) from warehouse.fct_border_statistic
				where table_name = 'SWB Encounters by Citizenship'
				""")).isGreaterThan(10);
	}

	@Test
	void theErrorChecksPassOnBothEditionsAndSevenTotalsWarn() {
		// Each edition: 7 fiscal-year totals differ from their months by more than the
		// rounding allows (5 per reported month and 5 for the total), all FY2019
		// Migrant Protection Protocols book-outs (F70 of Book-Outs by Agency: 44,250
		// printed, 44,100 in its 7 months), the same in both editions: DHS's own
		// figures, so the check warns rather than holding every edition back.
		assertThat(this.jdbc.queryForList("""
				select r.release_label || ' ' || c.check_name || ' ' || c.severity || ' ' || c.offending_rows
				from etl.check_result as c join warehouse.dim_release as r using (release_key)
				where not c.passed order by r.release_label, c.check_name
				""", String.class)).containsExactly(
				JULY + " fct_border_statistic__fiscal_year_total_matches_months warn 7",
				AUGUST + " fct_border_statistic__fiscal_year_total_matches_months warn 7");
		assertThat(count("select count(*) from etl.check_result where passed")).isEqualTo(2 * 8);
	}

	List<Long> mppBookOuts(int fiscalYear, int fiscalMonth) {
		return this.jdbc.queryForList("""
				select mpp_book_outs from reporting.mpp_returns_by_month
				where fiscal_year = ? and fiscal_month = ? and value_status = 'reported'
				order by case component when 'CBP' then 1 when 'USBP' then 2 else 3 end
				""", Long.class, fiscalYear, fiscalMonth);
	}

	BigDecimal value(String table, int fiscalYear, Integer fiscalMonth, String group, String measure) {
		return this.jdbc.queryForObject("""
				select value from warehouse.fct_border_statistic
				where is_latest_edition and table_name = ? and fiscal_year = ?
				    and fiscal_month is not distinct from ? and group_label = ? and measure_label = ?
				""", BigDecimal.class, table, fiscalYear, fiscalMonth, group, measure);
	}

	/** Runs a migration's statements again, over the editions loaded. */
	private void migrate(String migration) {
		try {
			this.jdbc.execute(Files.readString(Path.of("warehouse-sql/migrations").resolve(migration)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
