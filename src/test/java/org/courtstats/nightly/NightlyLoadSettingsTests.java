package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
	void aRefusalNamesItsSettingForTheCommandToAddWhereItsValueCameFrom() {
		InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class,
				() -> settings("chunk-size", "0"));

		assertThat(refused.setting()).contains("courtstats.nightly-load.chunk-size");
		assertThat(refused.from("-Dcourtstats.nightlyLoad.chunkSize").getMessage()).isEqualTo(
				"The setting courtstats.nightly-load.chunk-size is '0' (from -Dcourtstats.nightlyLoad.chunkSize): "
						+ "it takes rows per chunk, 1 or more. Fix it, then run the command again.");
		assertThat(new InvalidSettingException("The log cannot be written.", null).setting()).isEmpty();
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
