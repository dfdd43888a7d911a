package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;

import org.courtstats.observability.RunReport;
import org.courtstats.observability.RunReportPage;
import org.courtstats.warehouse.WarehouseReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats report}: writes the run report, one HTML page an operator opens in a
 * browser.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Writes the run report: one self-contained HTML page (inline style and charts, no script, "
				+ "nothing fetched) with the last load runs (rows read, loaded and rejected per table, durations), "
				+ "the MPP returns to Mexico by month (CBP, USBP, OFO) and the in-absentia rates of MPP and other "
				+ "removal cases by fiscal year.",
				"Writes nothing to the warehouse (the embedded one, or COURTSTATS_DB_URL) but what the start of every "
						+ "command does (its pending migrations; on the embedded one, the analysts' login); it may run "
						+ "while a load does." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:written",
				"1:failed (the warehouse could not be read)", "2:usage error, or the file could not be written" })
class ReportCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "FILE",
			description = "HTML file to write, e.g. data/report.html (replaced if it exists).")
	private Path out;

	@Option(names = "--runs", paramLabel = "N", defaultValue = "20",
			description = "How many of the latest load runs to show (default: ${DEFAULT-VALUE}).")
	private int runs;

	@Override
	public Integer call() {
		if (this.runs < 1) {
			throw new IllegalArgumentException("--runs must be at least 1, not " + this.runs + ".");
		}
		RunReport report;
		try (ConfigurableApplicationContext context = Warehouse.openShared()) {
			WarehouseReports reports = context.getBean(WarehouseReports.class);
			report = new RunReport(OffsetDateTime.now(), this.runs, reports.recentRuns(this.runs),
					reports.recentRunTableCounts(this.runs), reports.mppReturnMonths(),
					reports.inAbsentiaByFiscalYear());
		}
		write(this.out, RunReportPage.render(report));
		PrintWriter terminal = this.spec.commandLine().getOut();
		terminal.println("Wrote the run report (" + report.runs().size() + " runs, " + report.mppReturns().size()
				+ " MPP months, " + report.inAbsentia().size() + " in-absentia rows) to " + this.out);
		terminal.flush();
		return ExitCodes.OK;
	}

	private static void write(Path file, String page) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			Files.writeString(file, page, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"Could not write the run report to " + file.toAbsolutePath() + " (" + ex.getClass().getSimpleName()
							+ ": " + ex.getMessage() + "). Name a file in a folder you may write to.",
					ex);
		}
	}

}
