package org.courtstats.spreadsheet;

import java.util.Comparator;
import java.util.Locale;

/**
 * Column letters and their 0-based positions ({@code A} = 0, {@code AA} = 26).
 */
public final class Columns {

	/** Orders column letters as Excel does: {@code Z} before {@code AA}. */
	public static final Comparator<String> ORDER = Comparator.comparingInt(Columns::index);

	private Columns() {
	}

	/**
	 * The 0-based position of a column.
	 * @param letters column letters, such as {@code AA}
	 * @return the position
	 */
	public static int index(String letters) {
		String upper = letters.toUpperCase(Locale.ROOT);
		if (upper.isEmpty()) {
			throw new IllegalArgumentException("Not a column: " + letters);
		}
		int index = 0;
		for (int i = 0; i < upper.length(); i++) {
			char c = upper.charAt(i);
			if (c < 'A' || c > 'Z') {
				throw new IllegalArgumentException("Not a column: " + letters);
			}
			index = index * 26 + (c - 'A' + 1);
		}
		return index - 1;
	}

	/**
	 * The letters of a column.
	 * @param index the 0-based position
	 * @return the letters, such as {@code AA}
	 */
	public static String name(int index) {
		if (index < 0) {
			throw new IllegalArgumentException("Not a column position: " + index);
		}
		StringBuilder letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

}
