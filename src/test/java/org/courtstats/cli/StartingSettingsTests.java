package org.courtstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused setting is traced to the source Spring took its value from, in whichever form
 * it was written there.
 */
class StartingSettingsTests {

	private static final String CHUNK_SIZE = "courtstats.nightly-load.chunk-size";

	@Test
	void aSystemPropertyIsNamedAsWritten() {
		StandardEnvironment environment = environment(Map.of("courtstats.nightlyLoad.chunkSize", "0"), Map.of());

		assertThat(StartingSettings.origin(environment, CHUNK_SIZE)).isEqualTo("-Dcourtstats.nightlyLoad.chunkSize");
	}

	@Test
	void anEnvironmentVariableIsNamedInEitherOfSpringsForms() {
		assertThat(StartingSettings.origin(environment(Map.of(), Map.of("COURTSTATS_NIGHTLYLOAD_CHUNKSIZE", "0")),
				CHUNK_SIZE))
			.isEqualTo("environment variable COURTSTATS_NIGHTLYLOAD_CHUNKSIZE");
		assertThat(StartingSettings.origin(environment(Map.of(), Map.of("COURTSTATS_NIGHTLY_LOAD_CHUNK_SIZE", "0")),
				CHUNK_SIZE))
			.isEqualTo("environment variable COURTSTATS_NIGHTLY_LOAD_CHUNK_SIZE");
	}

	@Test
	void theSourceSpringReadsFirstIsTheOneNamed() {
		StandardEnvironment environment = environment(Map.of(CHUNK_SIZE, "0"),
				Map.of("COURTSTATS_NIGHTLYLOAD_CHUNKSIZE", "5"));

		assertThat(StartingSettings.origin(environment, CHUNK_SIZE)).isEqualTo("-D" + CHUNK_SIZE);
	}

	@Test
	void aValueFromASettingsFileIsNamedWithItsFileAndLine(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("nightly-load.yml"),
				"courtstats:\n  nightly-load:\n    chunk-size: 0\n");
		StandardEnvironment environment = environment(Map.of(), Map.of());
		new YamlPropertySourceLoader().load("settings file", new FileSystemResource(file))
			.forEach(environment.getPropertySources()::addLast);

		assertThat(StartingSettings.origin(environment, CHUNK_SIZE)).isEqualTo("file [" + file + "] - 3:17");
	}

	@Test
	void aDefaultValueHasNoOrigin() {
		assertThat(StartingSettings
			.origin(environment(Map.of("courtstats.nightly-load.staging-threads", "1"), Map.of()), CHUNK_SIZE))
			.isNull();
	}

	/**
	 * An environment holding the given system properties and environment variables, in
	 * Spring's order.
	 */
	private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addLast(new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, properties));
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
		new SystemEnvironmentPropertySourceEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}
