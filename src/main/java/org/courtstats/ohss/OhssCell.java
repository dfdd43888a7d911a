package org.courtstats.ohss;

import java.math.BigDecimal;

/**
 * One published cell of an OHSS table in long form, the grain of
 * {@code fct_border_statistic} (without the edition, which the caller knows).
 *
 * @param tableName the sheet's name, such as {@code CBP SWB Book-Outs by Agency}
 * @param fiscalYear the fiscal year (October to September), {@code 2024} for
 * {@code 2024 YTD}
 * @param fiscalMonth 1 (October) to 12 (September), or {@code null} on a fiscal-year
 * total row
 * @param groupLabel the merged group header over the column ({@code Total CBP},
 * {@code USBP}), footnote digits stripped; {@code null} for a one-level table or a column
 * outside every group
 * @param measureLabel the column header, footnote digits stripped; in a table whose
 * column headers are citizenships, the table's measure taken from its title
 * ({@code CBP SW Border Encounters})
 * @param citizenshipLabel in a citizenship table, the citizenship as printed
 * ({@code Mexico}, and the totals and catch-alls {@code Total}, {@code Others},
 * {@code All Other}); {@code null} elsewhere
 * @param value the number, only when {@code status} is {@link ValueStatus#REPORTED}
 * @param status what the cell says
 * @param cellReference where the cell is in its sheet, such as {@code F52}
 */
public record OhssCell(String tableName, int fiscalYear, Integer fiscalMonth, String groupLabel, String measureLabel,
		String citizenshipLabel, BigDecimal value, ValueStatus status, String cellReference) implements OhssRecord {

	public OhssCell {
		if ((value != null) != (status == ValueStatus.REPORTED)) {
			throw new IllegalArgumentException(
					"A value is present exactly when the cell is reported: " + cellReference);
		}
	}

	/**
	 * The row of the cell in its sheet.
	 * @return the row number, 1 for the first row
	 */
	public int rowNumber() {
		int digits = 0;
		while (digits < this.cellReference.length() && !Character.isDigit(this.cellReference.charAt(digits))) {
			digits++;
		}
		return Integer.parseInt(this.cellReference.substring(digits));
	}

	public boolean isFiscalYearTotal() {
		return this.fiscalMonth == null;
	}

}
