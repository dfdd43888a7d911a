package org.courtstats.pull;

/**
 * A source could not be fetched or its file failed verification; the message names the
 * source, the address and what to do.
 */
public class PullException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	PullException(String message) {
		super(message);
	}

	PullException(String message, Throwable cause) {
		super(message, cause);
	}

}
