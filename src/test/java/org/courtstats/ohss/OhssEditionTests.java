package org.courtstats.ohss;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The OHSS layout rules on small generated workbooks: one quirk per test.
 */
class OhssEditionTests {

	private static final String TITLE = "Widgets by Agency: Fiscal Years 2023 to 2024 YTD (August 2024)";

	@TempDir
	Path dir;

	@Test
	void mapsMarkersToStatusesAndNeverToZero() throws Exception {
		Path file = write((workbook) -> sheet(workbook, "Markers",
				new Object[][] { { "Return to Table of Contents." }, { TITLE },
						{ "Fiscal Year", "Month", "Plain", "Applicable1", "Available", "Withheld", "Dash", "Zero",
								"Written" },
						{ 2023, "Total", 10, "X", "NA", "D", "-", 0, "1,234" }, { "X Not applicable." } }));
		try (OhssEdition edition = OhssEdition.open(file); Stream<OhssCell> cells = edition.cells("Markers")) {
			List<OhssCell> all = cells.toList();
			assertThat(all).extracting(OhssCell::status)
				.containsExactly(ValueStatus.REPORTED, ValueStatus.NOT_APPLICABLE, ValueStatus.NOT_AVAILABLE,
						ValueStatus.WITHHELD, ValueStatus.ZERO_DASH, ValueStatus.REPORTED, ValueStatus.REPORTED);
			assertThat(all).extracting(OhssCell::value)
				.containsExactly(new BigDecimal("10.0"), null, null, null, null, new BigDecimal("0.0"),
						new BigDecimal("1234"));
			assertThat(all).extracting(OhssCell::measureLabel)
				.containsExactly("Plain", "Applicable", "Available", "Withheld", "Dash", "Zero", "Written");
			assertThat(all).extracting((cell) -> cell.status().code())
				.containsExactly("reported", "not_applicable", "not_available", "withheld", "zero_dash", "reported",
						"reported");
		}
	}

	@Test
	void carriesMergedGroupHeadersOverTheirColumnsAndReadsHiddenMonths() throws Exception {
		Path file = write((workbook) -> {
			XSSFSheet sheet = sheet(workbook, "Two Levels",
					new Object[][] { { "Return to Table of Contents." }, { TITLE },
							{ null, null, null, "Total CBP", null, "USBP2" },
							{ "Fiscal Year", "Month", "All", "Total", "MPP3", "Total", "MPP3" },
							{ 2023, "Total", 100, 60, "X", 50, "X" }, { null, "October", 10, 6, 1, 5, 1 },
							{ null, "September", 20, 12, 2, 10, 2 }, { "2024 YTD", "Total", 7, 7, 7, 7, 7 },
							{ "Notes: rounded to the nearest ten." }, { 2099, "Total", 1, 1, 1, 1, 1 } });
			sheet.addMergedRegion(CellRangeAddress.valueOf("D3:E3"));
			sheet.addMergedRegion(CellRangeAddress.valueOf("F3:G3"));
			sheet.groupRow(5, 6);
			sheet.getRow(5).setZeroHeight(true);
			sheet.getRow(6).setZeroHeight(true);
		});
		try (OhssEdition edition = OhssEdition.open(file); Stream<OhssCell> cells = edition.cells("Two Levels")) {
			List<OhssCell> all = cells.toList();
			assertThat(all).hasSize(4 * 5);
			assertThat(all.subList(0, 5)).extracting(OhssCell::groupLabel)
				.containsExactly(null, "Total CBP", "Total CBP", "USBP", "USBP");
			assertThat(all.subList(0, 5)).extracting(OhssCell::measureLabel)
				.containsExactly("All", "Total", "MPP", "Total", "MPP");
			assertThat(all).extracting(OhssCell::fiscalMonth).containsSequence(null, null, null, null, null, 1, 1);
			OhssCell september = all.get(14);
			assertThat(september.fiscalYear()).isEqualTo(2023);
			assertThat(september.fiscalMonth()).isEqualTo(12);
			assertThat(september.cellReference()).isEqualTo("G7");
			assertThat(all.get(15).fiscalYear()).as("2024 YTD").isEqualTo(2024);
			assertThat(all).noneMatch((cell) -> cell.fiscalYear() == 2099);
		}
	}

