package org.courtstats.eoir;

/**
 * One data line of an EOIR file, split on tabs, with the header it is read against.
 *
 * @param lineNumber line number in the file, the header being line 1
 * @param text the line with control characters removed
 * @param fields the tab-separated fields
 * @param header the file's header
 */
public record EoirLine(long lineNumber, String text, String[] fields, EoirHeader header) {

	boolean isBlank() {
		return this.text.isBlank();
	}

}
