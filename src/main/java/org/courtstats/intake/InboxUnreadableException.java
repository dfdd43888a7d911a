package org.courtstats.intake;

/**
 * The inbox itself cannot be listed: nothing in it can be taken in.
 */
public class InboxUnreadableException extends IntakeException {

	public InboxUnreadableException(String message, Throwable cause) {
		super(message, cause);
	}

}
