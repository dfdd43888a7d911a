package org.courtstats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password on the command line or in a {@code -D} system property is refused, and the
 * refusal never repeats it.
 */
class CommandLineSecretsTests {

	private static final String SECRET = "Tr0ub4dor&3-secret";

	@Test
	void aPasswordArgumentIsRefusedWithExitCode2AndNotEchoed() {
		for (String[] args : new String[][] { { "load", "--courtstats.database.password=" + SECRET },
				{ "status", "--spring.datasource.password", SECRET }, { "-Dcourtstats.database.password=" + SECRET },
				{ "load", "--COURTSTATS_DB_PASSWORD=" + SECRET },
				{ "load",
						"--spring.application.json={\"courtstats\":{\"database\":{\"password\":\"" + SECRET + "\"}}}" },
				{ "load", "--spring.application.json", "{\"spring.datasource.password\":\"" + SECRET + "\"}" },
				{ "status", "--password=" + SECRET }, { "load", "--db-password", SECRET },
				{ "status", "--PASSWD=" + SECRET } }) {
			// given
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();

			// when
			int code = CourtstatsCommand.execute(new PrintWriter(out), new PrintWriter(err), args);

			// then
			assertThat(code).as(String.join(" ", args)).isEqualTo(2);
			assertThat(err.toString()).contains("on the command line")
				.contains("COURTSTATS_DB_PASSWORD")
				.contains("COURTSTATS_DB_PASSWORD_FILE")
				.doesNotContain(SECRET);
			assertThat(out.toString()).isEmpty();
		}
	}

	@Test
	void aPasswordSystemPropertyIsRefusedByName() {
		for (String key : new String[] { "courtstats.database.password", "COURTSTATS_DB_PASSWORD",
				"spring.datasource.password", "courtstats.database.PASSWORD" }) {
			Properties properties = new Properties();
			properties.setProperty("java.version", "17");
			properties.setProperty(key, SECRET);

			assertThat(CommandLineSecrets.refusal(new String[] { "load" }, properties)).as(key)
				.hasValueSatisfying((message) -> assertThat(message).contains("-D" + key)
					.contains("COURTSTATS_DB_PASSWORD_FILE")
					.doesNotContain(SECRET));
		}
	}

	@Test
	void thePasswordFileItsPathAndOtherSettingsAreAccepted() {
		Properties properties = new Properties();
		properties.setProperty("courtstats.database.password-file", "/run/secrets/courtstats-db");
		properties.setProperty("courtstats.database.url", "jdbc:postgresql://db/courtstats");
		properties.setProperty("javax.net.ssl.trustStorePassword", "changeit");

		assertThat(CommandLineSecrets.refusal(
				new String[] { "load", "--inbox", "password", "--release", "courtstats.database.password-file=x" },
				properties))
			.isEmpty();
	}

}
