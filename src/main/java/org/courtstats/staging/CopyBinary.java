package org.courtstats.staging;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's {@code COPY ... (FORMAT binary)} encoding, for a table whose
 * columns are all of the types it knows ({@link Type}): each value goes as the bytes the
 * server keeps, a whole number as its eight or four bytes and a date as its count of
 * days, so that neither side writes or parses digits, and text needs no escapes.
 */
final class CopyBinary extends CopyRows {

	/** The file header: signature, flags, header extension length. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** The file trailer: a field count of -1. */
	private static final byte[] TRAILER = { (byte) 0xFF, (byte) 0xFF };

	/** PostgreSQL's dates count days from 2000-01-01. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	/** The column types the encoding writes. */
	enum Type {

		TEXT, BIGINT, INTEGER, DATE, BOOLEAN;

		/**
		 * The type of a column by its type's name in {@code pg_type}.
		 * @param typeName for instance {@code int8}
		 * @return the type, or null for a type this encoding does not write
		 */
		static Type of(String typeName) {
			return switch (typeName.toLowerCase(Locale.ROOT)) {
				case "text", "varchar" -> TEXT;
				case "int8" -> BIGINT;
				case "int4" -> INTEGER;
				case "date" -> DATE;
				case "bool" -> BOOLEAN;
				default -> null;
			};
		}

	}

	private final Type[] types;

	private final List<String> columns;

	/**
	 * An empty buffer for rows of the given columns.
	 * @param columns the columns' names, in order, for errors
	 * @param types their types
	 * @param capacity bytes to start with; it grows as rows need
	 */
	CopyBinary(List<String> columns, List<Type> types, int capacity) {
		super(capacity);
		if (columns.size() != types.size() || types.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("Columns " + columns + " and types " + types + " do not match");
		}
		this.columns = List.copyOf(columns);
		this.types = types.toArray(new Type[0]);
	}

	@Override
	void appendRow(Object... values) {
		if (values.length != this.types.length) {
			throw new IllegalArgumentException(
					"A row of " + values.length + " values for the " + this.types.length + " columns " + this.columns);
		}
		ensure(2);
		putShort(values.length);
		for (int i = 0; i < values.length; i++) {
			appendValue(i, values[i]);
		}
	}

	private void appendValue(int column, Object value) {
		if (value == null) {
			ensure(4);
			putInt(-1);
			return;
		}
		switch (this.types[column]) {
			case TEXT -> appendText((value instanceof String text) ? text : String.valueOf(value));
			case BIGINT -> {
				ensure(12);
				putInt(8);
				putLong(whole(column, value));
			}
			case INTEGER -> {
				long number = whole(column, value);
				if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
					throw cannotWrite(column, value);
				}
				ensure(8);
				putInt(4);
				putInt((int) number);
			}
			case DATE -> {
				if (!(value instanceof LocalDate date)) {
					throw cannotWrite(column, value);
				}
				long days = date.toEpochDay() - POSTGRES_EPOCH_DAY;
				// The extremes of the count stand for -infinity and infinity.
				if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
					throw cannotWrite(column, value);
				}
				ensure(8);
				putInt(4);
				putInt((int) days);
			}
			case BOOLEAN -> {
				if (!(value instanceof Boolean bool)) {
					throw cannotWrite(column, value);
				}
				ensure(5);
				putInt(1);
				this.bytes[this.length++] = (byte) (bool ? 1 : 0);
			}
		}
	}

	private long whole(int column, Object value) {
		if (value instanceof Long number) {
			return number;
		}
		if (value instanceof Integer number) {
			return number;
		}
		throw cannotWrite(column, value);
	}

	private IllegalArgumentException cannotWrite(int column, Object value) {
		return new IllegalArgumentException("Cannot stage a value of " + value.getClass().getSimpleName() + " ('"
				+ value + "') in column " + this.columns.get(column) + " of type " + this.types[column]);
	}

	private void appendText(String text) {
		ensure(4 + 3 * text.length());
		int start = this.length;
		int end = CopyText.encode(text, this.bytes, start + 4, false);
		this.length = start;
		putInt(end - start - 4);
		this.length = end;
	}

	private void putShort(int value) {
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
	}

	private void putInt(int value) {
		this.bytes[this.length++] = (byte) (value >>> 24);
		this.bytes[this.length++] = (byte) (value >>> 16);
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
	}

	private void putLong(long value) {
		putInt((int) (value >>> 32));
		putInt((int) value);
	}

	@Override
	void writeTo(CopyIn in) throws SQLException {
		in.writeToCopy(HEADER, 0, HEADER.length);
		in.writeToCopy(this.bytes, 0, this.length);
		in.writeToCopy(TRAILER, 0, TRAILER.length);
	}

	@Override
	String copyOptions() {
		return "(format binary)";
	}

}
