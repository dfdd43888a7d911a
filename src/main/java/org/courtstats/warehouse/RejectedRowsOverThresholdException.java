package org.courtstats.warehouse;

/**
 * A release was held back because a table rejected more of its rows than the threshold
 * allows; the message names the table, the counts and the threshold.
 */
public class RejectedRowsOverThresholdException extends RuntimeException {

	private final String findings;

	private final String raisedShare;

	public RejectedRowsOverThresholdException(String message, String findings, String raisedShare) {
		super(message);
		this.findings = findings;
		this.raisedShare = raisedShare;
	}

	/**
	 * What held the release back, without advice: each table over the threshold with its
	 * counts, and the threshold.
	 * @return the findings
	 */
	public String findings() {
		return this.findings;
	}

	/**
	 * A threshold to suggest, written plainly.
	 * @return e.g. {@code 0.05}
	 */
	public String raisedShare() {
		return this.raisedShare;
	}

}
