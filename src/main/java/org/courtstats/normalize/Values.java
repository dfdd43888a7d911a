package org.courtstats.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Cleans single values of the exports: trims padding, turns null tokens into null,
 * upper-cases codes and parses the EOIR date format.
 */
public final class Values {

	private Values() {
	}

	/**
	 * Whether the value stands for "no value": blank, {@code N/A}, or the FOIA redaction
	 * marker {@code b6}. The literal code {@code NA} is a real code and is not a null
	 * token.
	 * @param value the value, possibly null
	 * @return true when the value carries no data
	 */
	public static boolean isNullToken(String value) {
		if (value == null) {
			return true;
		}
		int start = stripStart(value, 0, value.length());
		return isStrippedNullToken(value, start, stripEnd(value, start, value.length()));
	}

	/**
	 * Whether the characters from {@code from} to {@code to}, already stripped, are no
	 * code: blank or {@code N/A}. {@code B6} is a real code (a case identifier, San
	 * Clemente Border Patrol), so the redaction marker {@code b6} is a null token in free
	 * text only.
	 */
	public static boolean isStrippedNullCode(String line, int from, int to) {
		return switch (to - from) {
			case 0 -> true;
			case 3 -> line.charAt(from + 1) == '/' && (line.charAt(from) | 0x20) == 'n'
					&& (line.charAt(from + 2) | 0x20) == 'a';
			default -> false;
		};
	}

	/**
	 * Whether the characters from {@code from} to {@code to}, already stripped, are a
	 * null token.
	 */
	public static boolean isStrippedNullToken(String line, int from, int to) {
		// Called for every value of every row: most values are settled by their length.
		// The tokens' letters compared by hand: equalsIgnoreCase cost more than all the
		// rest.
		return (to - from == 2) ? line.charAt(from + 1) == '6' && (line.charAt(from) | 0x20) == 'b'
				: isStrippedNullCode(line, from, to);
	}

	/**
	 * Trimmed text, or null for a null token.
	 * @param value the raw value
	 * @return the cleaned text or null
	 */
	public static String text(String value) {
		return (value != null) ? text(value, 0, value.length()) : null;
	}

	/**
	 * Trimmed text of a value that is part of a line, or null for a null token: what
	 * {@link #text(String)} gives for {@code line.substring(from, to)}, with a string
	 * made only for a value that is not a null token. Whitespace is what
	 * {@link String#strip()} takes off.
	 * @param line the line, or null for a value that is absent
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return the cleaned text or null
	 */
	public static String text(String line, int from, int to) {
		if (line == null) {
			return null;
		}
		int start = stripStart(line, from, to);
		int end = stripEnd(line, start, to);
		return isStrippedNullToken(line, start, end) ? null : line.substring(start, end);
	}

	/**
	 * Where a value starts once stripped as {@link String#strip()} strips.
	 * @param line the line
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return the index of its first character that is not whitespace, or {@code to}
	 */
	public static int stripStart(String line, int from, int to) {
		int start = from;
		while (start < to && Character.isWhitespace(line.charAt(start))) {
			start++;
		}
		return start;
	}

