package org.courtstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.courtstats.intake.ReleaseLabels;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import picocli.CommandLine;
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

	@Option(names = "--months", paramLabel = "N", defaultValue = "1",
			description = "Monthly releases to write, the first labelled by --release and each next one a month "
					+ "later (proceedings completed, applications withheld, cases added, a judge moved, missing "
					+ "lookup codes supplied); load them in order (default: ${DEFAULT-VALUE}).")
	private int months;

	@Override
	public Integer call() {
		PrintWriter printer = this.spec.commandLine().getOut();
		if (this.months < 1) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--months must be at least 1, not " + this.months);
		}
		List<SampleRelease> samples = EoirSampleGenerator.generateSeries(this.out, labels(), this.cases, this.seed);
		for (SampleRelease sample : samples) {
			print(printer, sample);
		}
		printer.flush();
		return ExitCodes.OK;
	}

	/**
	 * The labels of the monthly releases: the first as given, the next ones with its date
	 * moved on a month at a time.
	 */
	private List<String> labels() {
		LocalDate first = ReleaseLabels.asOfDate(this.release);
		if (this.months > 1 && first == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--release '" + this.release
					+ "' carries no date (as in 'EOIR Case Data 2026-0401'), so the next months cannot be named");
		}
		List<String> labels = new ArrayList<>();
		labels.add(this.release);
		for (int month = 1; month < this.months; month++) {
			labels.add("EOIR Case Data " + first.plusMonths(month).format(DateTimeFormatter.ofPattern("yyyy-MMdd")));
		}
		return labels;
	}

	private static void print(PrintWriter printer, SampleRelease sample) {
		printer.println("Wrote release '" + sample.label() + "' to " + sample.folder());
		printer.println("A correct load of it (after the ones before it) shows:");
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
	}

}
