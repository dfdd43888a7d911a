package org.courtstats.ohss;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.courtstats.spreadsheet.CellValue;
import org.courtstats.spreadsheet.SheetRow;
import org.courtstats.spreadsheet.SpreadsheetException;
import org.slf4j.LoggerFactory;

/**
 * A table whose layout broke below its header: with the data cells from the row where it
 * broke to the end of the sheet, each to be quarantined (the cells above it were read
 * already).
 */
public class OhssTableRejectedException extends OhssLayoutException {

	private final transient List<OhssRecord.RejectedCell> cells;

	OhssTableRejectedException(String sheetName, String message, List<OhssRecord.RejectedCell> cells) {
		super(sheetName, message);
		this.cells = List.copyOf(cells);
	}

	/**
	 * The table's data cells not read, from the row where it broke on.
	 * @return the cells, row by row
	 */
	public List<OhssRecord.RejectedCell> cells() {
		return this.cells;
	}

	/**
	 * Rejects a table from a row on: the cells of that row and of every row below it that
	 * has a label in column B (a total or month row, read or not), in the table's
	 * columns. Rows with column B blank (the legend, footnotes) hold none.
	 * @param cause why the table is rejected
	 * @param layout the table's layout
	 * @param row the row where it broke, or null
	 * @param rows the rows below it
	 * @return the exception to throw
	 */
	static OhssTableRejectedException from(OhssLayoutException cause, OhssSheetLayout layout, SheetRow row,
			Iterator<SheetRow> rows) {
		List<OhssRecord.RejectedCell> cells = new ArrayList<>();
		if (row != null) {
			addCells(cells, cause.getMessage(), layout, row);
		}
		try {
			while (rows.hasNext()) {
				addCells(cells, cause.getMessage(), layout, rows.next());
			}
		}
		catch (SpreadsheetException ex) {
			// A part of the sheet below that cannot be read (a formula with no saved
			// result, damaged XML) fails no more than the table, rejected already: its
			// cells counted so far stand, fewer than it holds.
			LoggerFactory.getLogger(OhssTableRejectedException.class)
				.warn("{} The rest of the sheet cannot be read to count the table's cells ({}): {} counted.",
						cause.getMessage(), ex.getMessage(), cells.size());
		}
		OhssTableRejectedException rejected = new OhssTableRejectedException(cause.sheetName(), cause.getMessage(),
				cells);
		rejected.setStackTrace(cause.getStackTrace());
		return rejected;
	}

	private static void addCells(List<OhssRecord.RejectedCell> cells, String message, OhssSheetLayout layout,
			SheetRow row) {
		CellValue label = row.cell("B");
		if (label == null || (!label.isNumber() && label.text().isBlank())) {
			return;
		}
		for (OhssSheetLayout.Column column : layout.columns()) {
			CellValue value = row.cell(column.letters());
			if (value != null && (value.isNumber() || !value.text().isBlank())) {
				cells.add(new OhssRecord.RejectedCell(layout.sheetName(), row.rowNumber(),
						column.letters() + row.rowNumber(), value.display().strip(),
						OhssRecord.RejectedTable.UNRECOGNISED_LAYOUT, message));
			}
		}
	}

}
