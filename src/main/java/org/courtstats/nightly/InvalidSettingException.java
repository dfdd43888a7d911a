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

	/** The message up to the value, after which its origin is named. */
	private final String head;

	/** The message after the value. */
	private final String tail;

	public InvalidSettingException(String message, Throwable cause) {
		super(message, cause);
		this.setting = null;
		this.head = null;
		this.tail = null;
	}

	private InvalidSettingException(String setting, String head, String origin, String tail, Throwable cause) {
		super(head + ((origin != null) ? " (from " + origin + ")" : "") + tail, cause);
		this.setting = setting;
		this.head = head;
		this.tail = tail;
	}

	/**
	 * Refuses a setting's value for a reason of its own.
	 * @param name the setting, as an operator writes it
	 * @param value its value
	 * @param why why it is refused and what to do, following the value (", which is not a
	 * cron expression: ...")
	 * @param cause the failure that showed it, or null
	 * @return the refusal, which names where the value came from once told
	 */
	public static InvalidSettingException refused(String name, Object value, String why, Throwable cause) {
		return new InvalidSettingException(name, name + " is '" + value + "'", null, why, cause);
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
			throw new InvalidSettingException(name, "The setting " + name + " is '" + value + "'", null,
					": it takes " + takes + ". Fix it, then run the command again.", null);
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
		return (this.setting != null)
				? new InvalidSettingException(this.setting, this.head, origin, this.tail, getCause()) : this;
	}

}
