package org.courtstats.spreadsheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a sheet as stored, hidden or not, with its non-empty cells keyed by column
 * letters ({@code "A"}, {@code "AA"}) in column order.
 *
 * @param rowNumber the 1-based row number Excel shows
 * @param hidden whether the row is hidden (OHSS month rows are, grouped under their year)
 * @param outlineLevel the row's outline (grouping) level, 0 when not grouped
 * @param cells the non-empty cells by column letters
 */
public record SheetRow(int rowNumber, boolean hidden, int outlineLevel, Map<String, CellValue> cells) {

	public SheetRow {
		cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
	}

	/**
	 * The cell in a column.
	 * @param column column letters
	 * @return the cell, or {@code null} when the cell is empty
	 */
	public CellValue cell(String column) {
		return this.cells.get(column);
	}

	/**
	 * The trimmed text of a text cell.
	 * @param column column letters
	 * @return the text, or {@code null} when the cell is empty, blank or a number
	 */
	public String text(String column) {
		CellValue cell = this.cells.get(column);
		if (cell == null || cell.isNumber() || cell.text().isBlank()) {
			return null;
		}
		return cell.text().strip();
	}

	public boolean isEmpty() {
		return this.cells.values().stream().noneMatch((cell) -> cell.isNumber() || !cell.text().isBlank());
	}

}
