package org.courtstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.courtstats.intake.FileFailures;
import org.courtstats.nightly.InvalidSettingException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses to start when the log cannot be written, before the logging system is set up:
 * Logback, finding its file appender cannot open the file, prints every status of its
 * configuration with stack traces (over a hundred lines) ahead of the one line that says
 * what to fix.
 */
final class LogFolderCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The setting, as an operator writes it. */
	static final String SETTING = "courtstats.log-dir";

	/** The log file within the folder, as {@code logback-spring.xml} names it. */
	private static final String LOG_FILE = "courtstats.log";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		try {
			check(event.getEnvironment().getProperty(SETTING, "./data/logs"));
		}
		catch (InvalidSettingException ex) {
			// The command prints the one line; Spring Boot would log the failure with its
			// stack trace to the console, the logging system not being set up.
			LoggingSystem.get(event.getSpringApplication().getClassLoader())
				.setLogLevel(SpringApplication.class.getName(), LogLevel.OFF);
			throw ex;
		}
	}

	/**
	 * Creates the log folder if need be and opens its log file for appending, as the
	 * logging system will.
	 * @param folder the value of {@code courtstats.log-dir}
	 * @throws InvalidSettingException when either cannot be done
	 */
	static void check(String folder) {
		try {
			Path log = Files.createDirectories(Path.of(folder)).resolve(LOG_FILE);
			Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
		}
		catch (IOException | InvalidPathException ex) {
			throw unwritable(FileFailures.reason(ex), ex);
		}
	}

	/**
	 * The usage error of a log that cannot be written, found here or by the logging
	 * system itself.
	 * @param reason what went wrong, with the path
	 * @param cause the failure
	 * @return the error, naming the setting
	 */
	static InvalidSettingException unwritable(String reason, Throwable cause) {
		return new InvalidSettingException("The log cannot be written (" + SETTING + ", COURTSTATS_LOG_DIR): "
				+ reason.replaceAll("\\.$", "") + ". Set it to a folder the user running courtstats may write.", cause);
	}

	/**
	 * Just before the logging system reads its settings, after the configuration files
	 * have been read.
	 */
	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER - 1;
	}

}
