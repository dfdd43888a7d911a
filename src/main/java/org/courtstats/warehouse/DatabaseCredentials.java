package org.courtstats.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * The password the loader connects with: from {@code COURTSTATS_DB_PASSWORD}, or read
 * from the file {@code COURTSTATS_DB_PASSWORD_FILE} names (a Docker or Kubernetes
 * secret), never from the JDBC URL, so that the URL can be printed.
 */
public final class DatabaseCredentials {

	private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=");

	private DatabaseCredentials() {
	}

	/**
	 * The password of the configured server.
	 * @param settings the warehouse settings
	 * @return the password, or null when none is set
	 * @throws IllegalArgumentException when the URL holds a password, both a password and
	 * a file are set, or the file cannot be read
	 */
	static String password(WarehouseSettings settings) {
		if (settings.url() != null && PASSWORD_IN_URL.matcher(settings.url()).find()) {
			throw new IllegalArgumentException("The database URL (COURTSTATS_DB_URL) holds a password parameter. "
					+ "Take it out of the URL and set COURTSTATS_DB_PASSWORD or COURTSTATS_DB_PASSWORD_FILE instead, "
					+ "so that the URL can be shown in messages and logs.");
		}
		return password(settings.password(), settings.passwordFile());
	}

	/**
	 * A password given as itself or as a file holding it, as
	 * {@code COURTSTATS_DB_PASSWORD} and {@code COURTSTATS_DB_PASSWORD_FILE} give it.
	 * @param password the password, or null
	 * @param passwordFile the file holding it, or null
	 * @return the password, or null when neither is set
	 * @throws IllegalArgumentException when both are set, or the file cannot be read or
	 * is empty
	 */
	public static String password(String password, String passwordFile) {
		if (!StringUtils.hasText(passwordFile)) {
			return StringUtils.hasLength(password) ? password : null;
		}
		Path file = Path.of(passwordFile);
		if (StringUtils.hasLength(password)) {
			throw new IllegalArgumentException("Both COURTSTATS_DB_PASSWORD and COURTSTATS_DB_PASSWORD_FILE ("
					+ file.toAbsolutePath() + ") are set. Set one of them.");
		}
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException | SecurityException ex) {
			throw new IllegalArgumentException("Cannot read the database password file " + file.toAbsolutePath()
					+ " (COURTSTATS_DB_PASSWORD_FILE, courtstats.database.password-file): "
					+ ((ex.getMessage() != null && !ex.getMessage().equals(file.toString()))
							? ex.getClass().getSimpleName() + ": " + ex.getMessage() : ex.getClass().getSimpleName())
					+ ". Check that the file exists and that the user running courtstats may read it.");
		}
		// Editors and `echo` end the file with a newline that is no part of the password.
		String read = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
				: content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
		if (read.isEmpty()) {
			throw new IllegalArgumentException("The database password file " + file.toAbsolutePath()
					+ " (COURTSTATS_DB_PASSWORD_FILE) is empty. Write the password into it.");
		}
		return read;
	}

}
