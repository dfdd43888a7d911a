package org.courtstats.eoir;

import java.util.regex.Pattern;

import org.courtstats.normalize.Values;

/**
 * The shape a value of one EOIR column has in the export, used to tell a repaired line
 * from a wrong guess: a date in a date column, an integer in an id column, a code no
 * longer than the column allows.
 *
 * @param shape what the value looks like
 * @param maxLength the most characters the value may have once trimmed
 */
record FieldType(Shape shape, int maxLength) {

	/** No length limit. */
	static final int ANY_LENGTH = Integer.MAX_VALUE;

	private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

	private static final Pattern DATE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?");

	private static final Pattern TIME = Pattern.compile("\\d{3,4}|\\d{1,2}:\\d{2}");

	private static final Pattern MONTH_YEAR = Pattern.compile("\\d{1,2}/\\d{4}");

	private static final Pattern FLAG = Pattern.compile("[01]|(?i:true|false)");

	private static final Pattern ZIP = Pattern.compile("`?(\\d{4,5}(-\\d{4})?|\\d{9})");

	private static final Pattern GUID = Pattern
		.compile("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?");

	/**
	 * What a value looks like; the comment of each names EOIR's own column type.
	 */
	enum Shape {

		/** {@code int}: IDN* columns and other counters. */
		INTEGER,

		/** {@code datetime}: {@code YYYY-MM-DD HH:MM:SS.mmm}. */
		DATE,

		/** {@code varchar(4)} time of day: {@code HHMM} (or {@code H:MM}). */
		TIME,

		/** {@code C_BIRTHDATE}: {@code M/YYYY}. */
		MONTH_YEAR,

		/**
		 * {@code bit}: {@code 0}/{@code 1} (older lookups {@code True}/{@code False}).
		 */
		FLAG,

		/**
		 * {@code varchar(10)} ZIP code: 5 digits (4 when the leading zero was lost),
		 * ZIP+4, a leading backtick.
		 */
		ZIP,

		/** {@code uniqueidentifier}: a GUID. */
		GUID,

		/** {@code varchar(n)} code: anything up to the column's length. */
		CODE,

		/**
		 * {@code varchar(n)} free text: anything, up to the column's length when known.
		 */
		TEXT

	}

	static FieldType integer() {
		return new FieldType(Shape.INTEGER, ANY_LENGTH);
	}

	static FieldType date() {
		return new FieldType(Shape.DATE, ANY_LENGTH);
	}

	static FieldType time() {
		return new FieldType(Shape.TIME, ANY_LENGTH);
	}

	static FieldType monthYear() {
		return new FieldType(Shape.MONTH_YEAR, ANY_LENGTH);
	}

	static FieldType flag() {
		return new FieldType(Shape.FLAG, ANY_LENGTH);
	}

	static FieldType zip() {
		return new FieldType(Shape.ZIP, ANY_LENGTH);
	}

	static FieldType guid() {
		return new FieldType(Shape.GUID, ANY_LENGTH);
	}

	static FieldType code(int maxLength) {
		return new FieldType(Shape.CODE, maxLength);
	}

	static FieldType text(int maxLength) {
		return new FieldType(Shape.TEXT, maxLength);
	}

	static FieldType text() {
		return new FieldType(Shape.TEXT, ANY_LENGTH);
	}

	/**
	 * Whether a raw value is no value in the column: blank or {@code N/A}, and {@code b6}
	 * too but in a code column, where {@code B6} is a code.
	 * @param raw the value as split from the line
	 * @return true when the load reads it as no value
	 */
	boolean isBlank(String raw) {
		return (this.shape == Shape.CODE) ? Values.codeText(raw) == null : Values.isNullToken(raw);
	}

	/**
	 * Whether a raw value fits the column: no value ({@link #isBlank}) always does.
	 * @param raw the value as split from the line
	 * @return true when the value has this shape and length
	 */
	boolean fits(String raw) {
		if (isBlank(raw)) {
			return true;
		}
		String value = raw.strip();
		if (value.length() > this.maxLength) {
			return false;
		}
		return switch (this.shape) {
			case INTEGER -> INTEGER.matcher(value).matches();
			case DATE -> DATE.matcher(value).matches();
			case TIME -> TIME.matcher(value).matches();
			case MONTH_YEAR -> MONTH_YEAR.matcher(value).matches();
			case FLAG -> FLAG.matcher(value).matches();
			case ZIP -> ZIP.matcher(value).matches();
			case GUID -> GUID.matcher(value).matches();
			case CODE, TEXT -> true;
		};
	}

	/**
	 * Whether EOIR stores the column as characters, so that a stray tab can sit inside
	 * one of its values; {@code int}, {@code datetime}, {@code bit} and
	 * {@code uniqueidentifier} columns cannot hold one.
	 * @return true for text, codes, ZIP codes, times of day and month-years
	 */
	boolean holdsCharacters() {
		return switch (this.shape) {
			case TEXT, CODE, ZIP, TIME, MONTH_YEAR -> true;
			case INTEGER, DATE, FLAG, GUID -> false;
		};
	}

	/**
	 * What the column expects, for an operator reading a message.
	 * @return e.g. {@code a date YYYY-MM-DD HH:MM:SS.mmm}
	 */
	String describe() {
		return switch (this.shape) {
			case INTEGER -> "an integer";
			case DATE -> "a date YYYY-MM-DD HH:MM:SS.mmm";
			case TIME -> "a time of day HHMM";
			case MONTH_YEAR -> "a month M/YYYY";
			case FLAG -> "0 or 1";
			case ZIP -> "a ZIP code";
			case GUID -> "a GUID";
			case CODE -> "a code of at most " + this.maxLength + " characters";
			case TEXT -> (this.maxLength == ANY_LENGTH) ? "text" : "text of at most " + this.maxLength + " characters";
		};
	}

}
