package org.courtstats.warehouse;

/**
 * Another load holds the run lock of the warehouse.
 */
public class RunLockException extends RuntimeException {

	public RunLockException(String message) {
		super(message);
	}

}
