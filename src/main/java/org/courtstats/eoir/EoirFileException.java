package org.courtstats.eoir;

/**
 * A file of an EOIR release that cannot be read as a whole (no header, a required column
 * missing). The message names the file and line, what was expected and what to do.
 */
public class EoirFileException extends RuntimeException {

	public EoirFileException(String message) {
		super(message);
	}

	public EoirFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
