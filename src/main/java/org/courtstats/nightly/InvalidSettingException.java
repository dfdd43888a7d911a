package org.courtstats.nightly;

/**
 * A setting whose value the program cannot use, named with its value and what it takes: a
 * usage error the operator fixes in the settings, not a failure of the warehouse.
 */
public class InvalidSettingException extends IllegalArgumentException {

	public InvalidSettingException(String message, Throwable cause) {
		super(message, cause);
	}

}
