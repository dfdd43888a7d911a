package org.courtstats.ohss;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtstats.ohss.OhssEditionTests.sheet;

/**
 * What the staging step reads of an edition whose tables break: a table rejected below
 * its header gives each of its data cells as a rejected cell, so that the rows rejected
 * count the cells the edition lost; a sheet with no header gives one rejected table.
 */
class OhssEditionReaderTests {

	private static final String TITLE = "Widgets by Agency: Fiscal Years 2023 to 2024 YTD (August 2024)";

	@TempDir
	Path dir;

	@Test
	void aTableRejectedBelowItsHeaderGivesEachOfItsDataCellsAndTheOtherTablesRead() throws Exception {
		Path file = this.dir.resolve("edition.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			sheet(workbook, "Odd Marker",
					new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total", "Other" }, { 2023, "Total", 5 },
							{ null, "October", "x", "NA" }, { null, "November", 4 }, {}, { "X Not applicable." } });
			sheet(workbook, "Good", new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total" },
					{ 2023, "Total", 5 }, { null, "October", 5 } });
			sheet(workbook, "Other Edition", new Object[][] { { "Widgets: Fiscal Years 2023 to 2024 YTD (July 2024)" },
					{ "Fiscal Year", "Month", "Total" }, { 2023, "Total", 7 }, { null, "October", "-" } });
			sheet(workbook, "No Header",
					new Object[][] { { TITLE }, { "Year", "Month", "Total" }, { 2023, "Total", 5 } });
			workbook.write(out);
		}

		List<OhssRecord> records = readAll(file);

		assertThat(records).filteredOn(OhssCell.class::isInstance)
			.extracting((record) -> ((OhssCell) record).tableName() + "!" + ((OhssCell) record).cellReference())
			.containsExactly("Good!C3", "Good!C4");
		List<OhssRecord.RejectedCell> rejected = records.stream()
			.filter(OhssRecord.RejectedCell.class::isInstance)
			.map(OhssRecord.RejectedCell.class::cast)
			.toList();
		assertThat(rejected).extracting((cell) -> cell.sheetName() + "!" + cell.cellReference() + "=" + cell.text())
			.as("the cells holding a value above the odd marker (blank D3 not among them), in its row and below; "
					+ "the title's month for the other")
			.containsExactly("Odd Marker!C3=5", "Odd Marker!C4=x", "Odd Marker!D4=NA", "Odd Marker!C5=4",
					"Other Edition!C3=7", "Other Edition!C4=-");
		assertThat(rejected).extracting(OhssRecord.RejectedCell::rowNumber).containsExactly(3, 4, 4, 5, 3, 4);
		assertThat(rejected).extracting(OhssRecord.RejectedCell::reasonCode).containsOnly("unrecognised_layout");
		assertThat(rejected.subList(0, 4)).allSatisfy((cell) -> assertThat(cell.message()).startsWith(
				file + ", sheet 'Odd Marker': cell C4 reads 'x', which is neither a number nor a known marker"));
		assertThat(rejected.subList(4, 6))
			.allSatisfy((cell) -> assertThat(cell.message()).contains("sheet 'Other Edition'", "2024-07"));
		assertThat(records).filteredOn(OhssRecord.RejectedTable.class::isInstance)
			.extracting((record) -> ((OhssRecord.RejectedTable) record).sheetName())
			.containsExactly("No Header");
		assertThat(records).hasSize(2 + 6 + 1);
	}

	@Test
	void aBlankCellInARowThatHoldsValuesIsQuarantinedAndAMonthWithNoValueIsNot() throws Exception {
		Path file = this.dir.resolve("blanks.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			sheet(workbook, "Blanks",
					new Object[][] { { TITLE }, { "Fiscal Year", "Month", "Total", "Other" }, { 2023, "Total", 5, " " },
							{ null, "October", null, 2 }, { null, "November" }, { "X Not applicable." } });
			workbook.write(out);
		}

		List<OhssRecord> records = readAll(file);

		assertThat(records)
			.extracting((record) -> (record instanceof OhssCell cell) ? cell.cellReference()
					: ((OhssRecord.RejectedCell) record).cellReference() + " "
							+ ((OhssRecord.RejectedCell) record).reasonCode())
			.as("in sheet order; November, with no value at all, gives nothing")
			.containsExactly("C3", "D3 blank_cell", "C4 blank_cell", "D4");
		assertThat(records.get(1)).isInstanceOfSatisfying(OhssRecord.RejectedCell.class, (blank) -> {
			assertThat(blank.rowNumber()).isEqualTo(3);
			assertThat(blank.text()).isEmpty();
			assertThat(blank.message()).startsWith(file + ", sheet 'Blanks': cell D3 is blank, in a row that holds "
					+ "values: neither a number nor a marker");
		});
		try (OhssEdition edition = OhssEdition.open(file); Stream<OhssCell> cells = edition.cells("Blanks")) {
			assertThat(cells).extracting(OhssCell::cellReference).containsExactly("C3", "D4");
		}
	}

	private static List<OhssRecord> readAll(Path file) throws Exception {
		OhssEditionReader reader = new OhssEditionReader("reader", file);
		List<OhssRecord> records = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (OhssRecord record = reader.read(); record != null; record = reader.read()) {
				records.add(record);
			}
		}
		finally {
			reader.close();
		}
		return records;
	}

}
