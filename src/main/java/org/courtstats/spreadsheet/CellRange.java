package org.courtstats.spreadsheet;

import java.util.Locale;

/**
 * A rectangle of cells, such as a merged region ({@code C3:K3}, a group header spanning
 * its columns).
 *
 * @param firstRow the 1-based first row
 * @param lastRow the 1-based last row
 * @param firstColumn the letters of the first column
 * @param lastColumn the letters of the last column
 */
public record CellRange(int firstRow, int lastRow, String firstColumn, String lastColumn) {

	/**
	 * Parses an A1-style range such as {@code C3:K3} (or a single cell, {@code B2}).
	 * @param reference the range
	 * @return the range
	 */
	public static CellRange parse(String reference) {
		String[] corners = reference.strip().toUpperCase(Locale.ROOT).split(":", -1);
		if (corners.length > 2) {
			throw new IllegalArgumentException("Not a cell range: " + reference);
		}
		CellReference first = CellReference.parse(corners[0], reference);
		CellReference last = (corners.length == 2) ? CellReference.parse(corners[1], reference) : first;
		return new CellRange(first.row(), last.row(), first.column(), last.column());
	}

	public boolean containsRow(int row) {
		return row >= this.firstRow && row <= this.lastRow;
	}

	public boolean containsColumn(String column) {
		int index = Columns.index(column);
		return index >= Columns.index(this.firstColumn) && index <= Columns.index(this.lastColumn);
	}

	public boolean contains(int row, String column) {
		return containsRow(row) && containsColumn(column);
	}

	@Override
	public String toString() {
		return this.firstColumn + this.firstRow + ":" + this.lastColumn + this.lastRow;
	}

	private record CellReference(String column, int row) {

		static CellReference parse(String cell, String range) {
			int digits = 0;
			while (digits < cell.length() && Character.isLetter(cell.charAt(digits))) {
				digits++;
			}
			if (digits == 0 || digits == cell.length()) {
				throw new IllegalArgumentException("Not a cell range: " + range);
			}
			try {
				return new CellReference(cell.substring(0, digits), Integer.parseInt(cell.substring(digits)));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a cell range: " + range, ex);
			}
		}

	}

}
