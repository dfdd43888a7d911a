package org.courtstats.cbp;

import java.util.Locale;

/**
 * A column the CBP encounter files may carry, found by its header name regardless of case
 * and spacing.
 */
public enum CbpColumn {

	FISCAL_YEAR("Fiscal Year"),

	MONTH_GROUPING("Month Grouping"),

	MONTH("Month (abbv)"),

	COMPONENT("Component"),

	LAND_BORDER_REGION("Land Border Region"),

	AREA_OF_RESPONSIBILITY("Area of Responsibility"),

	AOR_ABBV("AOR (Abbv)"),

	STATE("State"),

	DEMOGRAPHIC("Demographic"),

	CITIZENSHIP("Citizenship"),

	TITLE_OF_AUTHORITY("Title of Authority"),

	ENCOUNTER_TYPE("Encounter Type"),

	ENCOUNTER_COUNT("Encounter Count");

	private final String headerName;

	CbpColumn(String headerName) {
		this.headerName = headerName;
	}

	/**
	 * The column's name as CBP spells it.
	 * @return the header name
	 */
	public String headerName() {
		return this.headerName;
	}

	/**
	 * The form in which header names are compared: lower case, without any white space (a
	 * byte order mark counts as white space here).
	 * @param name a header name as delivered
	 * @return the comparable form
	 */
	static String key(String name) {
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
				key.append(c);
			}
		}
		return key.toString().toLowerCase(Locale.ROOT);
	}

}
