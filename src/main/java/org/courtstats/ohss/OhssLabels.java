package org.courtstats.ohss;

import java.time.Month;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording OHSS tables use: titles ending in the as-of month, footnote digits glued to
 * headers, fiscal-year labels and month names.
 */
final class OhssLabels {

	private static final Pattern AS_OF = Pattern.compile("\\(\\s*([A-Za-z]+)\\s+(\\d{4})\\s*\\)\\s*$");

	// A footnote number glued to a word or a closing parenthesis: "Single Adults1",
	// "Accompanied Minors (OFO)4"; "Title 42" and "I-134" keep their numbers.
	private static final Pattern FOOTNOTE = Pattern.compile("(?<=[\\p{L})])\\d{1,2}$");

	private static final Pattern FISCAL_YEAR = Pattern.compile("(\\d{4})(?:\\s+YTD)?", Pattern.CASE_INSENSITIVE);

	private static final Pattern CITIZENSHIP = Pattern.compile("\\bcitizenships?\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern CITIZENSHIP_SHEET = Pattern.compile("\\b(citizenship|citp|citizens)\\s*$",
			Pattern.CASE_INSENSITIVE);

	// Tables whose columns are citizenships though neither their sheet's name nor their
	// title says so: the CBP One appointments, by the nationality of those who made them
	// (Cuba, Venezuela, ... Other).
	private static final Pattern UNNAMED_CITIZENSHIP_SUBJECT = Pattern.compile("cbp one appointments",
			Pattern.CASE_INSENSITIVE);

	private OhssLabels() {
	}

	/** Collapses runs of white space (line breaks, tabs) and trims. */
	static String clean(String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").strip() : null;
	}

	static String stripFootnote(String header) {
		String cleaned = clean(header);
		return (cleaned != null) ? FOOTNOTE.matcher(cleaned).replaceFirst("").strip() : null;
	}

	/**
	 * The as-of month a title ends with: {@code "… YTD (August 2024)"}.
	 * @return the month, or {@code null} when the title does not end with one
	 */
	static YearMonth asOfMonth(String title) {
		Matcher matcher = AS_OF.matcher(clean(title));
		if (!matcher.find()) {
			return null;
		}
		for (Month month : Month.values()) {
			if (month.name().equalsIgnoreCase(matcher.group(1))) {
				return YearMonth.of(Integer.parseInt(matcher.group(2)), month);
			}
		}
		return null;
	}

	/** What the table counts and by what: the title before its year range. */
	static String subject(String title) {
		String cleaned = clean(title);
		int colon = cleaned.indexOf(':');
		return (colon >= 0) ? cleaned.substring(0, colon).strip() : AS_OF.matcher(cleaned).replaceFirst("").strip();
	}

	/** What the table counts: {@code "CBP SW Border Encounters"}. */
	static String measure(String subject) {
		int by = subject.lastIndexOf(" by ");
		return (by >= 0) ? subject.substring(0, by).strip() : subject;
	}

	/**
	 * What the table breaks its counts down by, outermost first: [Agency, Selected
	 * Citizenship].
	 */
	static List<String> breakdowns(String subject) {
		int by = subject.lastIndexOf(" by ");
		if (by < 0) {
			return List.of();
		}
		return Arrays.stream(subject.substring(by + 4).split(" and ")).map(String::strip).toList();
	}

	static boolean namesCitizenship(String text) {
		return CITIZENSHIP.matcher(text).find();
	}

	static boolean isCitizenshipSheet(String sheetName) {
		return CITIZENSHIP_SHEET.matcher(sheetName.strip()).find();
	}

	/**
	 * Whether a table's columns are citizenships: its sheet's name or its title says so,
	 * or it is one of the tables known to count by citizenship without saying so.
	 * @param sheetName the sheet's name
	 * @param subject the title before its year range
	 */
	static boolean isCitizenshipTable(String sheetName, String subject) {
		return isCitizenshipSheet(sheetName) || namesCitizenship(subject)
				|| UNNAMED_CITIZENSHIP_SUBJECT.matcher(subject).matches();
	}

	/**
	 * The fiscal year a year label names: {@code 2024} for {@code "2024 YTD"}.
	 * @return the year, or {@code null}
	 */
	static Integer fiscalYear(String label) {
		Matcher matcher = FISCAL_YEAR.matcher(clean(label));
		return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
	}

	/**
	 * The fiscal month of a month name: October is 1, September is 12.
	 * @return the month, or {@code null} when the text is no month name
	 */
	static Integer fiscalMonth(String name) {
		String cleaned = clean(name);
		for (Month month : Month.values()) {
			if (month.name().equals(cleaned.toUpperCase(Locale.ROOT))) {
				return (month.getValue() + 2) % 12 + 1;
			}
		}
		return null;
	}

}
