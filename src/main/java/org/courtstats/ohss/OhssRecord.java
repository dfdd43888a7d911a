package org.courtstats.ohss;

/**
 * What reading an OHSS edition gives, item by item: a published cell, or a table that
 * could not be read and is rejected whole.
 */
public sealed interface OhssRecord permits OhssCell, OhssRecord.RejectedTable {

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

}
