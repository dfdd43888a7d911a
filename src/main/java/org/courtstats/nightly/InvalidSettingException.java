package org.courtstats.nightly;

import java.util.Optional;

/**
 * A setting whose value the program cannot use, named with its value and what it takes: a
 * usage error the operator fixes in the settings, not a failure of the warehouse.
 */
public class InvalidSettingException extends IllegalArgumentException {

	/**
	 * The setting refused for its value, or null when the message is not about one value.
	 */
	private final String setting;

	private final String value;

	private final String takes;

	public InvalidSettingException(String message, Throwable cause) {
		super(message, cause);
		this.setting = null;
		this.value = null;
		this.takes = null;
	}

	private InvalidSettingException(String setting, String value, String takes, String origin) {
		super("The setting " + setting + " is '" + value + "'" + ((origin != null) ? " (from " + origin + ")" : "")
				+ ": it takes " + takes + ". Fix it, then run the command again.", null);
		this.setting = setting;
		this.value = value;
		this.takes = takes;
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
			throw new InvalidSettingException(name, String.valueOf(value), takes, null);
		}
	}

	/**
	 * The setting whose value this refuses, for the command that knows where settings
	 * came from to name it.
	 * @return the setting, as an operator writes it; empty when the refusal is not about
	 * one setting's value
	 */
	public Optional<String> setting() {
		return Optional.ofNullable(this.setting);
	}

	/**
	 * The same refusal, naming where the value came from.
	 * @param origin where the value came from ({@code -D<name>}, an environment variable,
	 * a settings file and line)
	 * @return the refusal naming it, or this one when it is not about one setting's value
	 */
	public InvalidSettingException from(String origin) {
		return (this.setting != null) ? new InvalidSettingException(this.setting, this.value, this.takes, origin)
				: this;
	}

}
