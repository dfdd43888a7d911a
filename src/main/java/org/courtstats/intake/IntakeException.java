package org.courtstats.intake;

import java.io.EOFException;
import java.util.zip.ZipException;

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
	 * A delivered file or folder the loader could not read, with what to do: obtain it
	 * again when its bytes are damaged (a corrupt zip, a stream cut short), which reading
	 * again would find the same; otherwise check that it is there and readable.
	 * @param location the file or folder
	 * @param cause why
	 * @return the exception
	 */
	static IntakeException unreadable(Object location, Throwable cause) {
		String message = location + " cannot be read: "
				+ ((cause instanceof Exception ex) ? FileFailures.reason(ex) : cause.getMessage());
		if (cause instanceof ZipException || cause instanceof EOFException) {
			return new IntakeException(message + ". The delivery is damaged: obtain it again from its publisher.",
					cause);
		}
		return new IntakeException(message + ". Check that it is there and that the loader's user may read it (its "
				+ "permissions, a mount that went away), then run the load again.", cause);
	}

}
