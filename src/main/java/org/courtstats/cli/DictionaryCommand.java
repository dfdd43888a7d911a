package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.warehouse.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats dictionary}: writes the data dictionary, the {@code COMMENT ON} text
 * of every table, view and column analysts read, as Markdown.
 */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
		description = {
				"Writes the data dictionary as Markdown: for each table and view analysts read (schemas warehouse "
						+ "and reporting, etl.rejected_row, etl.load_run), its description and its columns "
						+ "(name, type, nullable, description), from the warehouse's COMMENT ON text.",
				"Opens and migrates the warehouse like the other commands (the embedded one, or COURTSTATS_DB_URL). "
						+ "The output holds no timestamp: the same schema writes the same bytes. "
						+ "docs/data-dictionary.md is its committed copy: " + DataDictionaryMarkdown.REGENERATE },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:written",
				"1:failed (the warehouse could not be read)", "2:usage error, or the file could not be written" })
class DictionaryCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
			description = "Markdown file to write, in UTF-8 (default: standard output).")
	private Path output;

	@Override
	public Integer call() {
		List<DataDictionary.Schema> schemas;
		try (ConfigurableApplicationContext context = (this.output != null) ? Warehouse.openShared()
				: Warehouse.openSharedLoggingToStandardError()) {
			schemas = context.getBean(DataDictionary.class).read();
		}
		String markdown = DataDictionaryMarkdown.render(schemas);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output == null) {
			out.print(markdown);
			out.flush();
			return ExitCodes.OK;
		}
		write(this.output, markdown);
		long relations = schemas.stream().mapToLong((schema) -> schema.relations().size()).sum();
		out.println("Wrote the data dictionary (" + relations + " tables and views) to " + this.output);
		out.flush();
		return ExitCodes.OK;
	}

	private static void write(Path file, String markdown) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			Files.writeString(file, markdown, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Could not write the data dictionary to " + file.toAbsolutePath() + " ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage()
					+ "). Name a file in a folder you may write to.", ex);
		}
	}

}
