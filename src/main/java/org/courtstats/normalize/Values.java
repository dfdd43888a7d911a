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
		return isStrippedNullToken(value.strip());
	}

	private static boolean isStrippedNullToken(String stripped) {
		// Called for every value of every row: most values are settled by their length.
		// The tokens' letters compared by hand: equalsIgnoreCase cost more than all the
		// rest.
		return switch (stripped.length()) {
			case 0 -> true;
			case 2 -> stripped.charAt(1) == '6' && (stripped.charAt(0) | 0x20) == 'b';
			case 3 ->
				stripped.charAt(1) == '/' && (stripped.charAt(0) | 0x20) == 'n' && (stripped.charAt(2) | 0x20) == 'a';
			default -> false;
		};
	}

	/**
	 * Trimmed text, or null for a null token.
	 * @param value the raw value
	 * @return the cleaned text or null
	 */
	public static String text(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return isStrippedNullToken(stripped) ? null : stripped;
	}

	/**
	 * A code trimmed and upper-cased, or null for a null token.
	 * @param value the raw value
	 * @return the cleaned code or null
	 */
	public static String code(String value) {
		String text = text(value);
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * The raw value of a code when cleaning changed more than its padding, else null.
	 * @param value the raw value
	 * @param code the cleaned code
	 * @return the raw value worth keeping, or null
	 */
	public static String rawIfChanged(String value, String code) {
		if (value == null || code == null) {
			return null;
		}
		return value.strip().equals(code) ? null : value;
	}

	/**
	 * Parses {@code YYYY-MM-DD}, optionally followed by a time
	 * ({@code 2024-09-12 00:00:00.000}).
	 * @param value the raw value
	 * @return the date, or null when the value is a null token or not a valid date
	 */
	public static LocalDate date(String value) {
		String text = text(value);
		if (text == null || text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| (text.length() > 10 && text.charAt(10) != ' ' && text.charAt(10) != 'T')) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
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
	 * Parses an integer identifier.
	 * @param value the cleaned, non-null value
	 * @return the number, or null when the value is not an integer
	 */
	public static Long integer(String value) {
		if (value.isEmpty() || value.length() > 18) {
			return null;
		}
		long result = 0;
		int start = (value.charAt(0) == '-') ? 1 : 0;
		if (start == value.length()) {
			return null;
		}
		for (int i = start; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			result = result * 10 + (c - '0');
		}
		return (start == 1) ? -result : result;
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
