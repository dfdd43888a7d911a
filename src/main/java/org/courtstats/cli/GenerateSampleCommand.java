package org.courtstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courtstats generate-sample}: writes a realistic EOIR release into an inbox and
 * prints the counts a correct load of it produces.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
		description = { "Writes a realistic EOIR case-data release (the real export format, quirks included) "
				+ "into a folder of DIR, and prints the counts a correct load of it produces." })
class GenerateSampleCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", paramLabel = "DIR", required = true,
			description = "Inbox folder to write the release folder into.")
	private Path out;

	@Option(names = "--cases", paramLabel = "N", defaultValue = "500",
			description = "Cases to write, at least 20 (default: ${DEFAULT-VALUE}).")
	private int cases;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "20260401",
			description = "Random seed; the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--release", paramLabel = "LABEL", defaultValue = EoirSampleGenerator.DEFAULT_LABEL,
			description = "Release label and folder name (default: '${DEFAULT-VALUE}').")
	private String release;

	@Override
	public Integer call() {
		SampleRelease sample = EoirSampleGenerator.generate(this.out, this.release, this.cases, this.seed);
		PrintWriter printer = this.spec.commandLine().getOut();
		printer.println("Wrote release '" + sample.label() + "' to " + sample.folder());
		printer.println("A correct load of it shows:");
		for (Map.Entry<String, Long> count : sample.expected().asMap().entrySet()) {
			printer.printf("  %-32s %,10d%n", count.getKey(), count.getValue());
		}
		printer.printf("  %-32s %,10d%n", "rejected rows", sample.rejects().size());
		for (SampleRelease.ExpectedReject reject : sample.rejects()) {
			printer.printf("    %s line %d: %s%n", reject.tableName(), reject.lineNumber(), reject.reasonCode());
		}
		printer.printf("  %-32s %,10d%n", "repaired rows", sample.repairs().size());
		for (SampleRelease.ExpectedRepair repair : sample.repairs()) {
			printer.printf("    %s line %d: %s%n", repair.tableName(), repair.lineNumber(), repair.repairCode());
		}
		printer.flush();
		return ExitCodes.OK;
	}

}
