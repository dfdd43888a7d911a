package org.courtstats.warehouse;

/**
 * The warehouse database cannot be reached or started; the message says what to do.
 */
public class WarehouseUnavailableException extends RuntimeException {

	public WarehouseUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
