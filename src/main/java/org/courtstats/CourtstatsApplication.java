package org.courtstats;

import org.courtstats.cli.CourtstatsCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: the command line decides which commands need the Spring context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CourtstatsApplication {

	public static void main(String[] args) {
		System.exit(CourtstatsCommand.execute(args));
	}

}
