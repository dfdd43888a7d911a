package org.courtstats.warehouse;

/**
 * A data-quality check failed, so the release is held back; the message names the check.
 */
public class WarehouseCheckException extends RuntimeException {

	private final String findings;

	public WarehouseCheckException(String message, String findings) {
		super(message);
		this.findings = findings;
	}

	/**
	 * What held the release back, without advice: each failed check with its offending
	 * rows.
	 * @return the findings
	 */
	public String findings() {
		return this.findings;
	}

}
