package org.courtstats.nightly;

/**
 * A setting whose value the program cannot use, named with its value and what it takes: a
 * usage error the operator fixes in the settings, not a failure of the warehouse.
 */
public class InvalidSettingException extends IllegalArgumentException {

	public InvalidSettingException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Refuses a value out of a setting's range.
	 * @param name the setting, as an operator writes it
	 * @param value its value
	 * @param valid whether the value is in range
	 * @param takes what the setting takes
	 * @throws InvalidSettingException when the value is not in range
	 */
	static void require(String name, Object value, boolean valid, String takes) {
		if (!valid) {
			throw new InvalidSettingException("The setting " + name + " is '" + value + "': it takes " + takes
					+ ". Fix it, then run the command again.", null);
		}
	}

}
