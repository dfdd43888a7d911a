package org.courtstats.staging;

/**
 * What the processor makes of one input row: a row to stage (possibly repaired), or a
 * rejection to quarantine.
 */
public sealed interface StagedRecord {

	/**
	 * Line number of the row in its file, the header being line 1.
	 * @return the line number
	 */
	long lineNumber();

	/**
	 * A cleaned row, its values aligned with {@link StagingTable#dataColumns()}: each a
	 * {@code String}, {@code Long}, {@code java.time.LocalDate} or null.
	 *
	 * @param lineNumber line number in the file
	 * @param values the cleaned values
	 * @param repair what was changed to read the line, or null for a well-formed line
	 */
	record Row(long lineNumber, Object[] values, Repair repair) implements StagedRecord {

		/**
		 * A row read from a well-formed line.
		 * @param lineNumber line number in the file
		 * @param values the cleaned values
		 */
		public Row(long lineNumber, Object[] values) {
			this(lineNumber, values, null);
		}

	}

	/**
	 * How a malformed line was repaired before it was read, kept so that an operator can
	 * see what was changed.
	 *
	 * @param repairCode machine-readable repair, e.g. {@code tab_shift}
	 * @param message what was wrong with the line and what was changed
	 * @param rawRecord the line as read
	 */
	record Repair(String repairCode, String message, String rawRecord) {

		/**
		 * The repair code of a short row padded with empty values, counted apart from the
		 * other repairs.
		 */
		public static final String PADDED = "padded";

	}

	/**
	 * A row that cannot be loaded, kept whole with the reason.
	 *
	 * @param lineNumber line number in the file
	 * @param reasonCode machine-readable reason, e.g. {@code field_count}
	 * @param message what was expected and what was found
	 * @param rawRecord the line as read
	 * @param recordKey the row's key when it could still be read, else null
	 * @param sheetName the worksheet the row is in, or null for a text file
	 */
	record Rejected(long lineNumber, String reasonCode, String message, String rawRecord, String recordKey,
			String sheetName) implements StagedRecord {

		/**
		 * A rejected line of a text file.
		 * @param lineNumber line number in the file
		 * @param reasonCode machine-readable reason, e.g. {@code field_count}
		 * @param message what was expected and what was found
		 * @param rawRecord the line as read
		 * @param recordKey the row's key when it could still be read, else null
		 */
		public Rejected(long lineNumber, String reasonCode, String message, String rawRecord, String recordKey) {
			this(lineNumber, reasonCode, message, rawRecord, recordKey, null);
		}

	}

}
