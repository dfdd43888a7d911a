package org.courtstats.cli;

import org.courtstats.CourtstatsApplication;
import org.courtstats.nightly.LoadFailures;
import org.courtstats.warehouse.WarehouseUnavailableException;

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
		try {
			return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.run();
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * The failure to start the application context, as the operator reads it.
	 */
	static WarehouseUnavailableException unavailable(RuntimeException ex) {
		WarehouseUnavailableException ours = find(ex);
		if (ours != null) {
			return ours;
		}
		return new WarehouseUnavailableException("The warehouse could not be opened: " + LoadFailures.rootMessage(ex)
				+ ". Check COURTSTATS_DB_URL, COURTSTATS_DB_USER and COURTSTATS_DB_PASSWORD, and that the user "
				+ "may create schemas and roles (see README, 'Pointing at a real PostgreSQL').", ex);
	}

	private static WarehouseUnavailableException find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WarehouseUnavailableException unavailable) {
				return unavailable;
			}
		}
		return null;
	}

}
