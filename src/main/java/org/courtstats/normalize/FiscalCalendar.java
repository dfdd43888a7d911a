package org.courtstats.normalize;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The US federal fiscal calendar as the statistics publish it: fiscal year labels such as
 * {@code 2026 (FYTD)} and month abbreviations {@code OCT} to {@code SEP}, where fiscal
 * year N starts on 1 October of year N-1.
 */
public final class FiscalCalendar {

	private static final List<String> MONTHS = List.of("OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
			"JUL", "AUG", "SEP");

	private FiscalCalendar() {
	}

	/**
	 * The fiscal year a label names: its first run of digits, which must be four long and
	 * within 1900 to 2099 ({@code 2021}, {@code 2026 (FYTD)}, {@code FY2024}).
	 * @param label the raw label, possibly null
	 * @return the fiscal year, or null when the label holds no such year
	 */
	public static Integer fiscalYear(String label) {
		if (label == null) {
			return null;
		}
		int start = 0;
		while (start < label.length() && !isDigit(label.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < label.length() && isDigit(label.charAt(end))) {
			end++;
		}
		if (end - start != 4) {
			return null;
		}
		int year = Integer.parseInt(label.substring(start, end));
		return (year >= 1900 && year <= 2099) ? year : null;
	}

	/**
	 * The month of the fiscal year a three-letter abbreviation names, trimmed and in any
	 * case.
	 * @param abbreviation {@code OCT} to {@code SEP}, possibly null
	 * @return 1 for October to 12 for September, or 0 when the text names no month
	 */
	public static int fiscalMonth(String abbreviation) {
		if (abbreviation == null) {
			return 0;
		}
		return MONTHS.indexOf(abbreviation.strip().toUpperCase(Locale.ROOT)) + 1;
	}

	/**
	 * The first day of a month of a fiscal year: October to December fall in the calendar
	 * year before the fiscal year.
	 * @param fiscalYear the fiscal year
	 * @param fiscalMonth 1 for October to 12 for September
	 * @return the first day of that month
	 */
	public static LocalDate monthStart(int fiscalYear, int fiscalMonth) {
		if (fiscalMonth < 1 || fiscalMonth > 12) {
			throw new IllegalArgumentException("fiscal month " + fiscalMonth + " is not between 1 and 12");
		}
		return LocalDate.of(fiscalYear - 1, 10, 1).plusMonths(fiscalMonth - 1);
	}

	/**
	 * The US federal fiscal year a date falls in: FY2019 runs 2018-10-01 to 2019-09-30.
	 * @param date the date
	 * @return its fiscal year
	 */
	public static int fiscalYearOf(LocalDate date) {
		return date.plusMonths(3).getYear();
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
