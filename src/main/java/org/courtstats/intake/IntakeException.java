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

	/**
	 * A delivered file or folder the loader could not read, with what to do.
	 * @param location the file or folder
	 * @param cause why
	 * @return the exception
	 */
	static IntakeException unreadable(Object location, Throwable cause) {
		return new IntakeException(location + " cannot be read: " + cause.getMessage() + ". Check that it is there "
				+ "and that the loader's user may read it (its permissions, a mount that went away), then run the "
				+ "load again.", cause);
	}

}
