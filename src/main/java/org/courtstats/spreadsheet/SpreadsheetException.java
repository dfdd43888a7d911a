package org.courtstats.spreadsheet;

/**
 * A workbook that cannot be read: missing, corrupt, encrypted, a zip bomb, or a sheet
 * that breaks off. The message names the file (and the sheet) and says what to do.
 */
public class SpreadsheetException extends RuntimeException {

	public SpreadsheetException(String message) {
		super(message);
	}

	public SpreadsheetException(String message, Throwable cause) {
		super(message, cause);
	}

}
