package org.courtstats.cli;

import java.util.Optional;

import org.courtstats.nightly.InvalidSettingException;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * The settings of a starting command, as Spring read them, for the message of a failed
 * start: a refused value is named with where it came from, whichever of Spring's forms
 * gave it ({@code -D} in any form, an environment variable,
 * {@code SPRING_APPLICATION_JSON}, a settings file and its line), and a warehouse that
 * cannot be reached is told apart as the embedded one or a configured server.
 */
final class StartingSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String DATABASE_URL = "courtstats.database.url";

	private static final String DATA_DIRECTORY = "courtstats.database.embedded.data-directory";

	private volatile ConfigurableEnvironment environment;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		this.environment = event.getEnvironment();
	}

	/**
	 * A refused setting's value, named with where it came from when that is known.
	 * @param refused the refusal
	 * @return the refusal naming its origin, or the one given
	 */
	InvalidSettingException named(InvalidSettingException refused) {
		ConfigurableEnvironment settings = this.environment;
		if (settings == null) {
			return refused;
		}
		return refused.setting().map((name) -> origin(settings, name)).map(refused::from).orElse(refused);
	}

	/**
	 * Whether the command uses the embedded warehouse (no server configured), and in
	 * which data folder.
	 * @return the embedded warehouse's data folder; empty when a server is configured or
	 * the settings were not read
	 */
	Optional<String> embeddedDataDirectory() {
		ConfigurableEnvironment settings = this.environment;
		if (settings == null || StringUtils.hasText(settings.getProperty(DATABASE_URL))) {
			return Optional.empty();
		}
		return Optional.of(settings.getProperty(DATA_DIRECTORY, "./data/warehouse"));
	}

	/**
	 * Where a setting's value came from: the first of the environment's sources that
	 * holds it, in the order Spring reads them.
	 * @param environment the settings
	 * @param name the setting, as an operator writes it
	 * @return its origin, or null when it has its default value
	 */
	static String origin(ConfigurableEnvironment environment, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(key);
			if (property != null) {
				return (property.getOrigin() != null) ? describe(property.getOrigin()) : null;
			}
		}
		return null;
	}

	/**
	 * An origin as an operator writes it: {@code -D<name>} for a system property, the
	 * environment variable's name, else Spring's description (a file and its line).
	 * @param origin the origin
	 * @return its description
	 */
	static String describe(Origin origin) {
		if (origin instanceof PropertySourceOrigin source && StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME
			.equals(source.getPropertySource().getName())) {
			return "-D" + source.getPropertyName();
		}
		if (origin instanceof PropertySourceOrigin source && source.getOrigin() != null) {
			// The origin its source gave, which Spring's own description repeats.
			return describe(source.getOrigin());
		}
		if (origin instanceof SystemEnvironmentOrigin variable) {
			return "environment variable " + variable.getProperty();
		}
		return origin.toString();
	}

}
