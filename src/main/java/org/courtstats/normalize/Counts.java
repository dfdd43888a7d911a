package org.courtstats.normalize;

/**
 * Parses the whole-number counts of published statistics, which may carry thousands
 * separators ({@code 1,577}).
 */
public final class Counts {

	private static final int MAX_DIGITS = 18;

	private Counts() {
	}

	/**
	 * Parses a whole number, optionally signed, with or without thousands separators
	 * placed every three digits. The sign is kept so that a caller can tell a negative
	 * count from text that is no number at all.
	 * @param value the raw value, possibly null
	 * @return the number, or null when the value is blank or not a whole number
	 */
	public static Long parse(String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip();
		boolean negative = text.startsWith("-");
		String body = (negative || text.startsWith("+")) ? text.substring(1) : text;
		if (body.isEmpty() || !separatorsPlacedEveryThreeDigits(body)) {
			return null;
		}
		String digits = body.replace(",", "");
		if (digits.length() > MAX_DIGITS) {
			return null;
		}
		long result = 0;
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			result = result * 10 + (c - '0');
		}
		return negative ? -result : result;
	}

	private static boolean separatorsPlacedEveryThreeDigits(String body) {
		int comma = body.indexOf(',');
		if (comma < 0) {
			return true;
		}
		if (comma == 0 || comma > 3) {
			return false;
		}
		for (int i = comma; i < body.length(); i += 4) {
			if (body.charAt(i) != ',' || i + 4 > body.length()) {
				return false;
			}
		}
		return (body.length() - comma) % 4 == 0;
	}

}
