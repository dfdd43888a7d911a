package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSample;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.OhssSample;
import org.courtstats.samples.OhssSampleWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loads the generated OHSS editions of March and April 2026 on two nights, with a CBP
 * file on the second, and compares the warehouse with every cell and row the generator
 * wrote: the MPP book-outs of every month, the cells April revises, the encounters per
 * year.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BorderSamplesFunctionalTests extends NightlyLoadTestSupport {

	private static final long SEED = 20260401;

	@TempDir
	static Path inbox;

	static String url = TestWarehouse.newDatabase("border_samples");

	static OhssSample march;

	static OhssSample april;

	static CbpSample encounters;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> 1000);
	}

	@BeforeAll
	static void writeTheMarchEdition() {
		march = OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 3), SEED);
	}

	@Test
	@Order(1)
	void theMarchEditionLoadsEveryCell() {
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.LOADED);
		assertThat(count("select count(*) from warehouse.fct_border_statistic")).isEqualTo(march.cells().size());
		assertThat(mppReturns()).containsExactlyInAnyOrderElementsOf(expectedMppReturns(march));
	}

	@Test
	@Order(2)
	void theAprilEditionRevisesCellsAndTheViewQuotesIt() {
		april = OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 4), SEED);
		encounters = CbpSampleFile.write(inbox, YearMonth.of(2026, 3), SEED);
		List<OhssSample.Cell> revised = april.revisedSince(march);
		assertThat(revised).as("cells the April edition revises").isNotEmpty();

		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED,
				ReleaseOutcome.Status.LOADED);

		assertThat(count("select count(*) from warehouse.fct_border_statistic"))
			.isEqualTo(march.cells().size() + april.cells().size());
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_edition"))
			.as("April republishes every March cell and adds its own month")
			.isEqualTo(april.cells().size());
		assertThat(mppReturns()).containsExactlyInAnyOrderElementsOf(expectedMppReturns(april));
		for (OhssSample.Cell cell : revised) {
			assertThat(this.jdbc.queryForList("""
					select r.release_label, b.value, b.is_latest_edition
					from warehouse.fct_border_statistic as b
					join warehouse.dim_release as r on r.release_key = b.edition_release_key
					where b.table_name = ? and b.cell_reference = ?
					order by r.as_of_date
					""", cell.tableName(), cell.cellReference())).as("%s %s", cell.tableName(), cell.cellReference())
				.extracting((row) -> row.get("is_latest_edition"))
				.containsExactly(false, true);
		}
	}

	@Test
	@Order(3)
	void theCbpFileLoadsEveryRowOfEveryYear() {
		assertThat(count("select count(*) from warehouse.fct_encounter")).isEqualTo(encounters.rows());
		Map<Integer, Long> rows = this.jdbc
			.queryForList("select fiscal_year, count(*) as n from warehouse.fct_encounter group by fiscal_year")
			.stream()
			.collect(Collectors.toMap((row) -> (Integer) row.get("fiscal_year"), (row) -> (Long) row.get("n")));
		assertThat(rows).isEqualTo(encounters.rowsByFiscalYear());
		assertThat(count("select sum(encounters) from reporting.encounters_by_month"))
			.isEqualTo(encounters.encounters());
		assertThat(count("select count(*) from reporting.unmapped_citizenship_labels")).isZero();
	}

	List<Object> mppReturns() {
		return this.jdbc.query("""
				select component, fiscal_year, fiscal_month, mpp_book_outs, value_status
				from reporting.mpp_returns_by_month
				order by component, fiscal_year, fiscal_month
				""", (rs, row) -> tuple(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getObject(4, Long.class),
				rs.getString(5)));
	}

	static List<Object> expectedMppReturns(OhssSample sample) {
		return sample.mppBookOuts()
			.stream()
			.filter((cell) -> !cell.isFiscalYearTotal())
			.map((cell) -> tuple(component(cell.groupLabel()), cell.fiscalYear(), cell.fiscalMonth(), cell.value(),
					status(cell.marker())))
			.map((cell) -> (Object) cell)
			.toList();
	}

	private static String component(String group) {
		return group.equals("Total CBP") ? "CBP" : group;
	}

	private static String status(String marker) {
		if (marker == null) {
			return "reported";
		}
		return switch (marker) {
			case "X" -> "not_applicable";
			case "NA" -> "not_available";
			case "D" -> "withheld";
			default -> "zero_dash";
		};
	}

}
