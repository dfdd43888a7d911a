package org.courtstats.samples;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.courtstats.ohss.OhssCell;
import org.courtstats.ohss.OhssEdition;
import org.courtstats.ohss.OhssSheetResult;
import org.courtstats.ohss.ValueStatus;
import org.courtstats.spreadsheet.CellRange;
import org.courtstats.spreadsheet.CellValue;
import org.courtstats.spreadsheet.SheetRow;
import org.courtstats.spreadsheet.SpreadsheetFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtstats.samples.OhssSampleWorkbook.BOOK_OUTS_BY_AGENCY;
import static org.courtstats.samples.OhssSampleWorkbook.ENCOUNTERS_BY_CITIZENSHIP;
import static org.courtstats.samples.OhssSampleWorkbook.NATIONWIDE_USBP;

/**
 * The sample OHSS edition read back with the project's reader ({@link OhssEdition}): the
 * real layout's quirks are there, and the reader gives exactly the cells the generator
 * says it wrote.
 */
class OhssSampleWorkbookTests {

	private static final long SEED = 20260401;

	private static final String MPP = "Migrant Protection Protocols";

	/**
	 * Data rows of each table of the March 2026 edition: FY2019 to FY2025 each a total
	 * and 12 months, FY2026 a total and October to March.
	 */
	private static final int DATA_ROWS = 7 * 13 + 7;

	@TempDir
	static Path shared;

	@TempDir
	Path folder;

	private static OhssSample sample;

	private static List<OhssSample.Cell> read;

	@BeforeAll
	static void writeAndReadTheDefaultEdition() {
		sample = OhssSampleWorkbook.write(shared, OhssSampleWorkbook.DEFAULT_AS_OF, SEED);
		read = read(sample.file());
	}

	@Test
	void writesTheDefaultEditionUnderTheRealFileNameWithTheTableOfContentsFirst() {
		assertThat(sample.file().getFileName())
			.hasToString("2026_0415_ohss_immigration-enforcement-and-legal-processes-tables-march-2026.xlsx");
		try (OhssEdition edition = OhssEdition.open(sample.file())) {
			assertThat(edition.asOfMonth()).isEqualTo(YearMonth.of(2026, 3));
			assertThat(edition.tableNames()).containsExactly(ENCOUNTERS_BY_CITIZENSHIP, NATIONWIDE_USBP,
					BOOK_OUTS_BY_AGENCY);
		}
		try (SpreadsheetFile workbook = SpreadsheetFile.open(sample.file())) {
			assertThat(workbook.sheetNames()).first().isEqualTo("TOC");
			assertThat(rows(workbook, BOOK_OUTS_BY_AGENCY).get(1).text("A"))
				.isEqualTo("CBP SW Border Encounters Book-Outs by Agency: Fiscal Years 2019 to 2026 YTD (March 2026)");
		}
	}

	@Test
	void theReaderGivesExactlyTheCellsTheGeneratorWrote() {
		assertThat(read).isEqualTo(sample.cells());
		// rows times columns: 12 citizenship columns under each of 3 groups; Total and
		// 10 citizenships; 9 + 8 + 8 book-out columns
		assertThat(sample.cellsByTable()).containsExactly(Map.entry(ENCOUNTERS_BY_CITIZENSHIP, DATA_ROWS * 36L),
				Map.entry(NATIONWIDE_USBP, DATA_ROWS * 11L), Map.entry(BOOK_OUTS_BY_AGENCY, DATA_ROWS * 25L));
		assertThat(read).hasSize(7_056);
	}

	@Test
	void monthRowsAreHiddenAndGroupedUnderTheirFiscalYearAndStillRead() {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(sample.file())) {
			List<SheetRow> rows = rows(workbook, BOOK_OUTS_BY_AGENCY);
			List<SheetRow> monthRows = rows.stream()
				.filter((row) -> row.cell("A") == null && row.text("B") != null)
				.toList();
			List<SheetRow> yearRows = rows.stream().filter((row) -> "Total".equals(row.text("B"))).toList();
			assertThat(monthRows).hasSize(7 * 12 + 6)
				.allMatch((row) -> row.hidden() && row.outlineLevel() == 1, "hidden, outline level 1");
			assertThat(yearRows).hasSize(8).allMatch((row) -> !row.hidden() && row.outlineLevel() == 0);
		}
		List<OhssSample.Cell> bookOuts = table(read, BOOK_OUTS_BY_AGENCY);
		assertThat(bookOuts).filteredOn((cell) -> !cell.isFiscalYearTotal()).hasSize((7 * 12 + 6) * 25);
		assertThat(bookOuts).filteredOn((cell) -> cell.fiscalYear() == 2019)
			.extracting(OhssSample.Cell::fiscalMonth)
			.containsOnly(null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
	}

