package org.courtstats;

import ch.qos.logback.classic.Level;
import org.courtstats.cli.CourtstatsCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: the command line decides which commands need the Spring context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CourtstatsApplication {

	public static void main(String[] args) {
		quietOutsideTheContext();
		System.exit(CourtstatsCommand.execute(args));
	}

	/**
	 * Logs warnings and errors only until a command starts the Spring context, which
	 * configures logging from {@code logback-spring.xml}: without it logback prints every
	 * library's INFO and DEBUG lines, such as the embedded server's start and stop amid
	 * {@code bench}'s figures.
	 */
	static void quietOutsideTheContext() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
	}

}