	@Test
	void putsCitizenshipHeadersIntoTheCitizenshipLabel() throws Exception {
		Path file = write((workbook) -> sheet(workbook, "Arrests by Citizenship", new Object[][] {
				{ "Return to Table of Contents." },
				{ "ERO Administrative Arrests by Selected Citizenship: Fiscal Years 2023 to 2024 YTD (August 2024)" },
				{ "Fiscal Year", "Month", "Total", "Mexico", "All Other" }, { 2023, "Total", 30, 20, 10 } }));
		try (OhssEdition edition = OhssEdition.open(file);
				Stream<OhssCell> cells = edition.cells("Arrests by Citizenship")) {
			assertThat(cells.toList())
				.extracting(OhssCell::groupLabel, OhssCell::measureLabel, OhssCell::citizenshipLabel)
				.containsExactly(tuple(null, "ERO Administrative Arrests", "Total"),
						tuple(null, "ERO Administrative Arrests", "Mexico"),
						tuple(null, "ERO Administrative Arrests", "All Other"));
		}
	}

	@Test
	void rejectsUnrecognisedSheetsByNameAndStillReadsTheOthers() throws Exception {
		Path file = write((workbook) -> {
			sheet(workbook, "TOC", new Object[][] { { "Table of Contents" } });
			sheet(workbook, "Good", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { null, "October", 5 } });
			sheet(workbook, "No Header",
					new Object[][] { { TITLE }, { "Year", "Month", "Total" }, { 2023, "Total", 5 } });
			sheet(workbook, "No Month", new Object[][] { { "Widgets: Fiscal Years 2023 to 2024" },
					{ "Fiscal Year", "Month", "Total" }, { 2023, "Total", 5 } });
			sheet(workbook, "Odd Marker", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { null, "October", "*" } });
			sheet(workbook, "Orphan Month",
					new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" }, { null, "October", 5 } });
			sheet(workbook, "Other Edition", new Object[][] { { "Widgets: Fiscal Years 2023 to 2024 YTD (July 2024)" },
					{ "Fiscal Year", "Month", "Total" }, { 2023, "Total", 5 } });
		});
		List<OhssCell> delivered = new ArrayList<>();
		try (OhssEdition edition = OhssEdition.open(file)) {
			assertThat(edition.asOfMonth()).isEqualTo(YearMonth.of(2024, 8));
			List<OhssSheetResult> results = edition.readTables(delivered::add);
			assertThat(results).extracting(OhssSheetResult::sheetName)
				.containsExactly("Good", "No Header", "No Month", "Odd Marker", "Orphan Month", "Other Edition");
			assertThat(results.get(0)).isEqualTo(new OhssSheetResult("Good", 2, null));
			assertThat(results.get(1).error()).startsWith(file + ", sheet 'No Header'")
				.contains("no header row (a row whose column A reads 'Fiscal Year')");
			assertThat(results.get(2).error()).startsWith(file + ", sheet 'No Month'").contains("as-of month");
			assertThat(results.get(3).error()).startsWith(file + ", sheet 'Odd Marker'")
				.contains("cell C4 reads '*'")
				.contains("X, NA, D, -");
			assertThat(results.get(4).error()).contains("sheet 'Orphan Month'")
				.contains("month row 3 comes before any fiscal-year total row");
			assertThat(results.get(5).error()).contains("sheet 'Other Edition'").contains("2024-07");
			assertThat(results.subList(1, 6)).allMatch((result) -> result.isRejected() && result.cells() == 0);
		}
		assertThat(delivered).as("only the good sheet's cells; none from the sheet rejected part-way")
			.extracting(OhssCell::tableName)
			.containsOnly("Good")
			.hasSize(2);
		assertThat(delivered).extracting(OhssCell::fiscalMonth).containsExactly(null, 1);
	}

	@Test
	void rejectsASheetWhoseMonthOrTotalLabelItDoesNotKnowRatherThanCutItShort() throws Exception {
		Path file = write((workbook) -> {
			sheet(workbook, "Good", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { null, "October", 5 }, {}, { "Note: counts are rounded." } });
			sheet(workbook, "Sept", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { null, "Sept", 5 }, { 2024, "Total", 7 } });
			sheet(workbook, "Marked Total", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { 2024, "Total*", 7 } });
		});
		List<OhssCell> delivered = new ArrayList<>();
		try (OhssEdition edition = OhssEdition.open(file)) {
			List<OhssSheetResult> results = edition.readTables(delivered::add);
			assertThat(results.get(0)).isEqualTo(new OhssSheetResult("Good", 2, null));
			assertThat(results.get(1).error()).contains("sheet 'Sept'")
				.contains("cell B4 reads 'Sept', where 'Total' or a month name");
			assertThat(results.get(2).error()).contains("sheet 'Marked Total'").contains("cell B4 reads 'Total*'");
			assertThat(results.subList(1, 3)).allMatch((result) -> result.isRejected() && result.cells() == 0);
		}
		assertThat(delivered).extracting(OhssCell::tableName).containsOnly("Good");
	}

	@Test
	void refusesAWorkbookWithNoOhssTable() throws Exception {
		Path file = write((workbook) -> sheet(workbook, "Sheet1", new Object[][] { { "hello" } }));
		assertThatThrownBy(() -> OhssEdition.open(file)).isInstanceOf(OhssLayoutException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining("no sheet reads as an OHSS monthly table")
			.hasMessageContaining("sheet 'Sheet1'")
			.hasMessageEndingWith("obtain it again, or remove it from the inbox.");
	}

	@Test
	void readsTheWordingOfTitlesAndHeaders() {
		assertThat(OhssLabels.stripFootnote("Migrant Protection Protocols3")).isEqualTo("Migrant Protection Protocols");
		assertThat(OhssLabels.stripFootnote("Accompanied Minors (OFO)4")).isEqualTo("Accompanied Minors (OFO)");
		assertThat(OhssLabels.stripFootnote("Title 42")).isEqualTo("Title 42");
		assertThat(OhssLabels.stripFootnote("CHNV I-134")).isEqualTo("CHNV I-134");
		assertThat(OhssLabels.stripFootnote(" Other\n outcomes8 ")).isEqualTo("Other outcomes");
		assertThat(OhssLabels.asOfMonth("Book-Outs: Fiscal Years 2014 to 2024 YTD (August 2024)\t"))
			.isEqualTo(YearMonth.of(2024, 8));
		assertThat(OhssLabels.asOfMonth("Book-Outs: Fiscal Years 2014 to 2024")).isNull();
		assertThat(OhssLabels.fiscalMonth("October")).isEqualTo(1);
		assertThat(OhssLabels.fiscalMonth("January")).isEqualTo(4);
		assertThat(OhssLabels.fiscalMonth("September")).isEqualTo(12);
		assertThat(OhssLabels.fiscalMonth("Total")).isNull();
		assertThat(OhssLabels.fiscalYear("2024 YTD")).isEqualTo(2024);
		assertThat(OhssLabels.fiscalYear("Notes")).isNull();
		String subject = OhssLabels.subject("CBP SW Border Encounters by Agency and Selected Citizenship: FY 2014");
		assertThat(OhssLabels.measure(subject)).isEqualTo("CBP SW Border Encounters");
		assertThat(OhssLabels.breakdowns(subject)).containsExactly("Agency", "Selected Citizenship");
		assertThat(OhssLabels.isCitizenshipSheet("DHS Adm Returns by Citizens")).isTrue();
		assertThat(OhssLabels.isCitizenshipSheet("CBP SWB Book-Outs by Citp")).isTrue();
		assertThat(OhssLabels.isCitizenshipSheet("CBP SWB Book-Outs by Agency")).isFalse();
	}

	private interface WorkbookContent {

		void fill(XSSFWorkbook workbook);

	}

	private Path write(WorkbookContent content) throws Exception {
		Path file = Files.createTempFile(this.dir, "edition", ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			content.fill(workbook);
			workbook.write(out);
		}
		return file;
	}

	/**
	 * Writes rows from column A: a Number is a numeric cell, a String a text cell, null
	 * no cell.
	 */
	static XSSFSheet sheet(XSSFWorkbook workbook, String name, Object[][] rows) {
		XSSFSheet sheet = workbook.createSheet(name);
		for (int r = 0; r < rows.length; r++) {
			XSSFRow row = sheet.createRow(r);
			for (int c = 0; c < rows[r].length; c++) {
				Object value = rows[r][c];
				if (value instanceof Number number) {
					row.createCell(c).setCellValue(number.doubleValue());
				}
				else if (value != null) {
					row.createCell(c).setCellValue(value.toString());
				}
			}
		}
		return sheet;
	}

}
