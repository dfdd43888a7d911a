package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.warehouse.RejectedRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats rejects}: lists the rows a release quarantined in
 * {@code etl.rejected_row}, with where they came from and why.
 */
@Command(name = "rejects", mixinStandardHelpOptions = true, description = {
		"Lists the quarantined rows of etl.rejected_row: file, sheet, line, reason, message and the "
				+ "raw record (at most 110 characters, a tab shown as \\t), after a count per table and reason.",
		"Without --run, the release of each source's latest run; a release whose latest run was abandoned "
				+ "is passed over (said in one line) for the latest one before it, as replay-rejects " + "does." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:listed (or there is nothing to list)", "1:the warehouse could not be read",
				"2:usage error, or --run names no run, or --table no table of the files read" })
class RejectsCommand implements Callable<Integer> {

	/** Characters of a raw record shown; the rest is in etl.rejected_row. */
	private static final int RECORD_WIDTH = 110;

	@Spec
	private CommandSpec spec;

	@Option(names = "--run", paramLabel = "ID",
			description = "A run (job execution id, as etl.load_run and the load summary give it): lists the "
					+ "rejected rows of the release it loaded, whichever of its runs read them.")
	private Long run;

	@Option(names = "--table", paramLabel = "T",
			description = "Only this table's rows, e.g. B_TblProceeding (any case).")
	private String table;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "50",
			description = "The most rows to list (default: ${DEFAULT-VALUE}); the counts cover all of them.")
	private int limit;

	@Override
	public Integer call() {
		if (this.limit < 0) {
			throw new IllegalArgumentException("--limit must be 0 or more, not " + this.limit + ".");
		}
		try (ConfigurableApplicationContext context = Warehouse.openShared()) {
			RejectedRows rejectedRows = context.getBean(RejectedRows.class);
			if (this.run != null && !rejectedRows.isKnownRun(this.run)) {
				throw new IllegalArgumentException("Run " + this.run + " is not in etl.load_run. "
						+ "Without --run, the latest run of each source is shown; reporting.load_history lists them.");
			}
			rejectedRows.requireTableRead(this.table);
			PrintWriter out = this.spec.commandLine().getOut();
			List<RejectedRows.Abandoned> abandoned = (this.run != null) ? List.of()
					: rejectedRows.abandonedSinceLatest(this.table);
			for (RejectedRows.Abandoned release : abandoned) {
				out.printf(
						"%s release '%s' passed over: its run %d was abandoned (courtstats abandon); "
								+ "`courtstats rejects --run %d` lists its %,d rejected rows.%n",
						release.source(), release.releaseLabel(), release.abandonedRun(), release.abandonedRun(),
						release.rowsRejected());
			}
			List<RejectedRows.Count> counts = rejectedRows.counts(this.run, this.table);
			if (counts.isEmpty()) {
				out.println("No rejected rows" + ((this.table != null) ? " of table " + this.table : "")
						+ ((this.run != null) ? " in the release of run " + this.run : " in the latest releases")
						+ ".");
				if (this.run == null && abandoned.isEmpty()) {
					rejectedRows.latestRunWithRejects(this.table).ifPresent((latest) -> {
						long rows = rejectedRows.counts(latest, this.table)
							.stream()
							.mapToLong(RejectedRows.Count::rows)
							.sum();
						out.printf(
								"Run %d, the latest to reject rows%s, holds %,d in its release: "
										+ "`courtstats rejects --run %d` lists them.%n",
								latest, (this.table != null) ? " of table " + this.table : "", rows, latest);
					});
				}
				return ExitCodes.OK;
			}
			long total = counts.stream().mapToLong(RejectedRows.Count::rows).sum();
			String release = null;
			for (RejectedRows.Count count : counts) {
				if (!count.releaseLabel().equals(release)) {
					release = count.releaseLabel();
					out.printf("Rejected rows of %s release '%s':%n", count.source(), release);
					out.printf("  %-28s %-24s %8s%n", "table", "reason", "rows");
				}
				out.printf("  %-28s %-24s %,8d%n", count.tableName(), count.reasonCode(), count.rows());
			}
			List<RejectedRows.Rejected> rows = rejectedRows.list(this.run, this.table, this.limit);
			out.println();
			for (RejectedRows.Rejected row : rows) {
				out.printf("%s %s%s:%d  %s  %s%n", row.tableName(), row.file(),
						(row.sheetName() != null) ? " [" + row.sheetName() + "]" : "", row.lineNumber(),
						row.reasonCode(), row.message());
				if (row.rawRecord() != null && !row.rawRecord().isEmpty()) {
					out.println("    " + shown(row.rawRecord()));
				}
			}
			if (rows.size() < total) {
				out.printf("%,d of %,d rejected rows listed; --limit shows more, etl.rejected_row holds them all.%n",
						rows.size(), total);
			}
			return ExitCodes.OK;
		}
	}

	/** Tabs shown as {@code \t}, so that a field shift can be seen; cut to the width. */
	private static String shown(String record) {
		String text = record.replace("\t", "\\t");
		return (text.length() <= RECORD_WIDTH) ? text : text.substring(0, RECORD_WIDTH - 3) + "...";
	}

}
