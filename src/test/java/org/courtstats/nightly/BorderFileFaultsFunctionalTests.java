package org.courtstats.nightly;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.courtstats.TestWarehouse;
import org.courtstats.ohss.OhssCell;
import org.courtstats.ohss.OhssEdition;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.courtstats.spreadsheet.TestWorkbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * One night's delivery with broken workbooks among good files: a truncated, an encrypted
 * and a zip-bomb workbook are each refused with a message naming the file, a workbook
 * with a sheet of an unknown layout loads its other sheets, and the EOIR release and the
 * CBP file delivered beside them load whole.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BorderFileFaultsFunctionalTests extends NightlyLoadTestSupport {

	@TempDir
	static Path inbox;

	static SampleRelease sample;

	static String url = TestWarehouse.newDatabase("border_faults");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@BeforeAll
	static void deliverGoodAndBrokenFiles() throws Exception {
		sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 7);
		Files.copy(CbpEncounterFilesFunctionalTests.REAL, inbox.resolve("nationwide-encounters-fy20-fy23-state.csv"));
		byte[] july = Files
			.readAllBytes(OhssEditionsLoadTestSupport.EDITIONS.resolve(OhssEditionsLoadTestSupport.JULY + ".xlsx"));
		Files.write(inbox.resolve("truncated-july-2024.xlsx"), Arrays.copyOf(july, july.length / 2));
		TestWorkbooks.encrypted(TestWorkbooks.bookOuts(), "secret", inbox.resolve("locked.xlsx"));
		TestWorkbooks.withInflatedEntry(TestWorkbooks.bytes(TestWorkbooks.bookOuts()), "xl/worksheets/sheet1.xml",
				8_000_000, inbox.resolve("bomb.xlsx"));
		XSSFWorkbook bookOutsAndNotes = TestWorkbooks.bookOuts();
		XSSFSheet bookOuts = bookOutsAndNotes.getSheet("Book-Outs");
		// Without its column of TRUE/FALSE flags, Book-Outs reads as a table; Notes does
		// not.
		bookOuts.getRow(3).removeCell(bookOuts.getRow(3).getCell(4));
		bookOuts.getRow(4).removeCell(bookOuts.getRow(4).getCell(4));
		TestWorkbooks.write(bookOutsAndNotes, inbox.resolve("book-outs-and-notes.xlsx"));
	}

	@Test
	@Order(1)
	void brokenWorkbooksAreRefusedByNameAndTheRestOfTheDeliveryLoads() {
		List<ReleaseOutcome> night = this.nightlyLoad.run(inbox, null);
		Map<String, ReleaseOutcome> byLabel = night.stream()
			.collect(Collectors.toMap(ReleaseOutcome::releaseLabel, (outcome) -> outcome));
		assertThat(byLabel.get("book-outs-and-notes").status()).isEqualTo(ReleaseOutcome.Status.LOADED);

		assertThat(byLabel.get(EoirSampleGenerator.DEFAULT_LABEL).status()).isEqualTo(ReleaseOutcome.Status.LOADED);
		assertFacts(sample.expected());
		assertThat(byLabel.get("nationwide-encounters-fy20-fy23-state").status())
			.isEqualTo(ReleaseOutcome.Status.LOADED);
		assertThat(count("select count(*) from warehouse.fct_encounter")).isEqualTo(42_532);

		assertThat(byLabel.get("truncated-july-2024")).satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("truncated-july-2024.xlsx", "not a readable XLSX workbook");
		});
		assertThat(byLabel.get("locked")).satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("locked.xlsx", "encrypted");
		});
		assertThat(byLabel.get("bomb")).satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("bomb.xlsx", "zip bomb");
		});
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic as b
				join warehouse.dim_release as r on r.release_key = b.edition_release_key
				where r.release_label in ('truncated-july-2024', 'locked', 'bomb')
				""")).isZero();
	}

	@Test
	@Order(2)
	void aSheetOfAnUnknownLayoutIsRejectedByNameAndTheOtherSheetsLoad() {
		assertThat(this.jdbc.queryForList("""
				select r.sheet_name, r.reason_code, r.message from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				where f.release_label = 'book-outs-and-notes' and r.reason_code <> 'blank_cell'
				""")).singleElement().satisfies((row) -> {
			assertThat(row.get("sheet_name")).isEqualTo("Notes");
			assertThat(row.get("reason_code")).isEqualTo("unrecognised_layout");
			assertThat((String) row.get("message")).contains("book-outs-and-notes.xlsx", "sheet 'Notes'");
		});
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic as b
				join warehouse.dim_release as r on r.release_key = b.edition_release_key
				where r.release_label = 'book-outs-and-notes' and b.table_name = 'Book-Outs'
				""")).isPositive();
	}

	@Test
	@Order(3)
	void anEditionWhoseTableBreaksPartWayIsHeldBackWithEachOfTheTablesCellsQuarantined(@TempDir Path night)
			throws Exception {
		String sheetName = "CBP SWB Book-Outs by Agency";
		Path july = OhssEditionsLoadTestSupport.EDITIONS.resolve(OhssEditionsLoadTestSupport.JULY + ".xlsx");
		long cells;
		try (OhssEdition edition = OhssEdition.open(july); Stream<OhssCell> stream = edition.cells(sheetName)) {
			cells = stream.count();
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(july))) {
			XSSFSheet sheet = workbook.getSheet(sheetName);
			// a marker the legend does not give, on the first month of fiscal year 2020
			CellReference f71 = new CellReference("F71");
			sheet.getRow(f71.getRow()).getCell(f71.getCol()).setCellValue("x");
			TestWorkbooks.write(workbook, night.resolve("july-2024-odd-marker.xlsx"));
		}

		ReleaseOutcome outcome = this.nightlyLoad.run(night, null).get(0);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ReleaseOutcome.Status.HELD_BACK);
		assertThat(outcome.message()).contains("OHSS monthly tables has %,d rejected rows of".formatted(cells))
			.as("an OHSS table has no record to correct")
			.contains("or run 'courtstats replay-rejects' once a version of courtstats reads the rejected tables")
			.doesNotContain("correct the rows");
		Matcher suggested = Pattern.compile("max-rejected-share=([0-9.]+) ").matcher(outcome.message());
		assertThat(suggested.find()).as(outcome.message()).isTrue();
		long read = count("select sum(rows_read) from etl.source_file where release_label = 'july-2024-odd-marker'");
		assertThat(new BigDecimal(suggested.group(1)).multiply(BigDecimal.valueOf(read)))
			.as("the threshold suggested publishes the edition")
			.isGreaterThanOrEqualTo(BigDecimal.valueOf(cells));
		assertThat(this.jdbc.queryForList("""
				select distinct r.sheet_name || ': ' || r.reason_code || ': ' || r.message from etl.rejected_row as r
				join etl.source_file as f using (source_file_id) where f.release_label = 'july-2024-odd-marker'
				""", String.class)).singleElement(as(STRING))
			.contains("sheet 'CBP SWB Book-Outs by Agency': cell F71 reads 'x'");
		assertThat(count("""
				select count(*) from etl.rejected_row as r join etl.source_file as f using (source_file_id)
				where f.release_label = 'july-2024-odd-marker'
				""")).isEqualTo(cells);
		assertThat(count("""
				select count(*) from warehouse.dim_release
				where release_label = 'july-2024-odd-marker' and status = 'published'
				""")).isZero();
	}

	@Test
	@Order(4)
	void aBlankCellAmongValuesIsQuarantinedByReferenceAndTheEditionPublishesWithout(@TempDir Path night)
			throws Exception {
		Path august = OhssEditionsLoadTestSupport.EDITIONS.resolve(OhssEditionsLoadTestSupport.AUGUST + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(august))) {
			CellReference d122 = new CellReference("D122");
			XSSFRow row = workbook.getSheet("SWB Encounters by Citizenship").getRow(d122.getRow());
			row.removeCell(row.getCell(d122.getCol()));
			TestWorkbooks.write(workbook, night.resolve("august-2024-blank-cell.xlsx"));
		}

		ReleaseOutcome outcome = this.nightlyLoad.run(night, null).get(0);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ReleaseOutcome.Status.LOADED);
		assertThat(this.jdbc.queryForList("""
				select r.sheet_name || '!' || r.record_key || ' line ' || r.line_number || ': ' || r.reason_code
				from etl.rejected_row as r join etl.source_file as f using (source_file_id)
				where f.release_label = 'august-2024-blank-cell'
				""", String.class)).containsExactly("SWB Encounters by Citizenship!D122 line 122: blank_cell");
		assertThat(count("""
				select count(*) from warehouse.fct_border_statistic as b
				join warehouse.dim_release as r on r.release_key = b.edition_release_key
				where r.release_label = 'august-2024-blank-cell' and b.table_name = 'SWB Encounters by Citizenship'
				    and b.cell_reference in ('C122', 'D122', 'E122')
				""")).isEqualTo(2);
	}

}
