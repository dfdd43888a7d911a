package org.courtstats.staging;

import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * A chunk's rows encoded for one {@code COPY ... FROM STDIN}, in a buffer the writer
 * reuses chunk after chunk.
 */
interface CopyRows {

	/**
	 * Appends a row.
	 * @param values null, text, whole numbers, dates or booleans, one per column
	 * @throws IllegalArgumentException for a value the encoding cannot write
	 */
	void appendRow(Object... values);

	/**
	 * Whether no row was appended since the last {@link #clear()}.
	 * @return true when empty
	 */
	boolean isEmpty();

	/** Empties the buffer, keeping its capacity for the next chunk. */
	void clear();

	/**
	 * Sends the rows to the {@code COPY}.
	 * @param in the copy, opened with {@link #copyOptions()}
	 * @throws SQLException when the server refuses them
	 */
	void writeTo(CopyIn in) throws SQLException;

	/**
	 * The options of the {@code COPY} that reads these rows.
	 * @return for instance {@code (format text)}
	 */
	String copyOptions();

}
