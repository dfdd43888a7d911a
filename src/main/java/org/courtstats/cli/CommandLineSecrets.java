package org.courtstats.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Refuses a database password given on the command line, as an argument or a {@code -D}
 * system property: every user of the machine reads it in the process list, and shells
 * keep it in their history.
 */
final class CommandLineSecrets {

	/**
	 * Settings that hold the password itself, with dots, dashes and underscores removed,
	 * lower case: Spring binds any of them, and the placeholders of
	 * {@code application.yml} resolve system properties too.
	 */
	private static final List<String> PASSWORD_SETTINGS = List.of("courtstatsdatabasepassword", "courtstatsdbpassword",
			"springdatasourcepassword", "springflywaypassword");

	static final String USE_INSTEAD = "Set the environment variable COURTSTATS_DB_PASSWORD, or write the password "
			+ "into a file only the loader's user may read and set COURTSTATS_DB_PASSWORD_FILE to its path.";

	private CommandLineSecrets() {
	}

	/**
	 * Why the command line is refused, if it is.
	 * @param args the program's arguments
	 * @param systemProperties the JVM's system properties
	 * @return the message to print, naming the setting but never its value
	 */
	static Optional<String> refusal(String[] args, Properties systemProperties) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
					: (i + 1 < args.length) ? args[i + 1] : "";
			if (isPassword(name) || isPasswordOption(name) || (isApplicationJson(name) && mentionsPassword(value))) {
				return Optional.of("A password was given on the command line (" + name.strip()
						+ "), where every user of this machine can read it. " + USE_INSTEAD);
			}
		}
		for (String key : systemProperties.stringPropertyNames()) {
			if (isPassword(key) || (isApplicationJson(key) && mentionsPassword(systemProperties.getProperty(key)))) {
				return Optional.of("A password was given as the system property -D" + key
						+ ", where every user of this machine can read it in the process list. " + USE_INSTEAD);
			}
		}
		return Optional.empty();
	}

	/**
	 * Spring Boot reads settings from the JSON of {@code spring.application.json} too, so
	 * a password can hide in it.
	 */
	private static boolean isApplicationJson(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").endsWith("springapplicationjson");
	}

	private static boolean mentionsPassword(String value) {
		return value != null && value.toLowerCase(Locale.ROOT).contains("password");
	}

	/**
	 * An option named like a password ({@code --password}, {@code --db-passwd}): no
	 * command has one, and the usage error would print it back with its value.
	 */
	private static boolean isPasswordOption(String name) {
		String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return name.startsWith("-")
				&& (normalized.endsWith("password") || normalized.endsWith("passwd") || normalized.endsWith("pwd"));
	}

	private static boolean isPassword(String name) {
		String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		// An argument names a setting when it ends with one
		// (--courtstats.database.password, or -Dcourtstats.database.password passed
		// after the main class).
		return PASSWORD_SETTINGS.stream().anyMatch((setting) -> normalized.endsWith(setting));
	}

}
