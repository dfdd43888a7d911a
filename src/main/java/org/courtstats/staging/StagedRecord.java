package org.courtstats.staging;

/**
 * What the processor makes of one input row: a row to stage, or a rejection to
 * quarantine.
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
	 */
	record Row(long lineNumber, Object[] values) implements StagedRecord {
	}

	/**
	 * A row that cannot be loaded, kept whole with the reason.
	 *
	 * @param lineNumber line number in the file
	 * @param reasonCode machine-readable reason, e.g. {@code field_count}
	 * @param message what was expected and what was found
	 * @param rawRecord the line as read
	 * @param recordKey the row's key when it could still be read, else null
	 */
	record Rejected(long lineNumber, String reasonCode, String message, String rawRecord,
			String recordKey) implements StagedRecord {
	}

}
