package org.courtstats.cli;

import org.courtstats.CourtstatsApplication;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context: connects to (or starts) the warehouse and migrates it.
 */
final class Warehouse {

	private Warehouse() {
	}

	static ConfigurableApplicationContext open() {
		return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run();
	}

}