	/**
	 * Where a value ends once stripped as {@link String#strip()} strips.
	 * @param line the line
	 * @param start the value's start, already stripped
	 * @param to the index after its last character
	 * @return the index after its last character that is not whitespace, or {@code start}
	 */
	public static int stripEnd(String line, int start, int to) {
		int end = to;
		while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	/**
	 * A code trimmed and upper-cased, or null when blank or {@code N/A} ({@code b6} is
	 * the code {@code B6}).
	 * @param value the raw value
	 * @return the cleaned code or null
	 */
	public static String code(String value) {
		return upperCase(codeText(value));
	}

	/**
	 * A code trimmed, its letter case kept (as {@code APPL_CODE} and charges keep it), or
	 * null when blank or {@code N/A}.
	 * @param value the raw value
	 * @return the trimmed code or null
	 */
	public static String codeText(String value) {
		if (value == null) {
			return null;
		}
		int start = stripStart(value, 0, value.length());
		int end = stripEnd(value, start, value.length());
		return isStrippedNullCode(value, start, end) ? null : value.substring(start, end);
	}

	/**
	 * Cleaned text upper-cased, as codes are.
	 * @param text the cleaned text, possibly null
	 * @return the code, or null for null
	 */
	public static String upperCase(String text) {
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * Parses a date that is part of a line: {@code YYYY-MM-DD}, optionally followed by a
	 * time ({@code 2024-09-12 00:00:00.000}) as {@link #isDateShaped} allows, padding and
	 * null tokens allowed.
	 * @param line the line, or null for a value that is absent
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return the date, or null when the value is a null token or not a valid date
	 */
	public static LocalDate date(String line, int from, int to) {
		if (line == null) {
			return null;
		}
		int start = stripStart(line, from, to);
		int end = stripEnd(line, start, to);
		if (end - start < 10 || line.charAt(start + 4) != '-' || line.charAt(start + 7) != '-'
				|| !isTimeShaped(line, start + 10, end)) {
			// Null tokens are shorter than a date; the digits are checked as they are
			// read.
			return null;
		}
		int year = digits(line, start, start + 4);
		int month = digits(line, start + 5, start + 7);
		int day = digits(line, start + 8, start + 10);
		if (year < 1 || month < 0 || day < 0) {
			// Year 0000 is no date PostgreSQL accepts.
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Whether characters already stripped have the shape of an EOIR date:
	 * {@code YYYY-MM-DD}, optionally followed by {@code ' '} or {@code T} and
	 * {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.} and 1 to 9 digits (whether the
	 * day exists is not asked).
	 * @param line the line
	 * @param start the index of the value's first character
	 * @param end the index after its last
	 * @return true for a value of that shape
	 */
	public static boolean isDateShaped(String line, int start, int end) {
		return end - start >= 10 && isDigits(line, start, 4) && line.charAt(start + 4) == '-'
				&& isDigits(line, start + 5, 2) && line.charAt(start + 7) == '-' && isDigits(line, start + 8, 2)
				&& isTimeShaped(line, start + 10, end);
	}

	/**
	 * Whether what follows a date's day is nothing, or {@code ' '} or {@code T} and
	 * {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.} and 1 to 9 digits.
	 */
	private static boolean isTimeShaped(String line, int from, int end) {
		int length = end - from;
		if (length == 0) {
			return true;
		}
		char separator = line.charAt(from);
		if ((separator != ' ' && separator != 'T') || (length != 6 && length != 9 && (length < 11 || length > 19))
				|| !isDigits(line, from + 1, 2) || line.charAt(from + 3) != ':' || !isDigits(line, from + 4, 2)) {
			return false;
		}
		if (length == 6) {
			return true;
		}
		if (line.charAt(from + 6) != ':' || !isDigits(line, from + 7, 2)) {
			return false;
		}
		return length == 9 || (line.charAt(from + 9) == '.' && isDigits(line, from + 10, length - 10));
	}

	/**
	 * Whether {@code count} characters from {@code from} are ASCII digits.
	 * @param line the line
	 * @param from the index of the first
	 * @param count how many
	 * @return true when they all are
	 */
	public static boolean isDigits(String line, int from, int count) {
		for (int i = from; i < from + count; i++) {
			char c = line.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Parses an integer identifier.
	 * @param value the cleaned, non-null value
	 * @return the number, or null when the value is not an integer
	 */
	public static Long integer(String value) {
		return integer(value, 0, value.length());
	}

	/**
	 * Parses an integer identifier that is part of a line, as {@link #integer(String)}
	 * parses {@code line.substring(from, to)}.
	 * @param line the line
	 * @param from the index of the value's first character, after its padding
	 * @param to the index after its last
	 * @return the number, or null when the value is not an integer
	 */
	private static Long integer(String line, int from, int to) {
		int length = to - from;
		if (length == 0 || length > 18) {
			return null;
		}
		long result = 0;
		int start = (line.charAt(from) == '-') ? from + 1 : from;
		if (start == to) {
			return null;
		}
		for (int i = start; i < to; i++) {
			char c = line.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			result = result * 10 + (c - '0');
		}
		return (start > from) ? -result : result;
	}

	/**
	 * A key that is part of a line: trimmed, then parsed as by {@link #integer(String)}.
	 * @param line the line, or null for a value that is absent
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return the key, or null when the value is a null token or not an integer
	 */
	public static Long key(String line, int from, int to) {
		if (line == null) {
			return null;
		}
		int start = stripStart(line, from, to);
		int end = stripEnd(line, start, to);
		return isStrippedNullToken(line, start, end) ? null : integer(line, start, end);
	}

	private static int digits(String text, int from, int to) {
		int result = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

}
