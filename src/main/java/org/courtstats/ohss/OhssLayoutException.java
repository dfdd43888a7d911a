package org.courtstats.ohss;

/**
 * A sheet of an OHSS edition laid out in a way the reader does not recognise (no
 * {@code Fiscal Year} header row, no as-of month in the title, an unknown marker). The
 * message names the file, the sheet and the cell; the other sheets still read.
 */
public class OhssLayoutException extends RuntimeException {

	private final String sheetName;

	public OhssLayoutException(String sheetName, String message) {
		super(message);
		this.sheetName = sheetName;
	}

	public String sheetName() {
		return this.sheetName;
	}

}
