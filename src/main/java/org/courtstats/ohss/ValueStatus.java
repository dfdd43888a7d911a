package org.courtstats.ohss;

/**
 * What a published OHSS cell says: a number, or one of the markers that stand in for one
 * (never read as zero).
 */
public enum ValueStatus {

	/** A number was published. */
	REPORTED("reported", null),

	/**
	 * {@code X}: the measure did not exist then (MPP outside its months, Title 42 before
	 * March 2020).
	 */
	NOT_APPLICABLE("not_applicable", "X"),

	/** {@code NA}: not available. */
	NOT_AVAILABLE("not_available", "NA"),

	/** {@code D}: withheld to limit disclosure. */
	WITHHELD("withheld", "D"),

	/**
	 * {@code -}: printed as a dash, which DHS uses for zero; kept apart from a numeric 0.
	 */
	ZERO_DASH("zero_dash", "-");

	private final String code;

	private final String marker;

	ValueStatus(String code, String marker) {
		this.code = code;
		this.marker = marker;
	}

	/**
	 * The value stored in the warehouse's {@code value_status}.
	 * @return the code, such as {@code not_applicable}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The marker printed in the table.
	 * @return the marker, or {@code null} for {@link #REPORTED}
	 */
	public String marker() {
		return this.marker;
	}

	/**
	 * The status a warehouse {@code value_status} names.
	 * @param code the code, such as {@code not_applicable}
	 * @return the status, or {@code null} for an unknown code
	 */
	public static ValueStatus ofCode(String code) {
		for (ValueStatus status : values()) {
			if (status.code.equals(code)) {
				return status;
			}
		}
		return null;
	}

	/**
	 * The status a marker stands for. The en dash counts as the dash.
	 * @param text the trimmed cell text
	 * @return the status, or {@code null} if the text is not a marker
	 */
	static ValueStatus ofMarker(String text) {
		for (ValueStatus status : values()) {
			if (status.marker != null && status.marker.equals(text)) {
				return status;
			}
		}
		return "\u2013".equals(text) ? ZERO_DASH : null;
	}

}
