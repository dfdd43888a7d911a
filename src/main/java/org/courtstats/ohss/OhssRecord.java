package org.courtstats.ohss;

/**
 * What reading an OHSS edition gives, item by item: a published cell, a cell of a table
 * that could not be read, or such a table whose cells could not be told apart.
 */
public sealed interface OhssRecord permits OhssCell, OhssRecord.RejectedTable, OhssRecord.RejectedCell {

	/**
	 * A table (sheet) whose layout the reader does not recognise. None of its cells load;
	 * the other tables do.
	 *
	 * @param sheetName the sheet
	 * @param message why, naming the file, the sheet and the cell where it showed
	 */
	record RejectedTable(String sheetName, String message) implements OhssRecord {

		/** The reason code the rejection is quarantined under. */
		public static final String UNRECOGNISED_LAYOUT = "unrecognised_layout";

	}

	/**
	 * A data cell that does not load: a blank cell in a row that holds values, or a cell
	 * of a table rejected once its header was read (an unknown marker, a month label it
	 * does not know, a title naming another month), which loads none of its cells. Each
	 * is quarantined, so that the rows rejected count what the edition lost.
	 *
	 * @param sheetName the sheet
	 * @param rowNumber the cell's row in the sheet
	 * @param cellReference where the cell is, e.g. {@code O115}
	 * @param text what the cell holds, as the sheet shows it (empty for a blank cell)
	 * @param reasonCode {@link RejectedTable#UNRECOGNISED_LAYOUT} or {@link #BLANK_CELL}
	 * @param message why, naming the file, the sheet and the cell where it showed
	 */
	record RejectedCell(String sheetName, int rowNumber, String cellReference, String text, String reasonCode,
			String message) implements OhssRecord {

		/** The reason code of a blank cell in a row that holds values. */
		public static final String BLANK_CELL = "blank_cell";

		/**
		 * A cell read before its table was rejected.
		 * @param cell the cell
		 * @param message why its table was rejected
		 * @return the rejected cell
		 */
		static RejectedCell ofTableRejected(OhssCell cell, String message) {
			String text = (cell.value() != null) ? cell.value().stripTrailingZeros().toPlainString()
					: cell.status().marker();
			return new RejectedCell(cell.tableName(), cell.rowNumber(), cell.cellReference(), text,
					RejectedTable.UNRECOGNISED_LAYOUT, message);
		}

	}

}