	@Test
	void footnoteDigitsAreStrippedAndGroupsComeFromTheMergedHeaders() {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(sample.file())) {
			SheetRow header = rows(workbook, BOOK_OUTS_BY_AGENCY).get(3);
			assertThat(header.text("E")).isEqualTo("T42 expulsions2");
			assertThat(header.text("F")).isEqualTo("Migrant Protection Protocols3");
			assertThat(workbook.mergedRegions(BOOK_OUTS_BY_AGENCY)).contains(CellRange.parse("C3:K3"),
					CellRange.parse("L3:S3"), CellRange.parse("T3:AA3"));
		}
		List<OhssSample.Cell> bookOuts = table(read, BOOK_OUTS_BY_AGENCY);
		assertThat(bookOuts).extracting(OhssSample.Cell::measureLabel).noneMatch((label) -> label.matches(".*\\d$"));
		assertThat(measures(bookOuts, "Total CBP")).containsExactly("Total Encounters", "T8 repatriations",
				"T42 expulsions", MPP, "Transfers to ICE", "Transfers to HHS", "USBP Releases", "OFO Paroles",
				"Other outcomes");
		assertThat(measures(bookOuts, "USBP")).contains(MPP, "USBP Releases").doesNotContain("OFO Paroles");
		assertThat(measures(bookOuts, "OFO")).contains(MPP, "OFO Paroles").doesNotContain("USBP Releases");
		assertThat(find(bookOuts, "OFO", MPP, null, 2019, null).cellReference()).isEqualTo("W5");

		List<OhssSample.Cell> citizenships = table(read, ENCOUNTERS_BY_CITIZENSHIP);
		assertThat(citizenships).extracting(OhssSample.Cell::groupLabel).containsOnly("Total CBP", "USBP", "OFO");
		assertThat(citizenships).extracting(OhssSample.Cell::measureLabel).containsOnly("CBP SW Border Encounters");
		assertThat(citizenships).filteredOn((cell) -> cell.groupLabel().equals("USBP"))
			.extracting(OhssSample.Cell::citizenshipLabel)
			.containsOnly("Total", "Mexico", "Venezuela", "Guatemala", "Honduras", "Cuba", "Colombia", "Ecuador",
					"Haiti", "El Salvador", "China, People's Republic", "Others");

