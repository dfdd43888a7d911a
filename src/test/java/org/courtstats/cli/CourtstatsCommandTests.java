package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting given as an option, as other Spring programs take it, is refused as any
 * unknown option is, with the two forms the program does take.
 */
class CourtstatsCommandTests {

	@Test
	void aSettingGivenAsAnOptionIsRefusedWithTheFormsThatWork() {
		// given
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		// when
		int code = CourtstatsCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "load",
				"--courtstats.nightly-load.max-rejected-share=0.05");

		// then
		assertThat(code).isEqualTo(2);
		assertThat(err.toString())
			.contains("'--courtstats.nightly-load.max-rejected-share' is a setting, not an option of the command")
			.contains("java -Dcourtstats.nightly-load.max-rejected-share=0.05 -jar courtstats.jar")
			.contains("COURTSTATS_NIGHTLYLOAD_MAXREJECTEDSHARE=0.05")
			.contains("'courtstats load --help' lists the command's options")
			.as("the hint, not lost below the usage")
			.doesNotContain("Usage:");
	}

	@Test
	void aNumberThatIsNotOneIsNamedAsAnOperatorReadsIt() {
		StringWriter err = new StringWriter();
		PrintWriter errors = new PrintWriter(err, true);
		PrintWriter out = new PrintWriter(new StringWriter(), true);

		assertThat(CourtstatsCommand.execute(out, errors, "status", "--limit", "ten")).isEqualTo(2);
		assertThat(CourtstatsCommand.execute(out, errors, "abandon", "12.5")).isEqualTo(2);
		assertThat(CourtstatsCommand.execute(out, errors, "rejects", "--run", "x1")).isEqualTo(2);
		assertThat(CourtstatsCommand.execute(out, errors, "status", "--limit", "3000000000")).isEqualTo(2);
		assertThat(CourtstatsCommand.execute(out, errors, "status", "--limit", "-3000000000")).isEqualTo(2);
		assertThat(CourtstatsCommand.execute(out, errors, "abandon", "99999999999999999999")).isEqualTo(2);

		assertThat(err.toString()).contains("Invalid value for option '--limit': 'ten' is not a whole number")
			.contains("Invalid value for EXECUTION-ID: '12.5' is not a whole number")
			.contains("Invalid value for option '--run': 'x1' is not a whole number")
			.contains("'3000000000' is too large")
			.contains("'-3000000000' is too small")
			.contains("Invalid value for EXECUTION-ID: '99999999999999999999' is too large")
			.doesNotContain("not a long")
			.doesNotContain("not an int");
	}

	@Test
	void aSystemPropertyGivenAfterTheJarGetsTheSameHint() {
		// given
		StringWriter err = new StringWriter();

		// when
		int code = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"load", "-Dcourtstats.nightly-load.chunk-size=5000");

		// then
		assertThat(code).isEqualTo(2);
		assertThat(err.toString()).contains("'-Dcourtstats.nightly-load.chunk-size' is a setting")
			.contains("java -Dcourtstats.nightly-load.chunk-size=5000 -jar courtstats.jar")
			.contains("COURTSTATS_NIGHTLYLOAD_CHUNKSIZE=5000");
	}

	@Test
	void aSettingGivenAsAnOptionIsNotRepeatedWithItsPassword() {
		StringWriter err = new StringWriter();

		int code = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"status", "--courtstats.database.url=jdbc:postgresql://loader:s3cr3t@db/courtstats");

		assertThat(code).isEqualTo(2);
		assertThat(err.toString()).contains("'--courtstats.database.url' is a setting").doesNotContain("s3cr3t");
	}

	@Test
	void theHintRepeatsNoSecretAndNoValueThatWouldBreakACommand() {
		for (String argument : new String[] { "--spring.datasource.hikari.password=s3cr3t",
				"--courtstats.database.url=postgresql://loader:s3cr3t@db/courtstats",
				"--courtstats.database.url=jdbc:postgresql://db/courtstats?password=s3cr3t",
				"--courtstats.pull.sources.eoir.url=https://example.org/a b&c=s3cr3t", "--courtstats.log-dir=" }) {
			assertThat(CourtstatsCommand.settingHint(List.of(argument))).as(argument)
				.hasValueSatisfying((hint) -> assertThat(hint).contains("=VALUE -jar").doesNotContain("s3cr3t"));
		}
	}

	@Test
	void aNameWithAnUnderscoreHasNoEnvironmentForm() {
		assertThat(CourtstatsCommand.settingHint(List.of("--courtstats.log_dir=x")))
			.hasValueSatisfying((hint) -> assertThat(hint).contains("java -Dcourtstats.log_dir=x -jar")
				.doesNotContain("in the environment"));
	}

	@Test
	void anUnknownOptionThatIsNoSettingGetsNoHint() {
		// given
		StringWriter err = new StringWriter();

		// when
		int code = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"load", "--inbx", "x");

		// then
		assertThat(code).isEqualTo(2);
		assertThat(err.toString()).contains("Unknown option").doesNotContain("is a setting");
	}

	@Test
	void aSettingWithoutAValueIsNamedWithAPlaceholder() {
		assertThat(CourtstatsCommand.settingHint(List.of("--logging.structured.format.console")))
			.hasValueSatisfying((hint) -> assertThat(hint).contains("-Dlogging.structured.format.console=VALUE")
				.contains("LOGGING_STRUCTURED_FORMAT_CONSOLE=VALUE"));
		assertThat(CourtstatsCommand.settingHint(List.of("-Dcourtstats.nightly-load.chunk-size=5000")))
			.hasValueSatisfying(
					(hint) -> assertThat(hint).startsWith("'-Dcourtstats.nightly-load.chunk-size' is a setting")
						.contains("java -Dcourtstats.nightly-load.chunk-size=5000 -jar"));
		assertThat(CourtstatsCommand.settingHint(List.of("--inbox", "--release", "-Dfoo"))).isEmpty();
	}

	@Test
	void theCredentialsOfAnAddressAreHiddenFromAStartFailure() {
		assertThat(
				Warehouse.withoutCredentials("Connection to jdbc:postgresql://loader:s3cret@db:5432/warehouse refused"))
			.isEqualTo("Connection to jdbc:postgresql://***@db:5432/warehouse refused");
		assertThat(Warehouse.withoutCredentials("not an address: https://token@example.org/a@b"))
			.isEqualTo("not an address: https://***@example.org/a@b");
		assertThat(Warehouse.withoutCredentials("jdbc:postgresql://db/warehouse?user=loader&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/warehouse?user=loader&password=***&ssl=true");
		assertThat(Warehouse.withoutCredentials("For input string: \"five percent\""))
			.isEqualTo("For input string: \"five percent\"");
	}

	@Test
	void everyCommandsHelpListsItsExitCodes() {
		CommandLine courtstats = new CommandLine(new CourtstatsCommand());

		assertThat(courtstats.getSubcommands().values())
			.allSatisfy((command) -> assertThat(command.getUsageMessage()).as(command.getCommandName())
				.contains("Exit codes:"));
	}

	@Test
	void aSampleThatCannotBeWrittenIsAUsageErrorNamingTheFolder(@TempDir Path folder) throws IOException {
		Path file = Files.writeString(folder.resolve("not-a-folder"), "");
		StringWriter err = new StringWriter();

		int code = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
				"generate-sample", "--out", file.toString(), "--cases", "30");

		assertThat(code).isEqualTo(2);
		assertThat(err.toString()).contains("courtstats: Could not write the sample to " + file + " (")
			.contains("). Name a folder you may write to.");
	}

	@Test
	void aWrongArgumentIsNamedWithWhereTheOptionsAreNotAboveTheWholeUsage() {
		StringWriter badValue = new StringWriter();
		StringWriter typo = new StringWriter();
		StringWriter unknownCommand = new StringWriter();

		int badValueCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true),
				new PrintWriter(badValue, true), "status", "--limit", "abc");
		int typoCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(typo, true),
				"load", "--inbx", "x");
		int unknownCommandCode = CourtstatsCommand.execute(new PrintWriter(new StringWriter(), true),
				new PrintWriter(unknownCommand, true), "stauts");

		assertThat(List.of(badValueCode, typoCode, unknownCommandCode)).containsOnly(2);
		assertThat(badValue.toString()).isEqualTo(String.format(
				"courtstats: Invalid value for option '--limit': 'abc' is not a whole number%n'courtstats status --help' lists "
						+ "the command's options.%n"));
		assertThat(typo.toString()).contains("courtstats: Unknown options: '--inbx', 'x'")
			.contains("--inbox")
			.contains("'courtstats load --help' lists the command's options.")
			.doesNotContain("Usage:");
		assertThat(unknownCommand.toString()).contains("'stauts'")
			.contains("courtstats status")
			.contains("'courtstats --help' lists the commands.")
			.doesNotContain("Usage:");
	}

}
