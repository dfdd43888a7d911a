package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code courtstats dictionary} on a freshly migrated warehouse, and the committed copy
 * of its output.
 */
class DictionaryCommandIntegrationTests {

	private static final Path COMMITTED = Path.of("docs/data-dictionary.md");

	@TempDir
	Path folder;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void pointAtAFreshWarehouse() {
		System.setProperty("courtstats.database.url", TestWarehouse.newDatabase("dictionary"));
		System.setProperty("courtstats.database.user", "postgres");
	}

	@AfterEach
	void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
	}

	@Test
	void theCommittedDataDictionaryIsWhatTheCommandWrites() throws IOException {
		// given
		Path written = this.folder.resolve("docs/data-dictionary.md");

		// when
		int exitCode = run("dictionary", "--output", written.toString());

		// then
		assertThat(exitCode).as(this.err.toString()).isZero();
		String generated = Files.readString(written, StandardCharsets.UTF_8);
		String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
		assertThat(firstDifference(committed, generated))
			.as("%s is not what the dictionary command writes for this schema. Regenerate it and commit it: "
					+ "./mvnw -B -q package -DskipTests && %s", COMMITTED, DataDictionaryMarkdown.REGENERATE)
			.isEmpty();
		assertThat(this.out.toString()).matches("Wrote the data dictionary \\(\\d+ tables and views\\) to .*\\R");
	}

	@Test
	void withoutOutputItPrintsTheDictionaryInItsStableOrder() {
		int exitCode = run("dictionary");

		assertThat(exitCode).as(this.err.toString()).isZero();
		String md = this.out.toString();
		assertThat(md).startsWith("# Data dictionary\n").doesNotContain("\r");
		List<String> headings = md.lines().filter((line) -> line.startsWith("#")).toList();
		assertThat(headings).containsSubsequence("## warehouse", "### warehouse.dim_court", "### warehouse.dim_date",
				"### warehouse.fct_case", "### warehouse.fct_proceeding", "## reporting",
				"### reporting.in_absentia_rates", "### reporting.mpp_case_outcomes", "## etl", "### etl.load_run",
				"### etl.rejected_row");
		assertThat(headings).as("dimensions before facts")
			.containsSubsequence("### warehouse.dim_release", "### warehouse.fct_case");
		assertThat(headings).as("only what analysts read")
			.noneMatch((heading) -> heading.startsWith("### staging.") || heading.startsWith("### batch.")
					|| heading.equals("### etl.source_file"));
		assertThat(md).containsPattern("\\| `proceeding_id` \\| `bigint` \\| no \\| .+ \\|\\n")
			.contains("*View.* ")
			.doesNotContain("*(no comment)*");
	}

	@Test
	void theCommandSaysWhatItDoes() {
		int exitCode = run("dictionary", "--help");

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Usage: courtstats dictionary")
			.contains("--output=FILE")
			.contains("Writes the data dictionary as Markdown");
	}

	/**
	 * The first line where the two texts differ, or empty when they are equal: a readable
	 * failure instead of two whole files side by side.
	 */
	private static String firstDifference(String expected, String actual) {
		if (expected.equals(actual)) {
			return "";
		}
		List<String> expectedLines = expected.lines().toList();
		List<String> actualLines = actual.lines().toList();
		for (int i = 0; i < Math.max(expectedLines.size(), actualLines.size()); i++) {
			String committedLine = (i < expectedLines.size()) ? expectedLines.get(i) : "(end of file)";
			String generatedLine = (i < actualLines.size()) ? actualLines.get(i) : "(end of file)";
			if (!committedLine.equals(generatedLine)) {
				return "line " + (i + 1) + ": committed '" + committedLine + "', generated '" + generatedLine + "'";
			}
		}
		return "same lines, different line ends or final newline";
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

}
