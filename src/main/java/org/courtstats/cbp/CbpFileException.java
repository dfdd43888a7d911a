package org.courtstats.cbp;

/**
 * A CBP encounter file that cannot be read as a whole (empty, a required column missing,
 * broken quoting). The message names the file and line, what was expected and what to do.
 */
public class CbpFileException extends RuntimeException {

	public CbpFileException(String message) {
		super(message);
	}

	public CbpFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
