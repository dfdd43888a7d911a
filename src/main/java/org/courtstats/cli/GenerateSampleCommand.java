package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.courtstats.intake.ReleaseLabels;
import org.courtstats.samples.CbpSample;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSample;
import org.courtstats.samples.OhssSampleWorkbook;
import org.courtstats.samples.SampleRelease;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code courtstats generate-sample}: writes a realistic EOIR release, an OHSS monthly
 * tables edition and a CBP encounters file into an inbox, and prints what a correct load
 * of them shows.
 */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
		description = { "Writes a realistic EOIR case-data release (the real export format, quirks included) "
				+ "into a folder of DIR, and next to it an OHSS monthly tables workbook and a CBP encounters CSV "
				+ "(data to March 2026), and prints the counts a correct load of them produces." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:written", "2:usage error, or the folder could not be written" })
class GenerateSampleCommand implements Callable<Integer> {

	/**
	 * MPP book-outs of a few months: its first month, one at its height, one in the
	 * pause.
	 */
	private static final List<YearMonth> MPP_MONTHS = List.of(YearMonth.of(2019, 1), YearMonth.of(2019, 8),
			YearMonth.of(2021, 3));

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", paramLabel = "DIR", required = true,
			description = "Inbox folder to write the release folder into.")
	private Path out;

	@Option(names = "--cases", paramLabel = "N", defaultValue = "500",
			description = "Cases to write, at least 20 (default: ${DEFAULT-VALUE}), plus one each release "
					+ "plants with a tab inside ALIEN_CITY, for the load to repair.")
	private int cases;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "20260401",
			description = "Random seed; the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--release", paramLabel = "LABEL", defaultValue = EoirSampleGenerator.DEFAULT_LABEL,
			description = "Release label and folder name, dated as EOIR dates its releases (default: '${DEFAULT-VALUE}').")
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
		List<String> labels = labels();
		try {
			List<SampleRelease> samples = EoirSampleGenerator.generateSeries(this.out, labels, this.cases, this.seed);
			for (SampleRelease sample : samples) {
				print(printer, sample);
			}
			print(printer, OhssSampleWorkbook.write(this.out, OhssSampleWorkbook.DEFAULT_AS_OF, this.seed));
			print(printer, CbpSampleFile.write(this.out, CbpSampleFile.DEFAULT_AS_OF, this.seed));
		}
		catch (UncheckedIOException ex) {
			IOException cause = ex.getCause();
			throw new IllegalArgumentException("Could not write the sample to " + this.out.toAbsolutePath() + " ("
					+ cause.getClass().getSimpleName() + ": " + cause.getMessage()
					+ "). Name a folder you may write to.", ex);
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
		if (first == null) {
			// A release is dated by its name: a sample without a date would not load.
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--release '" + this.release + "' " + ReleaseLabels.whyNoDate(this.release)
							+ ", which a load reads the release's date from: name it as EOIR dates its releases, "
							+ "as in 'EOIR Case Data 2026-0401'");
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

	private static void print(PrintWriter printer, OhssSample sample) {
		printer.println("Wrote OHSS edition " + sample.file().getFileName() + " (as of " + monthName(sample.asOfMonth())
				+ ") to " + sample.file().getParent());
		printer.println("A correct load of it shows:");
		printer.printf("  %-32s %,10d%n", "cells", sample.cells().size());
		for (Map.Entry<String, Long> table : sample.cellsByTable().entrySet()) {
			printer.printf("    %-30s %,10d%n", table.getKey(), table.getValue());
		}
		printer.printf("  %-32s %,10d%n", "not applicable (X)", sample.markers("X"));
		printer.printf("  %-32s %,10d%n", "not available (NA)", sample.markers("NA"));
		printer.printf("  %-32s %10s %10s %10s%n", "MPP book-outs", "Total CBP", "USBP", "OFO");
		for (YearMonth month : MPP_MONTHS) {
			if (!month.isAfter(sample.asOfMonth())) {
				printer.printf("    %-30s %10s %10s %10s%n", monthName(month),
						shown(sample.mppBookOuts("Total CBP", month)), shown(sample.mppBookOuts("USBP", month)),
						shown(sample.mppBookOuts("OFO", month)));
			}
		}
	}

	private static void print(PrintWriter printer, CbpSample sample) {
		printer
			.println("Wrote CBP encounters file " + sample.file().getFileName() + " to " + sample.file().getParent());
		printer.println("A correct load of it shows:");
		printer.printf("  %-32s %,10d %,12d encounters%n", "rows", sample.rows(), sample.encounters());
		for (Map.Entry<Integer, Long> year : sample.rowsByFiscalYear().entrySet()) {
			printer.printf("    %-30s %,10d %,12d%n", "FY" + year.getKey(), year.getValue(),
					sample.encountersByFiscalYear().get(year.getKey()));
		}
		printer.printf("  %-32s %,10d%n", "Title 42 rows", sample.title42Rows());
		printer.printf("  %-32s %,10d%n", "rows counting 0", sample.zeroRows());
	}

	private static String shown(OhssSample.Cell cell) {
		return (cell.value() != null) ? String.format("%,d", cell.value()) : cell.marker();
	}

	private static String monthName(YearMonth month) {
		return month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
	}

}
