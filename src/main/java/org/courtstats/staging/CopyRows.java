package org.courtstats.staging;

import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;

/**
 * A chunk's rows encoded for one {@code COPY ... FROM STDIN}, in a growable buffer of
 * bytes the writer reuses chunk after chunk.
 */
abstract class CopyRows {

	/** The encoded rows, from index 0 to {@link #length}. */
	protected byte[] bytes;

	/** How many bytes of {@link #bytes} hold rows. */
	protected int length;

	/**
	 * An empty buffer.
	 * @param capacity bytes to start with; it grows as rows need
	 */
	protected CopyRows(int capacity) {
		this.bytes = new byte[Math.max(capacity, 64)];
	}

	/**
	 * Appends a row.
	 * @param values null, text, whole numbers, dates or booleans, one per column
	 * @throws IllegalArgumentException for a value the encoding cannot write
	 */
	abstract void appendRow(Object... values);

	/**
	 * The options of the {@code COPY} that reads these rows.
	 * @return for instance {@code (format text)}
	 */
	abstract String copyOptions();

	/**
	 * Makes room for more bytes after the last one written.
	 * @param more how many
	 */
	protected final void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	/**
	 * Whether no row was appended since the last {@link #clear()}.
	 * @return true when empty
	 */
	final boolean isEmpty() {
		return this.length == 0;
	}

	/** Empties the buffer, keeping its capacity for the next chunk. */
	final void clear() {
		this.length = 0;
	}

	/**
	 * Sends the rows to the {@code COPY}.
	 * @param in the copy, opened with {@link #copyOptions()}
	 * @throws SQLException when the server refuses them
	 */
	void writeTo(CopyIn in) throws SQLException {
		in.writeToCopy(this.bytes, 0, this.length);
	}

}
