package org.courtstats.cbp;

import org.courtstats.staging.StagedRecord;

/**
 * What one data row of a CBP encounter file reads as: an encounter row, or a rejection to
 * quarantine.
 */
public sealed interface CbpRecord permits EncounterRow, CbpRecord.Rejected {

	/**
	 * Line number of the row in its file, the header being line 1.
	 * @return the line number
	 */
	long lineNumber();

	/**
	 * A row that cannot be loaded, kept whole with the reason; the fields of
	 * {@link StagedRecord.Rejected} plus the file it came from.
	 *
	 * @param fileName the file's name
	 * @param lineNumber line number in the file
	 * @param reasonCode machine-readable reason, one of the constants below
	 * @param message what was expected and what was found
	 * @param rawRecord the row as read (re-quoted where a value needs it)
	 * @param recordKey the row's key values joined by {@code |} when the row has the
	 * header's field count, else null
	 */
	record Rejected(String fileName, long lineNumber, String reasonCode, String message, String rawRecord,
			String recordKey) implements CbpRecord {

		/** The row has more or fewer fields than the header. */
		public static final String FIELD_COUNT = "field_count";

		/**
		 * {@code Fiscal Year} holds no four-digit year, or one whose month falls before
		 * the warehouse's calendar.
		 */
		public static final String BAD_FISCAL_YEAR = "bad_fiscal_year";

		/** {@code Month (abbv)} is not one of {@code OCT} to {@code SEP}. */
		public static final String UNKNOWN_MONTH = "unknown_month";

		/**
		 * The row's month starts more than a month after the day its file was written: no
		 * file counts the encounters of months to come, and one such row would make its
		 * file seem to run to that month, holding its fiscal years against newer files.
		 */
		public static final String FUTURE_MONTH = "future_month";

		/** {@code Encounter Count} is below zero. */
		public static final String NEGATIVE_COUNT = "negative_count";

		/** {@code Encounter Count} is blank or not a whole number. */
		public static final String BAD_COUNT = "bad_count";

		/**
		 * The rejection in the shape the staging writer quarantines into
		 * {@code etl.rejected_row}.
		 * @return the staged rejection
		 */
		public StagedRecord.Rejected toStaged() {
			return new StagedRecord.Rejected(this.lineNumber, this.reasonCode, this.message, this.rawRecord,
					this.recordKey);
		}

	}

}
