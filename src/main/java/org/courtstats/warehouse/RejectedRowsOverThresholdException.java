package org.courtstats.warehouse;

/**
 * A release was held back because a table rejected more of its rows than the threshold
 * allows; the message names the table, the counts and the threshold.
 */
public class RejectedRowsOverThresholdException extends RuntimeException {

	public RejectedRowsOverThresholdException(String message) {
		super(message);
	}

}
