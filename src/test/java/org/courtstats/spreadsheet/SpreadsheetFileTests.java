package org.courtstats.spreadsheet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.courtstats.RealOhssWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming reader on small generated workbooks (hidden rows, merged regions, numbers
 * vs text, broken files) and on a real OHSS edition.
 */
class SpreadsheetFileTests {

	@TempDir
	Path dir;

	@Test
	void listsSheetsInWorkbookOrder() throws Exception {
		Path file = TestWorkbooks.write(TestWorkbooks.bookOuts(), this.dir.resolve("book-outs.xlsx"));
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file)) {
			assertThat(workbook.sheetNames()).containsExactly("Book-Outs", "Notes");
			assertThat(workbook.path()).isEqualTo(file);
		}
	}

	@Test
	void readsHiddenGroupedRowsAndKeepsNumbersApartFromText() throws Exception {
		Path file = TestWorkbooks.write(TestWorkbooks.bookOuts(), this.dir.resolve("book-outs.xlsx"));
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file);
				Stream<SheetRow> rows = workbook.rows("Book-Outs")) {
			List<SheetRow> all = rows.toList();
			assertThat(all).extracting(SheetRow::rowNumber).containsExactly(1, 2, 3, 4, 5, 6, 7);
			SheetRow year = all.get(4);
			assertThat(year.cell("A")).isEqualTo(CellValue.number(new BigDecimal("2014.0")));
			assertThat(year.cell("A").display()).isEqualTo("2014");
			assertThat(year.text("B")).isEqualTo("Total");
			assertThat(year.cell("C").number()).isEqualByComparingTo("570050");
			assertThat(year.cell("D")).isEqualTo(CellValue.text("X"));
			assertThat(year.cell("E")).isEqualTo(CellValue.text("TRUE"));
			assertThat(year.hidden()).isFalse();
			SheetRow month = all.get(5);
			assertThat(month.hidden()).isTrue();
			assertThat(month.outlineLevel()).isEqualTo(1);
			assertThat(month.cell("A")).isNull();
			assertThat(month.cell("C").number()).isEqualByComparingTo("41840.5");
			assertThat(month.text("D")).as("a blank text cell reads as no text").isNull();
			SheetRow ytd = all.get(6);
			assertThat(ytd.cell("A")).isEqualTo(CellValue.text("2024 YTD"));
			assertThat(ytd.cells().keySet()).containsExactly("A", "B", "AB");
		}
	}

	@Test
	void reportsMergedRegions() throws Exception {
		Path file = TestWorkbooks.write(TestWorkbooks.bookOuts(), this.dir.resolve("book-outs.xlsx"));
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file)) {
			assertThat(workbook.mergedRegions("Book-Outs")).containsExactly(new CellRange(3, 3, "C", "E"));
			assertThat(workbook.mergedRegions("Notes")).isEmpty();
		}
	}

	@Test
	void readsInlineStringsAsTheStreamingWriterStoresThem() throws Exception {
		Path file = this.dir.resolve("inline.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(); java.io.OutputStream out = Files.newOutputStream(file)) {
			var row = workbook.createSheet("Inline").createRow(0);
			row.createCell(0).setCellValue("2024 YTD");
			row.createCell(1).setCellValue(12);
			workbook.write(out);
		}
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file); Stream<SheetRow> rows = workbook.rows("Inline")) {
			SheetRow row = rows.findFirst().orElseThrow();
			assertThat(row.cell("A")).isEqualTo(CellValue.text("2024 YTD"));
			assertThat(row.cell("B").number()).isEqualByComparingTo("12");
		}
	}

	@Test
	void readsTheRealBookOutsSheet() {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(RealOhssWorkbooks.august2024())) {
			assertThat(workbook.sheetNames()).hasSize(35).startsWith("TOC", "CBP Encounter by Type + Region");
			assertThat(workbook.mergedRegions("CBP SWB Book-Outs by Agency")).contains(CellRange.parse("C3:K3"),
					CellRange.parse("L3:S3"), CellRange.parse("T3:AA3"));
			try (Stream<SheetRow> rows = workbook.rows("CBP SWB Book-Outs by Agency")) {
				List<SheetRow> head = rows.limit(6).toList();
				assertThat(head.get(3).text("O")).isEqualTo("Migrant Protection Protocols3");
				assertThat(head.get(4).cell("A")).isEqualTo(CellValue.number(new BigDecimal("2014")));
				assertThat(head.get(4).cell("C").number()).isEqualByComparingTo("570050");
				assertThat(head.get(5).hidden()).isTrue();
				assertThat(head.get(5).outlineLevel()).isEqualTo(1);
				assertThat(head.get(5).text("B")).isEqualTo("October");
			}
		}
	}

	@Test
	void refusesAMissingFile() {
		Path missing = this.dir.resolve("absent.xlsx");
		assertThatThrownBy(() -> SpreadsheetFile.open(missing)).isInstanceOf(SpreadsheetException.class)
			.hasMessageContaining(missing.toString())
			.hasMessageContaining("no such file");
	}

	@Test
	void refusesATruncatedWorkbook() throws Exception {
		byte[] xlsx = TestWorkbooks.bytes(TestWorkbooks.bookOuts());
		Path file = Files.write(this.dir.resolve("truncated.xlsx"), Arrays.copyOf(xlsx, xlsx.length / 2));
		assertThatThrownBy(() -> SpreadsheetFile.open(file)).isInstanceOf(SpreadsheetException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining("not a readable XLSX workbook")
			.hasMessageContaining("download it again");
	}

	@Test
	void refusesBytesOfNoKnownType() throws Exception {
		Path file = Files.write(this.dir.resolve("noise.xlsx"), new byte[] { 7, 3, 9, 1, 0, 42, 17, 99, 5, 8 });
		assertThatThrownBy(() -> SpreadsheetFile.open(file)).isInstanceOf(SpreadsheetException.class)
			.hasMessageContaining("does not start as a zip archive, nor as any file type known to it")
			.hasMessageNotContaining("UNKNOWN");
	}

	@Test
	void refusesGarbage() throws Exception {
		Path file = Files.write(this.dir.resolve("error-page.xlsx"),
				"<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> SpreadsheetFile.open(file)).isInstanceOf(SpreadsheetException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining("not an XLSX workbook")
			.hasMessageContaining("HTML");
	}

	@Test
	void refusesAnEncryptedWorkbook() throws Exception {
		Path file = TestWorkbooks.encrypted(TestWorkbooks.bookOuts(), "secret", this.dir.resolve("locked.xlsx"));
		assertThatThrownBy(() -> SpreadsheetFile.open(file)).isInstanceOf(SpreadsheetException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining("encrypted (password-protected)")
			.hasMessageContaining("without a password");
	}

	@Test
	void refusesAZipBombInASheet() throws Exception {
		byte[] xlsx = TestWorkbooks.bytes(TestWorkbooks.bookOuts());
		Path file = TestWorkbooks.withInflatedEntry(xlsx, "xl/worksheets/sheet1.xml", 8_000_000,
				this.dir.resolve("bomb.xlsx"));
		assertThat(Files.size(file)).as("the bomb is small on disk").isLessThan(100_000);
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file)) {
			assertThatThrownBy(() -> {
				try (Stream<SheetRow> rows = workbook.rows("Book-Outs")) {
					rows.forEach((row) -> {
					});
				}
			}).isInstanceOf(SpreadsheetException.class)
				.hasMessageStartingWith(file + ", sheet 'Book-Outs'")
				.hasMessageContaining("zip bomb");
		}
	}

	@Test
	void refusesAZipBombInTheWorkbookParts() throws Exception {
		byte[] xlsx = TestWorkbooks.bytes(TestWorkbooks.bookOuts());
		Path file = TestWorkbooks.withInflatedEntry(xlsx, "[Content_Types].xml", 8_000_000,
				this.dir.resolve("bomb.xlsx"));
		assertThatThrownBy(() -> SpreadsheetFile.open(file)).isInstanceOf(SpreadsheetException.class)
			.hasMessageStartingWith(file.toString())
			.hasMessageContaining("zip bomb");
	}

	@Test
	void namesTheSheetsWhenOneIsMissing() throws Exception {
		Path file = TestWorkbooks.write(TestWorkbooks.bookOuts(), this.dir.resolve("book-outs.xlsx"));
		try (SpreadsheetFile workbook = SpreadsheetFile.open(file)) {
			assertThatThrownBy(() -> workbook.rows("Book-Ins")).isInstanceOf(SpreadsheetException.class)
				.hasMessageContaining("no sheet named 'Book-Ins'")
				.hasMessageContaining("Book-Outs, Notes");
		}
	}

	@Test
	void parsesRangesAndColumns() {
		assertThat(CellRange.parse("T3:AA3")).isEqualTo(new CellRange(3, 3, "T", "AA"));
		assertThat(CellRange.parse("T3:AA3").containsColumn("Z")).isTrue();
		assertThat(CellRange.parse("T3:AA3").containsColumn("AB")).isFalse();
		assertThat(CellRange.parse("T3:AA3").contains(4, "U")).isFalse();
		assertThat(CellRange.parse("B2")).isEqualTo(new CellRange(2, 2, "B", "B"));
		assertThat(Columns.index("AA")).isEqualTo(26);
		assertThat(Columns.name(26)).isEqualTo("AA");
		assertThat(Columns.name(Columns.index("XFD"))).isEqualTo("XFD");
		assertThatThrownBy(() -> CellRange.parse("3:C")).isInstanceOf(IllegalArgumentException.class);
	}

}
