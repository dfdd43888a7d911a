package org.courtstats.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an XLSX workbook a row at a time, through POI's streaming {@code SXSSFWorkbook}:
 * only the last {@value #ROWS_IN_MEMORY} rows of the sheet being written are held in
 * memory, the rest go to a temporary file, so a workbook of any length is written in
 * constant memory (strings go to one shared-strings table, as Excel stores them).
 *
 * <p>
 * Rows are written top to bottom, sheets one after the other. The same calls write the
 * same bytes: the workbook's creation date is the one given, and POI stamps no clock time
 * on the zip entries.
 */
public final class WorkbookWriter implements AutoCloseable {

	private static final int ROWS_IN_MEMORY = 100;

	private final SXSSFWorkbook workbook;

	private Sheet current;

	/**
	 * Starts an empty workbook.
	 * @param created the creation date recorded in the workbook's properties
	 */
	public WorkbookWriter(LocalDate created) {
		this.workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROWS_IN_MEMORY, true, true);
		Date midnight = Date.from(created.atStartOfDay().toInstant(ZoneOffset.UTC));
		this.workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(midnight));
	}

	/**
	 * Adds a sheet after the ones written so far; the sheet written before it can no
	 * longer change.
	 * @param name the sheet's name (at most 31 characters, as Excel allows)
	 * @return the sheet, to write rows into
	 */
	public Sheet sheet(String name) {
		if (this.current != null) {
			this.current.finish();
		}
		this.current = new Sheet(name, this.workbook.createSheet(name));
		return this.current;
	}

	/**
	 * Writes the workbook to a file, replacing it.
	 * @param file the {@code .xlsx} file
	 * @throws UncheckedIOException if the file cannot be written
	 */
	public void save(Path file) {
		if (this.current != null) {
			this.current.finish();
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			this.workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the workbook " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Deletes the temporary files holding the rows written. */
	@Override
	public void close() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot close the workbook: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One sheet being written: rows top to bottom, merged regions at any time.
	 */
	public static final class Sheet {

		private final String name;

		private final SXSSFSheet sheet;

		private int lastRowNumber;

		private boolean finished;

		private Sheet(String name, SXSSFSheet sheet) {
			this.name = name;
			this.sheet = sheet;
		}

		/**
		 * Shows a group's summary row above its detail rows (the fiscal-year total above
		 * its months) rather than below them, Excel's default.
		 * @return this sheet
		 */
		public Sheet summaryRowsAbove() {
			this.sheet.setRowSumsBelow(false);
			return this;
		}

		/**
		 * Merges a range of cells; its top-left cell holds the value.
		 * @param range the range, such as {@code C3:K3}
		 * @return this sheet
		 */
		public Sheet merge(String range) {
			CellRange cells = CellRange.parse(range);
			this.sheet.addMergedRegion(new CellRangeAddress(cells.firstRow() - 1, cells.lastRow() - 1,
					Columns.index(cells.firstColumn()), Columns.index(cells.lastColumn())));
			return this;
		}

		/**
		 * Starts a row below the ones written.
		 * @param rowNumber the 1-based row number
		 * @return the row, to fill
		 * @throws IllegalArgumentException if the row is not below the last one written
		 */
		public Row row(int rowNumber) {
			if (this.finished) {
				throw new IllegalStateException("Sheet '" + this.name + "' is finished: a later sheet was started");
			}
			if (rowNumber <= this.lastRowNumber) {
				throw new IllegalArgumentException("Sheet '" + this.name + "': row " + rowNumber + " is not below row "
						+ this.lastRowNumber + "; rows are written top to bottom");
			}
			this.lastRowNumber = rowNumber;
			return new Row(this.sheet, this.sheet.createRow(rowNumber - 1));
		}

		private void finish() {
			if (this.finished) {
				return;
			}
			this.finished = true;
			try {
				this.sheet.flushRows();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(
						"Cannot write sheet '" + this.name + "' to a temporary file: " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * One row being written: its cells (numbers or text), and whether it is hidden or
	 * grouped.
	 */
	public static final class Row {

		private final SXSSFSheet sheet;

		private final SXSSFRow row;

		private Row(SXSSFSheet sheet, SXSSFRow row) {
			this.sheet = sheet;
			this.row = row;
		}

		/**
		 * Writes a text cell.
		 * @param column column letters
		 * @param text the text
		 * @return this row
		 */
		public Row text(String column, String text) {
			cell(column).setCellValue(text);
			return this;
		}

		/**
		 * Writes a numeric cell.
		 * @param column column letters
		 * @param number the number
		 * @return this row
		 */
		public Row number(String column, long number) {
			cell(column).setCellValue(number);
			return this;
		}

		/**
		 * Hides the row, as Excel hides the detail rows of a collapsed group.
		 * @return this row
		 */
		public Row hidden() {
			this.row.setZeroHeight(true);
			return this;
		}

		/**
		 * Puts the row in a group (an outline level).
		 * @param level 1 for a group, 2 for a group inside it, and so on
		 * @return this row
		 */
		public Row outlineLevel(int level) {
			this.sheet.setRowOutlineLevel(this.row.getRowNum(), level);
			return this;
		}

		/**
		 * Marks the row as the summary of a collapsed group.
		 * @return this row
		 */
		public Row collapsed() {
			this.row.setCollapsed(Boolean.TRUE);
			return this;
		}

		private SXSSFCell cell(String column) {
			return this.row.createCell(Columns.index(column));
		}

	}

}
