package org.courtstats.spreadsheet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One non-empty cell as stored: a number (numeric cell) or text (shared, inline, formula
 * string, boolean or error cell), so that {@code 2014} and {@code "2024 YTD"} stay apart.
 *
 * @param text the text, or {@code null} for a number
 * @param number the number, or {@code null} for text
 */
public record CellValue(String text, BigDecimal number) {

	public CellValue {
		if ((text == null) == (number == null)) {
			throw new IllegalArgumentException("A cell holds either text or a number");
		}
	}

	public static CellValue text(String text) {
		return new CellValue(Objects.requireNonNull(text), null);
	}

	public static CellValue number(BigDecimal number) {
		return new CellValue(null, Objects.requireNonNull(number));
	}

	public boolean isNumber() {
		return this.number != null;
	}

	/**
	 * The cell as a person reads it: the text, or the number without trailing zeros.
	 * @return the display text
	 */
	public String display() {
		return isNumber() ? this.number.stripTrailingZeros().toPlainString() : this.text;
	}

}
