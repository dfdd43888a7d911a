package org.courtstats.warehouse;

/**
 * A data-quality check failed, so the release is held back; the message names the check.
 */
public class WarehouseCheckException extends RuntimeException {

	public WarehouseCheckException(String message) {
		super(message);
	}

}
