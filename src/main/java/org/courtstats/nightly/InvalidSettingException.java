package org.courtstats.nightly;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

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
			String origin = origin(name, System::getProperty, System::getenv);
			throw new InvalidSettingException(
					"The setting " + name + " is '" + value + "'" + ((origin != null) ? " (from " + origin + ")" : "")
							+ ": it takes " + takes + ". Fix it, then run the command again.",
					null);
		}
	}

	/**
	 * Where a setting's value came from, when it is a system property or an environment
	 * variable (in the order Spring reads them); a value from a settings file is found
	 * there.
	 * @param name the setting, as an operator writes it
	 * @param properties the system properties
	 * @param environment the environment variables
	 * @return {@code -D<name>}, {@code environment variable <NAME>}, or null
	 */
	static String origin(String name, UnaryOperator<String> properties, UnaryOperator<String> environment) {
		if (properties.apply(name) != null) {
			return "-D" + name;
		}
		// Spring's names for it: dots to underscores, dashes dropped or, in the older
		// form, to underscores.
		String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
		for (String variable : List.of(upper.replace("-", ""), upper.replace('-', '_'))) {
			if (environment.apply(variable) != null) {
				return "environment variable " + variable;
			}
		}
		return null;
	}

}
