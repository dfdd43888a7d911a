package org.courtstats.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the as-of date out of a release label: {@code EOIR Case Data 2026-0401} (EOIR's
 * own naming) or an ISO date such as {@code 2026-04-01}.
 */
public final class ReleaseLabels {

	private static final Pattern EOIR_STYLE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})(\\d{2})(?!\\d)");

	private static final Pattern ISO_STYLE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

	private ReleaseLabels() {
	}

	/**
	 * Why a label gives no as-of date, as a message says it of the release.
	 * @param label a label whose {@link #asOfDate} is null
	 * @return "carries no as-of date in its name", or that the date in its name does not
	 * exist
	 */
	public static String whyNoDate(String label) {
		for (Pattern pattern : new Pattern[] { EOIR_STYLE, ISO_STYLE }) {
			Matcher matcher = pattern.matcher(label);
			if (matcher.find()) {
				return "has a date in its name that does not exist ('" + matcher.group() + "')";
			}
		}
		return "carries no as-of date in its name";
	}

	/**
	 * The as-of date of a release label.
	 * @param label the label
	 * @return the date, or null when the label carries no valid date
	 */
	public static LocalDate asOfDate(String label) {
		for (Pattern pattern : new Pattern[] { EOIR_STYLE, ISO_STYLE }) {
			Matcher matcher = pattern.matcher(label);
			if (matcher.find()) {
				try {
					return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
							Integer.parseInt(matcher.group(3)));
				}
				catch (DateTimeException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
