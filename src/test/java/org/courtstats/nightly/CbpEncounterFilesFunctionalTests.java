package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loads the real CBP by-state encounters file (FY2020 to FY2023), then a newer and an
 * older rolling window over some of its years, night by night: each fiscal year ends up
 * holding the rows of the newest file covering it, never the sum of two files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class CbpEncounterFilesFunctionalTests extends NightlyLoadTestSupport {

	static final Path REAL = Path
		.of("../shared/data/real/cbp-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv");

	static final String REAL_LABEL = "cbp-nationwide-encounters-fy20-fy23-state";

	/** Rows and encounters per fiscal year of the real file, as counted in it. */
	static final Map<Integer, List<Long>> REAL_YEARS = Map.of(2020, List.of(7_944L, 646_822L), 2021,
			List.of(9_549L, 1_956_519L), 2022, List.of(11_610L, 2_766_582L), 2023, List.of(13_429L, 3_201_144L));

	@TempDir
	static Path inbox;

	static String url = TestWarehouse.newDatabase("cbp_files");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@BeforeAll
	static void deliverTheRealFile() throws IOException {
		Files.copy(REAL, inbox.resolve(REAL.getFileName()));
	}

	@Test
	@Order(1)
	void theRealFileLoadsEveryRow() {
		assertThat(this.nightlyLoad.run(inbox, null))
			.extracting(ReleaseOutcome::source, ReleaseOutcome::releaseLabel, ReleaseOutcome::status)
			.containsExactly(tuple("cbp", REAL_LABEL, ReleaseOutcome.Status.LOADED));
		assertThat(count("select count(*) from warehouse.fct_encounter")).isEqualTo(42_532);
		REAL_YEARS.forEach((year, expected) -> assertThat(year(year)).as("FY%d", year).isEqualTo(expected));
		assertThat(count("select count(*) from warehouse.fct_encounter where encounter_count = 0")).isEqualTo(147);
		assertThat(text("select as_of_date::text from warehouse.dim_release where source = 'cbp'"))
			.isEqualTo("2023-09-30");
		assertThat(count("select rows_read from etl.load_run where source = 'cbp'")).isEqualTo(42_532);
	}

	@Test
	@Order(2)
	void encountersByMonthSumTheStatesOfAMonth() {
		// Southwest Land Border, March 2021 (fiscal month 6), by title and citizenship.
		assertThat(encounters(2021, 6, "Title 42", "MEXICO")).isEqualTo(56_648);
		assertThat(encounters(2021, 6, "Title 8", "HONDURAS")).isEqualTo(21_290);
		assertThat(encounters(2021, 6, "Title 42", "CHINA, PEOPLES REPUBLIC OF")).isEqualTo(1);
		assertThat(
				text("""
						select string_agg(distinct coalesce(encounter_type, '(none)'), ',' order by coalesce(encounter_type, '(none)'))
						from reporting.encounters_by_month
						"""))
			.as("the by-state layout tells Title 42 expulsions only")
			.isEqualTo("(none),Expulsions");
		assertThat(text("""
				select month_start::text from reporting.encounters_by_month
				where fiscal_year = 2021 and fiscal_month = 6 limit 1
				""")).isEqualTo("2021-03-01");
	}

	@Test
	@Order(3)
	void citizenshipsMapToNationalitiesThroughTheCrosswalk() {
		assertThat(this.jdbc.queryForList("""
				select distinct e.citizenship_label, n.eoir_code, n.is_inferred
				from warehouse.fct_encounter as e
				join warehouse.dim_nationality as n using (nationality_key)
				where e.citizenship_label in ('MEXICO', 'CHINA, PEOPLES REPUBLIC OF', 'MYANMAR (BURMA)', 'OTHER')
				order by 1
				""")).extracting((row) -> row.get("citizenship_label"), (row) -> row.get("eoir_code"))
			.containsExactly(tuple("CHINA, PEOPLES REPUBLIC OF", "CH"), tuple("MEXICO", "MX"),
					tuple("MYANMAR (BURMA)", "BM"), tuple("OTHER", "?"));
		assertThat(text("select cbp_label from warehouse.dim_nationality where eoir_code = 'CH'"))
			.isEqualTo("CHINA, PEOPLES REPUBLIC OF");
		assertThat(count("select count(*) from reporting.unmapped_citizenship_labels")).isZero();
	}

	@Test
	@Order(4)
	void aNewerFileReplacesTheYearsItCoversAndNoOthers() throws IOException {
		Files.writeString(inbox.resolve("nationwide-encounters-fy23-fy24-aor.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r
						2023,FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Rio Grande Valley Sector,RGV,Single Adults,MEXICO,Title 8,Apprehensions,3000000\r
						2023,FYTD,OCT,Office of Field Operations,Southwest Land Border,Laredo Field Office,Laredo,FMUA,"CHINA, PEOPLES REPUBLIC OF",Title 8,Inadmissibles,20\r
						2023,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Rio Grande Valley Sector,RGV,Single Adults,MEXICO,Title 42,Expulsions,300\r
						2023,FYTD,NOV,U.S. Border Patrol,Northern Land Border,Swanton Sector,SWB,Single Adults,MEXICO,Title 8,Apprehensions,5\r
						2023,FYTD,NOV,Office of Field Operations,Other,Miami Field Office,Miami,Single Adults,CUBA,Title 8,Inadmissibles,2\r
						2024 (FYTD),FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Del Rio Sector,DRT,Single Adults,VENEZUELA,Title 8,Apprehensions,7\r
						""");
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED);
		assertThat(year(2023)).isEqualTo(List.of(5L, 3_000_327L));
		assertThat(year(2024)).isEqualTo(List.of(1L, 7L));
		for (int year = 2020; year <= 2022; year++) {
			assertThat(year(year)).as("FY%d", year).isEqualTo(REAL_YEARS.get(year));
		}
		assertThat(text("""
				select string_agg(distinct aor_abbv, ',' order by aor_abbv) from warehouse.fct_encounter
				where fiscal_year = 2023
				""")).isEqualTo("Laredo,Miami,RGV,SWB");
	}

	@Test
	@Order(5)
	void anOlderFileAddsTheYearNoFileHoldsAndLeavesTheNewerYears() throws IOException {
		Files.writeString(inbox.resolve("nationwide-encounters-fy19-fy20-state.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count\r
						2019,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,50\r
						2020,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,999999\r
						""");
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED,
				ReleaseOutcome.Status.ALREADY_LOADED);
		assertThat(year(2019)).isEqualTo(List.of(1L, 50L));
		assertThat(year(2020)).as("FY2020 stays with the real file, which runs to a later month")
			.isEqualTo(REAL_YEARS.get(2020));
		assertThat(count("""
				select count(*) from (
				    select fiscal_year from warehouse.fct_encounter group by fiscal_year
				    having count(distinct release_key) > 1
				) as years
				""")).isZero();
	}

	@Test
	@Order(6)
	void theSameBytesUnderAnotherNameAreNotLoadedTwice() throws IOException {
		Files.copy(REAL, inbox.resolve("copy-of-encounters.csv"));
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);
		assertThat(outcomes).filteredOn((outcome) -> outcome.releaseLabel().equals("copy-of-encounters"))
			.singleElement()
			.satisfies((outcome) -> {
				assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.ALREADY_LOADED);
				assertThat(outcome.message()).contains(REAL_LABEL);
			});
		assertThat(count("select count(*) from warehouse.fct_encounter")).isEqualTo(42_532 - 13_429 + 5 + 1 + 1);
	}

	@Test
	@Order(7)
	void badRowsAreQuarantinedWithTheirLineAndTheRestLoads() throws IOException {
		Files.writeString(inbox.resolve("nationwide-encounters-fy25-aor.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r
						2025,FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,GUATEMALA,Title 8,Apprehensions,12\r
						2025,FYTD,OCTOBER,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,3\r
						2025,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,-4\r
						2025,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,ATLANTIS,Title 8,Apprehensions,2\r
						""");
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);
		assertThat(outcomes).filteredOn((outcome) -> outcome.releaseLabel().equals("nationwide-encounters-fy25-aor"))
			.extracting(ReleaseOutcome::status)
			.containsExactly(ReleaseOutcome.Status.LOADED);
		assertThat(year(2025)).isEqualTo(List.of(2L, 14L));
		assertThat(this.jdbc.queryForList("""
				select r.line_number, r.reason_code from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				where f.release_label = 'nationwide-encounters-fy25-aor'
				order by r.line_number
				""")).extracting((row) -> row.get("line_number"), (row) -> row.get("reason_code"))
			.containsExactly(tuple(3L, "unknown_month"), tuple(4L, "negative_count"));
		assertThat(this.jdbc.queryForList("select source, label, fact_rows from reporting.unmapped_citizenship_labels"))
			.extracting((row) -> row.get("source"), (row) -> row.get("label"), (row) -> row.get("fact_rows"))
			.containsExactly(tuple("cbp", "ATLANTIS", 1L));
		assertThat(count("select nationality_key from warehouse.fct_encounter where citizenship_label = 'ATLANTIS'"))
			.isEqualTo(-1);
	}

	@Test
	@Order(8)
	void aLoadedFileChangedUnderItsNameIsRefusedAndChangesNothing() throws IOException {
		Path loaded = inbox.resolve("nationwide-encounters-fy19-fy20-state.csv");
		Files.writeString(loaded, Files.readString(loaded).replace("999999", "1000000"));
		long before = count("select sum(encounter_count) from warehouse.fct_encounter");

		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		assertThat(outcomes)
			.filteredOn((outcome) -> outcome.releaseLabel().equals("nationwide-encounters-fy19-fy20-state"))
			.singleElement()
			.satisfies((outcome) -> {
				assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.REFUSED);
				assertThat(outcome.message())
					.containsPattern("nationwide-encounters-fy19-fy20-state\\.csv was loaded before, and it had "
							+ "\\d+ bytes, now \\d+\\. A file is loaded once")
					.contains("under a new name");
			});
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter")).isEqualTo(before);
	}

	@Test
	@Order(9)
	void ofTwoFilesCoveringTheSameMonthsTheOneWithComponentsHoldsTheYear() throws IOException {
		// FY2024 is held by the area-of-responsibility file through October 2023: the
		// same months by state do not replace it.
		Files.writeString(inbox.resolve("nationwide-encounters-fy24-state.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count\r
						2024,FYTD,OCT,Southwest Land Border,TX,Single Adults,VENEZUELA,Title 8,7\r
						""");
		// FY2026 is first delivered by state, then by area of responsibility: the second
		// replaces it.
		Files.writeString(inbox.resolve("nationwide-encounters-fy26-a-state.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count\r
						2026 (FYTD),FYTD,OCT,Southwest Land Border,AZ,Single Adults,MEXICO,Title 8,40\r
						""");
		this.nightlyLoad.run(inbox, null);
		Files.writeString(inbox.resolve("nationwide-encounters-fy26-b-aor.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r
						2026 (FYTD),FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,40\r
						""");
		this.nightlyLoad.run(inbox, null);

		assertThat(this.jdbc.queryForList("""
				select e.fiscal_year, r.release_label, e.encounter_type
				from warehouse.fct_encounter as e join warehouse.dim_release as r using (release_key)
				where e.fiscal_year in (2024, 2026)
				order by e.fiscal_year
				"""))
			.extracting((row) -> row.get("fiscal_year"), (row) -> row.get("release_label"),
					(row) -> row.get("encounter_type"))
			.containsExactly(tuple(2024, "nationwide-encounters-fy23-fy24-aor", "Apprehensions"),
					tuple(2026, "nationwide-encounters-fy26-b-aor", "Apprehensions"));
		assertThat(this.jdbc.queryForList(
				"""
						select rows_read, rows_loaded from etl.source_file where release_label = 'nationwide-encounters-fy24-state'
						"""))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("rows_read")).isEqualTo(1L);
				assertThat(row.get("rows_loaded")).as("its year is held by the other file").isEqualTo(0L);
			});
	}

	@Test
	@Order(10)
	void anEoirZipTheInboxCannotOrderKeepsTheEoirReleasesBackAndTheCbpFileStillLoads(CapturedOutput output)
			throws IOException {
		// given: a zip not named as EOIR names its release beside a dated EOIR release
		// and a new CBP file
		Path zip = Files.write(inbox.resolve("FOIA-TRAC-Report.zip"), new byte[] { 'P', 'K', 5, 6 });
		Path release = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 40, 3).folder();
		Files.writeString(inbox.resolve("nationwide-encounters-fy27-state.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,Demographic,Citizenship,Title of Authority,Encounter Count\r
						2027 (FYTD),FYTD,OCT,Southwest Land Border,NM,Single Adults,MEXICO,Title 8,9\r
						""");
		try {
			// when
			List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

			// then: the EOIR releases are refused as one, naming the zip, and none loads;
			// the CBP file loads
			assertThat(outcomes).filteredOn((outcome) -> outcome.source().equals("eoir"))
				.singleElement()
				.satisfies((outcome) -> {
					assertThat(outcome.releaseLabel()).isEqualTo(NightlyLoad.EOIR_RELEASES_REFUSED);
					assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.REFUSED);
					assertThat(outcome.message())
						.contains("FOIA-TRAC-Report.zip: only a zip named as EOIR names its release")
						.contains("No EOIR release in the inbox loads until this is fixed");
				});
			assertThat(output.getAll()).contains("eoir 'EOIR releases in the inbox' refused: ")
				.contains("FOIA-TRAC-Report.zip: only a zip named as EOIR names its release");
			assertThat(count("select count(*) from warehouse.dim_release where source = 'eoir'")).isZero();
			assertThat(count("select count(*) from etl.source_file where source = 'eoir'")).isZero();
			assertThat(outcomes)
				.filteredOn((outcome) -> outcome.releaseLabel().equals("nationwide-encounters-fy27-state"))
				.extracting(ReleaseOutcome::status)
				.containsExactly(ReleaseOutcome.Status.LOADED);
			assertThat(year(2027)).isEqualTo(List.of(1L, 9L));
		}
		finally {
			Files.delete(zip);
			FileSystemUtils.deleteRecursively(release);
		}
	}

	@Test
	@Order(11)
	void aFileThatWouldEmptyAYearItTakesOverIsHeldBackAndTheYearKeepsItsRows() throws IOException {
		// given: a file of the current fiscal year holding one stray row of FY2020, which
		// the real file holds with 7,944 rows
		Files.writeString(inbox.resolve("nationwide-encounters-fy27-nov-aor.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r
						2027 (FYTD),FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,9\r
						2027 (FYTD),FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,11\r
						2020,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,7\r
						""");

		// when
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then: held back by the check, naming the year; nothing of the file is published
		assertThat(outcomes)
			.filteredOn((outcome) -> outcome.releaseLabel().equals("nationwide-encounters-fy27-nov-aor"))
			.singleElement()
			.satisfies((outcome) -> {
				assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.HELD_BACK);
				assertThat(outcome.message()).contains("fct_encounter__no_year_emptied");
			});
		assertThat(year(2020)).isEqualTo(REAL_YEARS.get(2020));
		assertThat(year(2027)).as("the file before it").isEqualTo(List.of(1L, 9L));
		assertThat(this.jdbc.queryForList("""
				select c.offending_rows, c.passed from etl.check_result as c
				join warehouse.dim_release as r using (release_key)
				where r.release_label = 'nationwide-encounters-fy27-nov-aor'
				    and c.check_name = 'fct_encounter__no_year_emptied'
				""")).singleElement().satisfies((row) -> {
			assertThat(row.get("offending_rows")).isEqualTo(1L);
			assertThat(row.get("passed")).isEqualTo(false);
		});
	}

	@Test
	@Order(12)
	void ofTwoFilesOfTheSameLayoutCoveringTheSameMonthsTheLaterNameHoldsTheYearInEitherOrder() throws IOException {
		// given: FY2026 to November as republished (saved under its name with a suffix),
		// delivered one night before the file it revises
		String header = "Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,"
				+ "AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r\n";
		String row = "2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,"
				+ "MEXICO,Title 8,Apprehensions,";
		Files.writeString(inbox.resolve("nationwide-encounters-fy26-nov-aor_republished_20251215.csv"),
				header + row + "50\r\n");
		this.nightlyLoad.run(inbox, null);

		// when: the file it revises arrives the night after
		Files.writeString(inbox.resolve("nationwide-encounters-fy26-nov-aor.csv"), header + row + "40\r\n");
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then: it loads, and the republished file keeps the year
		assertThat(outcomes)
			.filteredOn((outcome) -> outcome.releaseLabel().equals("nationwide-encounters-fy26-nov-aor"))
			.extracting(ReleaseOutcome::status)
			.containsExactly(ReleaseOutcome.Status.LOADED);
		assertThat(year(2026)).isEqualTo(List.of(1L, 50L));
		assertThat(this.jdbc.queryForList("""
				select f.release_label, f.rows_read, f.rows_loaded from etl.source_file as f
				where f.release_label like 'nationwide-encounters-fy26-nov-%'
				order by f.release_label
				""")).extracting((r) -> r.get("release_label"), (r) -> r.get("rows_read"), (r) -> r.get("rows_loaded"))
			.containsExactly(tuple("nationwide-encounters-fy26-nov-aor", 1L, 0L),
					tuple("nationwide-encounters-fy26-nov-aor_republished_20251215", 1L, 1L));
	}

	@Test
	@Order(13)
	void aFileThatWouldLeaveAYearItTakesOverWithoutARegionIsHeldBackAndTheYearKeepsItsRows() throws IOException {
		// given: a Southwest Land Border file, as of a later month than the real
		// nationwide file, covering FY2021 with as many encounters as the year held
		Files.writeString(inbox.resolve("southwest-land-border-encounters-fy21-fy26-aor.csv"),
				"""
						Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,Encounter Count\r
						2021,FYTD,MAR,U.S. Border Patrol,Southwest Land Border,Rio Grande Valley Sector,RGV,Single Adults,MEXICO,Title 8,Apprehensions,1956519\r
						2026 (FYTD),FYTD,DEC,U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,MEXICO,Title 8,Apprehensions,8\r
						""");

		// when
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then: held back by the check, naming the regions the year would lose
		assertThat(outcomes)
			.filteredOn((outcome) -> outcome.releaseLabel().equals("southwest-land-border-encounters-fy21-fy26-aor"))
			.singleElement()
			.satisfies((outcome) -> {
				assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.HELD_BACK);
				assertThat(outcome.message()).contains("fct_encounter__no_region_dropped")
					.doesNotContain("fct_encounter__no_year_emptied");
			});
		assertThat(year(2021)).isEqualTo(REAL_YEARS.get(2021));
		assertThat(year(2026)).as("the file before it").isEqualTo(List.of(1L, 50L));
		assertThat(text("""
				select c.examples::text from etl.check_result as c
				join warehouse.dim_release as r using (release_key)
				where r.release_label = 'southwest-land-border-encounters-fy21-fy26-aor'
				    and c.check_name = 'fct_encounter__no_region_dropped' and not c.passed
				""")).contains("\"fiscal_year\": 2021")
			.contains("\"regions_missing\": [\"Northern Land Border\", \"Other\"]");
	}

	/** Rows and encounters of a fiscal year. */
	List<Long> year(int fiscalYear) {
		return this.jdbc.queryForObject(
				"select count(*), coalesce(sum(encounter_count), 0) from warehouse.fct_encounter where fiscal_year = ?",
				(rs, row) -> List.of(rs.getLong(1), rs.getLong(2)), fiscalYear);
	}

	long encounters(int fiscalYear, int fiscalMonth, String title, String citizenship) {
		return this.jdbc.queryForObject("""
				select sum(encounters) from reporting.encounters_by_month
				where fiscal_year = ? and fiscal_month = ? and land_border_region = 'Southwest Land Border'
				    and title_of_authority = ? and citizenship_label = ?
				""", Long.class, fiscalYear, fiscalMonth, title, citizenship);
	}

}