		List<OhssSample.Cell> nationwide = table(read, NATIONWIDE_USBP);
		assertThat(nationwide).extracting(OhssSample.Cell::groupLabel).containsOnlyNulls();
		assertThat(nationwide).filteredOn((cell) -> cell.cellReference().matches("[A-Z]+4"))
			.extracting(OhssSample.Cell::citizenshipLabel)
			.as("a one-level table: header in row 3, first data row 4, citizenships alphabetical after the total")
			.containsExactly("Total", "China, People's Republic", "Colombia", "Cuba", "Ecuador", "El Salvador",
					"Guatemala", "Haiti", "Honduras", "Mexico", "Venezuela");
	}

	@Test
	void markersReadAsStatusesWithoutValues() {
		try (OhssEdition edition = OhssEdition.open(sample.file())) {
			List<OhssCell> cells = new ArrayList<>();
			edition.readTables(cells::add);
			assertThat(cells).filteredOn((cell) -> cell.status() == ValueStatus.NOT_APPLICABLE)
				.hasSize((int) sample.markers("X"))
				.allMatch((cell) -> cell.value() == null);
			assertThat(cells).filteredOn((cell) -> cell.status() == ValueStatus.NOT_AVAILABLE)
				.hasSize(13)
				.allMatch((cell) -> cell.value() == null && cell.groupLabel().equals("OFO")
						&& cell.measureLabel().equals("Transfers to HHS") && cell.fiscalYear() == 2019);
		}
		List<OhssSample.Cell> bookOuts = table(read, BOOK_OUTS_BY_AGENCY);
		// Title 42 from March 2020 (FY2020 month 6) to May 2023 (FY2023 month 8)
		assertThat(find(bookOuts, "USBP", "T42 expulsions", null, 2020, 5).marker()).isEqualTo("X");
		assertThat(find(bookOuts, "USBP", "T42 expulsions", null, 2020, 6).value()).isPositive();
		assertThat(find(bookOuts, "USBP", "T42 expulsions", null, 2023, 8).value()).isPositive();
		assertThat(find(bookOuts, "USBP", "T42 expulsions", null, 2023, 9).marker()).isEqualTo("X");
		assertThat(find(bookOuts, "Total CBP", "T42 expulsions", null, 2024, null).marker()).isEqualTo("X");
		// OFO transfers to HHS were not broken out in FY2019, so Total CBP counts USBP's
		assertThat(find(bookOuts, "Total CBP", "Transfers to HHS", null, 2019, null).value())
			.isEqualTo(find(bookOuts, "USBP", "Transfers to HHS", null, 2019, null).value());
	}

	@Test
	void theCurrentYearIsLabelledYearToDateAndReadAsItsFiscalYear() {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(sample.file())) {
			List<SheetRow> rows = rows(workbook, BOOK_OUTS_BY_AGENCY);
			assertThat(rows.get(4).cell("A")).as("A5").isEqualTo(CellValue.number(new BigDecimal("2019.0")));
			SheetRow ytd = rows.stream()
				.filter((row) -> row.cell("A") != null && !row.cell("A").isNumber())
				.filter((row) -> "Total".equals(row.text("B")))
				.findFirst()
				.orElseThrow();
			assertThat(ytd.text("A")).isEqualTo("2026 YTD");
			assertThat(table(read, BOOK_OUTS_BY_AGENCY))
				.filteredOn((cell) -> cell.cellReference().equals("C" + ytd.rowNumber()))
				.singleElement()
				.satisfies((cell) -> {
					assertThat(cell.fiscalYear()).isEqualTo(2026);
					assertThat(cell.isFiscalYearTotal()).isTrue();
				});
		}
		assertThat(table(read, BOOK_OUTS_BY_AGENCY)).filteredOn((cell) -> cell.fiscalYear() == 2026)
			.extracting(OhssSample.Cell::fiscalMonth)
			.containsOnly(null, 1, 2, 3, 4, 5, 6);
	}

	@Test
	void legendFootnotesNotesAndSourceBelowTheDataAreNotRead() {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(sample.file())) {
			List<SheetRow> rows = rows(workbook, BOOK_OUTS_BY_AGENCY);
			int lastDataRow = 4 + DATA_ROWS;
			List<String> below = rows.stream()
				.filter((row) -> row.rowNumber() > lastDataRow)
				.map((row) -> row.cell("A").text())
				.toList();
			assertThat(below).hasSize(12);
			assertThat(below.get(0)).isEqualTo("X Not applicable.");
			assertThat(below.get(1)).isEqualTo("NA Not available.");
			assertThat(below.get(4)).startsWith("3Returns to Mexico under the Migrant Protection Protocols");
			assertThat(below.get(10)).startsWith("Notes: To protect privacy");
			assertThat(below.get(11))
				.isEqualTo("Source: Office of Homeland Security Statistics Persist Dataset.\t\t\t\t\t\t");
			assertThat(workbook.mergedRegions(BOOK_OUTS_BY_AGENCY))
				.contains(CellRange.parse("A" + (lastDataRow + 1) + ":J" + (lastDataRow + 1)));
			assertThat(table(read, BOOK_OUTS_BY_AGENCY)).extracting(OhssSample.Cell::cellReference)
				.allMatch((reference) -> Integer.parseInt(reference.replaceAll("[A-Z]", "")) <= lastDataRow);
		}
	}

	@Test
	void mppBookOutsAreReportedInTheProgramsMonthsOnlyAndAsExpected() {
		List<OhssSample.Cell> mppRead = read.stream()
			.filter((cell) -> cell.tableName().equals(BOOK_OUTS_BY_AGENCY) && cell.measureLabel().equals(MPP))
			.toList();
		assertThat(mppRead).isEqualTo(sample.mppBookOuts()).hasSize(3 * DATA_ROWS);
		for (String group : List.of("Total CBP", "USBP", "OFO")) {
			Set<YearMonth> reported = mppRead.stream()
				.filter((cell) -> cell.groupLabel().equals(group) && !cell.isFiscalYearTotal() && cell.value() != null)
				.map((cell) -> YearMonth.of(cell.fiscalYear() - 1, 10).plusMonths(cell.fiscalMonth() - 1))
				.collect(Collectors.toSet());
			// January 2019 to January 2021, then November 2021 to August 2022
			assertThat(reported).as(group)
				.hasSize(25 + 10)
				.contains(YearMonth.of(2019, 1), YearMonth.of(2021, 1), YearMonth.of(2021, 11), YearMonth.of(2022, 8))
				.doesNotContain(YearMonth.of(2018, 12), YearMonth.of(2021, 2), YearMonth.of(2021, 10),
						YearMonth.of(2022, 9));
		}
		YearMonth august2019 = YearMonth.of(2019, 8);
		OhssSample.Cell total = find(mppRead, "Total CBP", MPP, null, 2019, 11);
		assertThat(total).isEqualTo(sample.mppBookOuts("Total CBP", august2019));
		assertThat(total.cellReference()).isEqualTo("F16");
		long usbp = sample.mppBookOuts("USBP", august2019).value();
		long ofo = sample.mppBookOuts("OFO", august2019).value();
		assertThat(total.value()).isBetween(usbp + ofo - 10, usbp + ofo + 10).isPositive();
		assertThat(sample.mppBookOuts("OFO", YearMonth.of(2021, 3)).marker()).isEqualTo("X");
		assertThat(sample.mppBookOuts("USBP", 2023, null).marker()).isEqualTo("X");
	}

	@Test
	void numbersAreRoundedToTensAndTotalsAddUpWithinRounding() {
		assertThat(read).filteredOn((cell) -> cell.value() != null).allMatch((cell) -> cell.value() % 10 == 0);
		List<OhssSample.Cell> bookOuts = table(read, BOOK_OUTS_BY_AGENCY);
		for (OhssSample.Cell yearTotal : bookOuts) {
			if (!yearTotal.isFiscalYearTotal() || yearTotal.value() == null) {
				continue;
			}
			List<OhssSample.Cell> months = bookOuts.stream()
				.filter((cell) -> !cell.isFiscalYearTotal() && cell.fiscalYear() == yearTotal.fiscalYear()
						&& cell.groupLabel().equals(yearTotal.groupLabel())
						&& cell.measureLabel().equals(yearTotal.measureLabel()))
				.toList();
			long sum = months.stream().mapToLong((cell) -> Objects.requireNonNullElse(cell.value(), 0L)).sum();
			assertThat(yearTotal.value()).as(yearTotal.toString())
				.isBetween(sum - 5L * months.size(), sum + 5L * months.size());
		}
		// the book-outs' encounters are the citizenship table's totals, row by row
		Map<String, Long> encounters = new HashMap<>();
		bookOuts.stream()
			.filter((cell) -> cell.measureLabel().equals("Total Encounters"))
			.forEach((cell) -> encounters.put(rowKey(cell), cell.value()));
		List<OhssSample.Cell> citizenshipTotals = table(read, ENCOUNTERS_BY_CITIZENSHIP).stream()
			.filter((cell) -> cell.citizenshipLabel().equals("Total"))
			.toList();
		assertThat(citizenshipTotals).hasSize(3 * DATA_ROWS)
			.allMatch((cell) -> cell.value().equals(encounters.get(rowKey(cell))));
	}

	@Test
	void theSameSeedWritesTheSameBytes() throws Exception {
		Path again = Files.createDirectories(this.folder.resolve("again"));
		Path other = Files.createDirectories(this.folder.resolve("other"));
		OhssSample second = OhssSampleWorkbook.write(again, OhssSampleWorkbook.DEFAULT_AS_OF, SEED);
		OhssSample third = OhssSampleWorkbook.write(other, OhssSampleWorkbook.DEFAULT_AS_OF, SEED + 1);

		assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(sample.file()))
			.isNotEqualTo(Files.readAllBytes(third.file()));
		assertThat(second.cells()).isEqualTo(sample.cells());
	}

	@Test
	void aLaterEditionRevisesEarlierMonthsAndTheReaderSeesExactlyThoseRevisions() {
		OhssSample april = OhssSampleWorkbook.write(this.folder, YearMonth.of(2026, 4), SEED);

		assertThat(april.file().getFileName())
			.hasToString("2026_0515_ohss_immigration-enforcement-and-legal-processes-tables-april-2026.xlsx");
		List<OhssSample.Cell> aprilRead = read(april.file());
		assertThat(aprilRead).isEqualTo(april.cells());
		assertThat(aprilRead).filteredOn((cell) -> cell.fiscalYear() == 2026)
			.extracting(OhssSample.Cell::fiscalMonth)
			.contains(7);

		List<OhssSample.Cell> revised = april.revisedSince(sample);
		Map<Object, OhssSample.Cell> before = new HashMap<>();
		read.forEach((cell) -> before.put(cell.key(), cell));
		List<OhssSample.Cell> changed = aprilRead.stream().filter((cell) -> {
			OhssSample.Cell old = before.get(cell.key());
			return old != null
					&& !(Objects.equals(old.value(), cell.value()) && Objects.equals(old.marker(), cell.marker()));
		}).toList();
		assertThat(changed).isEqualTo(revised).isNotEmpty();
		// late records for February and March 2026, and one older month corrected
		assertThat(revised).anyMatch((cell) -> cell.fiscalYear() == 2026 && Objects.equals(cell.fiscalMonth(), 5));
		assertThat(revised).anyMatch((cell) -> cell.fiscalYear() == 2026 && Objects.equals(cell.fiscalMonth(), 6));
		assertThat(revised).anyMatch((cell) -> cell.fiscalYear() < 2026 && !cell.isFiscalYearTotal());
		assertThat(revised).noneMatch((cell) -> cell.fiscalYear() == 2026 && Objects.equals(cell.fiscalMonth(), 1));
	}

	private static List<OhssSample.Cell> read(Path file) {
		List<OhssSample.Cell> cells = new ArrayList<>();
		try (OhssEdition edition = OhssEdition.open(file)) {
			List<OhssSheetResult> results = edition.readTables((cell) -> cells.add(asSampleCell(cell)));
			assertThat(results).noneMatch(OhssSheetResult::isRejected);
		}
		return cells;
	}

	private static OhssSample.Cell asSampleCell(OhssCell cell) {
		Long value = (cell.value() != null) ? cell.value().longValueExact() : null;
		return new OhssSample.Cell(cell.tableName(), cell.fiscalYear(), cell.fiscalMonth(), cell.groupLabel(),
				cell.measureLabel(), cell.citizenshipLabel(), value, cell.status().marker(), cell.cellReference());
	}

	private static List<SheetRow> rows(SpreadsheetFile workbook, String sheet) {
		try (Stream<SheetRow> rows = workbook.rows(sheet)) {
			return rows.toList();
		}
	}

	private static List<OhssSample.Cell> table(List<OhssSample.Cell> cells, String tableName) {
		return cells.stream().filter((cell) -> cell.tableName().equals(tableName)).toList();
	}

	private static List<String> measures(List<OhssSample.Cell> cells, String group) {
		return cells.stream()
			.filter((cell) -> group.equals(cell.groupLabel()))
			.map(OhssSample.Cell::measureLabel)
			.distinct()
			.toList();
	}

	private static OhssSample.Cell find(List<OhssSample.Cell> cells, String group, String measure, String citizenship,
			int fiscalYear, Integer fiscalMonth) {
		return cells.stream()
			.filter((cell) -> Objects.equals(cell.groupLabel(), group) && cell.measureLabel().equals(measure)
					&& Objects.equals(cell.citizenshipLabel(), citizenship) && cell.fiscalYear() == fiscalYear
					&& Objects.equals(cell.fiscalMonth(), fiscalMonth))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No cell " + group + "/" + measure + " FY" + fiscalYear + " month " + fiscalMonth));
	}

	private static String rowKey(OhssSample.Cell cell) {
		return cell.groupLabel() + " " + cell.fiscalYear() + " " + cell.fiscalMonth();
	}

}
