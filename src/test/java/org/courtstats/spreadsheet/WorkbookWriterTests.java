package org.courtstats.spreadsheet;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The streaming writer, checked by reading what it writes back with
 * {@link SpreadsheetFile}.
 */
class WorkbookWriterTests {

	@TempDir
	Path dir;

	@Test
	void writesSheetsRowsCellsGroupsAndMergesThatReadBack() throws Exception {
		Path file = bookOuts(this.dir.resolve("book-outs.xlsx"));

		try (SpreadsheetFile workbook = SpreadsheetFile.open(file)) {
			assertThat(workbook.sheetNames()).containsExactly("TOC", "Book-Outs");
			assertThat(workbook.mergedRegions("Book-Outs")).containsExactly(CellRange.parse("C3:E3"),
					CellRange.parse("A7:J7"));
			List<SheetRow> rows;
			try (Stream<SheetRow> stream = workbook.rows("Book-Outs")) {
				rows = stream.toList();
			}
			assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 3, 4, 5, 6, 7);
			SheetRow year = rows.get(3);
			assertThat(year.cell("A").isNumber()).isTrue();
			assertThat(year.cell("A").display()).isEqualTo("2019");
			assertThat(year.text("B")).isEqualTo("Total");
			assertThat(year.cell("C").number()).isEqualByComparingTo("12345670");
			assertThat(year.cell("D")).isEqualTo(CellValue.text("X"));
			assertThat(year.hidden()).isFalse();
			assertThat(year.outlineLevel()).isZero();
			SheetRow month = rows.get(4);
			assertThat(month.hidden()).isTrue();
			assertThat(month.outlineLevel()).isEqualTo(1);
			assertThat(month.cell("A")).isNull();
			assertThat(month.cell("C").number()).isEqualByComparingTo("590");
			assertThat(rows.get(5).cell("A")).as("text keeps its trailing tabs")
				.isEqualTo(CellValue.text("Source: a dataset.\t\t"));
		}
	}

	@Test
	void theSameCallsWriteTheSameBytesWithoutTheClocksTime() throws Exception {
		Path first = bookOuts(this.dir.resolve("first.xlsx"));
		Path second = bookOuts(this.dir.resolve("second.xlsx"));

		assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
		try (ZipFile zip = new ZipFile(first.toFile())) {
			long year2000 = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
			assertThat(zip.stream().map(ZipEntry::getTime)).isNotEmpty()
				.allMatch((time) -> time < year2000, "an entry time before 2000 (no clock time)");
			ZipEntry properties = zip.getEntry("docProps/core.xml");
			try (InputStream in = zip.getInputStream(properties)) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
					.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-04-15T00:00:00Z</dcterms:created>");
			}
		}
	}

	@Test
	void refusesARowAboveOneWritten() {
		try (WorkbookWriter workbook = new WorkbookWriter(LocalDate.of(2026, 4, 15))) {
			WorkbookWriter.Sheet sheet = workbook.sheet("Book-Outs");
			sheet.row(5);
			assertThatIllegalArgumentException().isThrownBy(() -> sheet.row(5))
				.withMessageContaining("Sheet 'Book-Outs': row 5 is not below row 5");
		}
	}

	@Test
	void refusesRowsInASheetOnceTheNextOneIsStarted() {
		try (WorkbookWriter workbook = new WorkbookWriter(LocalDate.of(2026, 4, 15))) {
			WorkbookWriter.Sheet first = workbook.sheet("TOC");
			workbook.sheet("Book-Outs");
			assertThatIllegalStateException().isThrownBy(() -> first.row(1)).withMessageContaining("'TOC'");
		}
	}

	private static Path bookOuts(Path file) {
		try (WorkbookWriter workbook = new WorkbookWriter(LocalDate.of(2026, 4, 15))) {
			workbook.sheet("TOC").row(1).text("A", "Table of Contents");
			WorkbookWriter.Sheet sheet = workbook.sheet("Book-Outs").summaryRowsAbove();
			sheet.row(1).text("A", "Return to Table of Contents.");
			sheet.row(3).text("C", "Total CBP");
			sheet.merge("C3:E3");
			sheet.row(4).text("A", "Fiscal Year").text("B", "Month").text("C", "Total Encounters");
			sheet.row(5).number("A", 2019).text("B", "Total").number("C", 12_345_670).text("D", "X").collapsed();
			sheet.row(6).text("B", "October").number("C", 590).outlineLevel(1).hidden();
			sheet.row(7).text("A", "Source: a dataset.\t\t");
			sheet.merge("A7:J7");
			workbook.save(file);
		}
		return file;
	}

}
