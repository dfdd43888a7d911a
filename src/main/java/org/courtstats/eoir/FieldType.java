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

	private static final Pattern TIME = Pattern.compile("\\d{3,4}|\\d{1,2}:\\d{2}");

	private static final Pattern MONTH_YEAR = Pattern.compile("\\d{1,2}/\\d{4}");

	private static final Pattern ZIP = Pattern.compile("`?(\\d{4,5}(-\\d{4})?|\\d{9})");

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
		if (raw == null) {
			return true;
		}
		int start = Values.stripStart(raw, 0, raw.length());
		return isStrippedBlank(raw, start, Values.stripEnd(raw, start, raw.length()));
	}

	private boolean isStrippedBlank(String line, int start, int end) {
		return (this.shape == Shape.CODE) ? Values.isStrippedNullCode(line, start, end)
				: Values.isStrippedNullToken(line, start, end);
	}

	/**
	 * Whether a raw value fits the column: no value ({@link #isBlank}) always does.
	 * @param raw the value as split from the line
	 * @return true when the value has this shape and length
	 */
	boolean fits(String raw) {
		return fits(raw, 0, raw.length());
	}

	/**
	 * Whether a value that is part of a line fits the column, as {@link #fits(String)}
	 * tells for {@code line.substring(from, to)}: an integer, date, flag or GUID is
	 * matched where it lies, without a string, since every well-formed line has its
	 * values of those columns checked.
	 * @param line the line
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return true when the value has this shape and length
	 */
	boolean fits(String line, int from, int to) {
		int start = Values.stripStart(line, from, to);
		int end = Values.stripEnd(line, start, to);
		if (isStrippedBlank(line, start, end)) {
			return true;
		}
		if (end - start > this.maxLength) {
			return false;
		}
		return switch (this.shape) {
			case INTEGER -> isInteger(line, start, end);
			case DATE -> Values.isDateShaped(line, start, end);
			case FLAG -> isFlag(line, start, end);
			case GUID -> isGuid(line, start, end);
			case TIME -> TIME.matcher(line).region(start, end).matches();
			case MONTH_YEAR -> MONTH_YEAR.matcher(line).region(start, end).matches();
			case ZIP -> ZIP.matcher(line).region(start, end).matches();
			case CODE, TEXT -> true;
		};
	}

	/** {@code -?\d{1,18}}. */
	private static boolean isInteger(String line, int start, int end) {
		int digitsFrom = (line.charAt(start) == '-') ? start + 1 : start;
		int digits = end - digitsFrom;
		return digits >= 1 && digits <= 18 && Values.isDigits(line, digitsFrom, digits);
	}

	/** {@code 0}, {@code 1}, {@code true} or {@code false} in any ASCII letter case. */
	private static boolean isFlag(String line, int start, int end) {
		return switch (end - start) {
			case 1 -> line.charAt(start) == '0' || line.charAt(start) == '1';
			case 4 -> isWord(line, start, "true");
			case 5 -> isWord(line, start, "false");
			default -> false;
		};
	}

	/**
	 * Whether the characters from {@code start} spell a lower-case ASCII word in any
	 * case.
	 */
	private static boolean isWord(String line, int start, String word) {
		for (int i = 0; i < word.length(); i++) {
			// Only 'A' to 'Z' and 'a' to 'z' become a lower-case letter by setting 0x20.
			if ((line.charAt(start + i) | 0x20) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** 8-4-4-4-12 hexadecimal digits, optionally within braces. */
	private static boolean isGuid(String line, int start, int end) {
		int from = (line.charAt(start) == '{') ? start + 1 : start;
		int to = (end > from && line.charAt(end - 1) == '}') ? end - 1 : end;
		if (to - from != 36) {
			return false;
		}
		for (int i = 0; i < 36; i++) {
			char c = line.charAt(from + i);
			boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
			boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (dash ? c != '-' : !hex) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether EOIR's own type of the column ({@code int}, {@code datetime}, {@code bit},
	 * {@code uniqueidentifier}) admits no value of another shape, so that such a value in
	 * a line of the header's field count was moved there from another column: a tab
	 * inside one value and one missing from another (a hidden shift), or damage.
	 * @return true for integers, dates, flags and GUIDs
	 */
	boolean isStrict() {
		return !holdsCharacters();
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
