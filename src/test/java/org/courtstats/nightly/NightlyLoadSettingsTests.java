package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The nightly load's settings refuse values it cannot run with, naming the setting.
 */
class NightlyLoadSettingsTests {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			chunk-size          | 0    | rows per chunk, 1 or more
			staging-threads     | 0    | 1 or more threads
			max-rejected-share  | 2.0  | a share from 0 to 1
			max-rejected-share  | -1.0 | a share from 0 to 1
			rejected-rows-floor | -1   | 0 or more rows
			settle-time         | -1   | a duration of 0s or more
			""")
	void aValueOutOfRangeIsRefusedNamingTheSetting(String setting, String value, String takes) {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> settings(setting, value))
			.withMessageStartingWith("The setting courtstats.nightly-load." + setting + " is '")
			.withMessageContaining(": it takes " + takes);
	}

	@Test
	void aValueOutOfRangeNamesWhereItCameFrom() {
		String name = "courtstats.nightly-load.max-rejected-share";
		Map<String, String> properties = Map.of(name, "2");
		Map<String, String> environment = Map.of("COURTSTATS_NIGHTLYLOAD_MAXREJECTEDSHARE", "3",
				"COURTSTATS_NIGHTLY_LOAD_CHUNK_SIZE", "0");

		assertThat(InvalidSettingException.origin(name, properties::get, environment::get)).isEqualTo("-D" + name);
		assertThat(InvalidSettingException.origin(name, (property) -> null, environment::get))
			.isEqualTo("environment variable COURTSTATS_NIGHTLYLOAD_MAXREJECTEDSHARE");
		assertThat(InvalidSettingException.origin("courtstats.nightly-load.chunk-size", (property) -> null,
				environment::get))
			.isEqualTo("environment variable COURTSTATS_NIGHTLY_LOAD_CHUNK_SIZE");
		assertThat(InvalidSettingException.origin("courtstats.nightly-load.settle-time", properties::get,
				environment::get))
			.as("a value from a settings file")
			.isNull();
	}

	@Test
	void aSystemPropertyOutOfRangeIsNamedAsSuch() {
		String name = "courtstats.nightly-load.chunk-size";
		System.setProperty(name, "0");
		try {
			assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> settings("chunk-size", "0"))
				.withMessageStartingWith("The setting " + name + " is '0' (from -D" + name + "): it takes ");
		}
		finally {
			System.clearProperty(name);
		}
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			chunk-size          | 1
			max-rejected-share  | 0.0
			max-rejected-share  | 1.0
			rejected-rows-floor | 0
			settle-time         | 0
			""")
	void theEdgesOfEachRangeAreTaken(String setting, String value) {
		assertThatNoException().isThrownBy(() -> settings(setting, value));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			attempts        | 0  | 1 or more runs of the release
			initial-backoff | -1 | a duration of 0s or more
			max-backoff     | -1 | a duration of 0s or more
			""")
	void aDatabaseRetryOutOfRangeIsRefusedNamingTheSetting(String setting, int value, String takes) {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new NightlyLoadSettings.DatabaseRetry(setting.equals("attempts") ? value : 6,
					Duration.ofSeconds(setting.equals("initial-backoff") ? value : 5),
					Duration.ofSeconds(setting.equals("max-backoff") ? value : 120)))
			.withMessageStartingWith("The setting courtstats.nightly-load.database-retry." + setting + " is '")
			.withMessageContaining(": it takes " + takes);
	}

	/**
	 * The default settings, but one.
	 */
	private static NightlyLoadSettings settings(String setting, String value) {
		return new NightlyLoadSettings(Path.of("inbox"), setting.equals("chunk-size") ? Integer.parseInt(value) : 20000,
				setting.equals("staging-threads") ? Integer.parseInt(value) : 2,
				setting.equals("max-rejected-share") ? Double.parseDouble(value) : 0.01,
				setting.equals("rejected-rows-floor") ? Long.parseLong(value) : 5,
				setting.equals("settle-time") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.ofSeconds(60), "",
				new NightlyLoadSettings.DatabaseRetry(6, Duration.ofSeconds(5), Duration.ofMinutes(2)),
				NightlyLoadSettings.StagingWriter.COPY);
	}

}
