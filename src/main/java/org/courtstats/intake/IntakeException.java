package org.courtstats.intake;

/**
 * A delivery that cannot be taken in; the message names the path and what to do.
 */
public class IntakeException extends RuntimeException {

	public IntakeException(String message) {
		super(message);
	}

	public IntakeException(String message, Throwable cause) {
		super(message, cause);
	}

}
