package org.courtstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.courtstats.nightly.NightlyLoad;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.ohss.ValueStatus;
import org.courtstats.warehouse.WarehouseReports;
import org.courtstats.warehouse.WarehouseReports.FileCounts;
import org.courtstats.warehouse.WarehouseReports.LineOutcomes;
import org.courtstats.warehouse.WarehouseReports.MppOutcome;
import org.courtstats.warehouse.WarehouseReports.MppMonth;

/**
 * Prints what a load did: per release its outcome and per file the rows read, loaded,
 * repaired (when any) and rejected, with the repairs and rejections by reason and how the
 * rows read compare with the release's {@code Count.txt}, then the top lines of
 * {@code reporting.mpp_case_outcomes}.
 */
class LoadSummary {

	private static final int TOP_OUTCOMES = 10;

	/** The narrowest column of table names in the files' counts. */
	private static final int TABLE_WIDTH = 24;

	private static final List<String> MONTHS = List.of("Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
			"Jul", "Aug", "Sep");

	private final PrintWriter out;

	private final WarehouseReports reports;

	LoadSummary(PrintWriter out, WarehouseReports reports) {
		this.out = out;
		this.reports = reports;
	}

	/**
	 * The one line a failed, refused or held-back release (an OHSS edition, a CBP file)
	 * prints on standard error, for {@code load} and {@code restart} alike.
	 * @param outcome the release's outcome
	 * @param log the log file that holds the details
	 * @return the line
	 */
	static String failureLine(ReleaseOutcome outcome, String log) {
		String subject = NightlyLoad.EOIR_RELEASES_REFUSED.equals(outcome.releaseLabel()) ? "EOIR releases"
				: kind(outcome.source()).replace("Release", "release") + " '" + outcome.releaseLabel() + "'";
		return "courtstats: " + subject + " " + outcome.statusText() + ": " + outcome.message() + " (details in " + log
				+ ")";
	}

	void print(Path inbox, List<ReleaseOutcome> outcomes, String psqlCommand) {
		if (outcomes.isEmpty()) {
			this.out.println("No release found in " + inbox.toAbsolutePath() + ": nothing to do.");
		}
		for (ReleaseOutcome outcome : outcomes) {
			this.out.println();
			if (NightlyLoad.EOIR_RELEASES_REFUSED.equals(outcome.releaseLabel())) {
				// No release of the inbox was read: none has counts to show.
				this.out.println("EOIR releases: " + describe(outcome));
				continue;
			}
			this.out.println(kind(outcome.source()) + " '" + outcome.releaseLabel() + "': " + describe(outcome));
			if (outcome.status() == ReleaseOutcome.Status.WAITING) {
				// Not read this run: counts recorded under its label belong to another
				// delivery.
				continue;
			}
			List<FileCounts> files = this.reports.fileCounts(outcome.source(), outcome.releaseLabel());
			if (files.stream()
				.anyMatch((file) -> file.status().equals("loaded") || file.status().equals("registered"))) {
				printFiles(files);
				printLineOutcomes(outcome);
				List<String> skipped = files.stream()
					.filter((file) -> file.status().equals("skipped"))
					.map(FileCounts::relativePath)
					.toList();
				if (!skipped.isEmpty()) {
					this.out.println("  skipped (not read by the load): " + String.join(", ", skipped));
				}
				List<String> rejectedSheets = this.reports.rejectedSheets(outcome.source(), outcome.releaseLabel());
				if (!rejectedSheets.isEmpty()) {
					this.out.println("  sheets rejected, layout not recognised (see etl.rejected_row): "
							+ String.join(", ", rejectedSheets));
				}
				if (outcome.source().equals("eoir") && (outcome.status() == ReleaseOutcome.Status.LOADED
						|| outcome.status() == ReleaseOutcome.Status.HELD_BACK)) {
					// staged whole: a failed or stopped release's files may be read
					// part way
					printCountTxt(files);
				}
				for (FileCounts file : files) {
					long held = file.rowsRead() - file.rowsLoaded() - file.rowsRejected();
					if (outcome.source().equals("cbp") && file.status().equals("loaded") && held > 0) {
						this.out.printf("  %,d rows not loaded: their fiscal years are held by a file covering a later "
								+ "month (a fiscal year holds one file's rows)%n", held);
					}
				}
				for (WarehouseReports.DedupCount dedup : this.reports.dedupCounts(outcome.source(),
						outcome.releaseLabel())) {
					this.out.printf("  collapsed into other lines: %s %,d (%s; see etl.dedup_decision)%n",
							dedup.tableName(), dedup.rows(), dedup.rule());
				}
			}
		}
		List<MppOutcome> top = this.reports.topMppOutcomes(TOP_OUTCOMES);
		this.out.println();
		this.out.println("reporting.mpp_case_outcomes, top " + TOP_OUTCOMES + " by proceedings:");
		this.out.printf("  %-4s %-22s %-8s %-24s %11s %11s %11s%n", "nat", "nationality", "location", "outcome",
				"proceedings", "in_absentia", "represented");
		for (MppOutcome row : top) {
			this.out.printf("  %-4s %-22s %-8s %-24s %,11d %,11d %,11d%n", row.nationalityCode(),
					truncate(row.nationalityName(), 22), row.hearingLocCode(), row.outcomeGroup(), row.proceedings(),
					row.inAbsentia(), row.represented());
		}
		if (top.isEmpty()) {
			this.out.println("  (no completed proceedings of MPP cases yet)");
		}
		printMppReturns();
		List<String> unmapped = this.reports.unmappedCitizenshipLabels();
		if (!unmapped.isEmpty()) {
			this.out.println();
			this.out.println("Citizenship labels without a nationality (add them to warehouse.citizenship_crosswalk): "
					+ String.join("; ", unmapped));
		}
		if (psqlCommand != null) {
			this.out.println();
			this.out.println("Query the warehouse: " + psqlCommand);
		}
		this.out.flush();
	}

	/**
	 * CBP book-outs to MPP month by month, a line per fiscal year, from the latest OHSS
	 * edition of each cell, when one is loaded; markers are shown as printed.
	 */
	private void printMppReturns() {
		List<MppMonth> months = this.reports.mppReturnsByMonth("CBP");
		if (months.isEmpty()) {
			return;
		}
		Map<Integer, String[]> years = new TreeMap<>();
		Set<String> editions = new TreeSet<>();
		for (MppMonth month : months) {
			String[] line = years.computeIfAbsent(month.fiscalYear(), (year) -> new String[13]);
			line[(month.fiscalMonth() != null) ? month.fiscalMonth() - 1 : 12] = shown(month);
			editions.add(month.edition());
		}
		this.out.println();
		this.out.println("reporting.mpp_returns_by_month, CBP book-outs to MPP by month (X: not in force), from "
				+ String.join(", ", editions) + ":");
		this.out.printf("  %-6s", "FY");
		for (String name : MONTHS) {
			this.out.printf(" %6s", name);
		}
		this.out.printf(" %9s%n", "FY total");
		years.forEach((year, line) -> {
			if (Arrays.stream(line, 0, 12).allMatch((value) -> value == null || value.equals("X"))) {
				return;
			}
			this.out.printf("  %-6d", year);
			for (int month = 0; month < 12; month++) {
				this.out.printf(" %6s", (line[month] != null) ? line[month] : "");
			}
			this.out.printf(" %9s%n", (line[12] != null) ? line[12] : "");
		});
	}

	private static String shown(MppMonth month) {
		if (month.bookOuts() != null) {
			return String.format("%,d", month.bookOuts());
		}
		ValueStatus status = ValueStatus.ofCode(month.valueStatus());
		return (status != null && status.marker() != null) ? status.marker() : "?";
	}

	/**
	 * Reconciles the rows read with the release's {@code Count.txt}: a line per table
	 * that differs, or one line saying they all match.
	 */
	private void printCountTxt(List<FileCounts> files) {
		List<FileCounts> staged = files.stream().filter(FileCounts::staged).toList();
		if (staged.isEmpty()) {
			return;
		}
		if (files.stream().noneMatch((file) -> file.fileName().equalsIgnoreCase("Count.txt"))) {
			this.out.println("  Count.txt: none in the release, row counts not checked against it");
			return;
		}
		List<FileCounts> differing = staged.stream()
			.filter((file) -> file.countTxtRows() != null && file.countTxtRows() != file.rowsRead())
			.toList();
		for (FileCounts file : differing) {
			long difference = file.rowsRead() - file.countTxtRows();
			this.out.printf("  Count.txt: %s gives %,d rows, %,d read (%,d %s)%n", file.tableName(),
					file.countTxtRows(), file.rowsRead(), Math.abs(difference), (difference < 0) ? "fewer" : "more");
		}
		List<String> unlisted = staged.stream()
			.filter((file) -> file.countTxtRows() == null)
			.map(FileCounts::tableName)
			.toList();
		if (differing.isEmpty()) {
			long listed = staged.size() - unlisted.size();
			this.out.println("  Count.txt: matched, all " + listed + " tables read hold the rows it gives");
		}
		if (!unlisted.isEmpty()) {
			this.out.println("  Count.txt: gives no count for " + String.join(", ", unlisted));
		}
	}

	/**
	 * One line per file read; the repaired column only when a file of the release had a
	 * line repaired. The rows of a release not published are staged, not loaded.
	 */
	private void printFiles(List<FileCounts> files) {
		boolean repairs = files.stream().anyMatch((file) -> repaired(file) > 0);
		boolean published = files.stream().anyMatch((file) -> file.status().equals("loaded"));
		String loaded = published ? "loaded" : "staged";
		// As wide as the longest table name (tblLookupCourtAppDecisions), so that the
		// counts stay in their columns.
		int width = files.stream()
			.filter((file) -> !file.status().equals("skipped"))
			.mapToInt((file) -> String.valueOf(file.tableName()).length())
			.max()
			.orElse(0);
		String table = "  %-" + Math.max(TABLE_WIDTH, width) + "s";
		if (repairs) {
			this.out.printf(table + " %12s %12s %10s %10s  %s%n", "table", "read", loaded, "repaired", "rejected",
					"file");
		}
		else {
			this.out.printf(table + " %12s %12s %10s  %s%n", "table", "read", loaded, "rejected", "file");
		}
		for (FileCounts file : files) {
			if (file.status().equals("skipped")) {
				continue;
			}
			if (repairs) {
				this.out.printf(table + " %,12d %,12d %,10d %,10d  %s%n", file.tableName(), file.rowsRead(),
						file.rowsLoaded(), repaired(file), file.rowsRejected(), file.relativePath());
			}
			else {
				this.out.printf(table + " %,12d %,12d %,10d  %s%n", file.tableName(), file.rowsRead(),
						file.rowsLoaded(), file.rowsRejected(), file.relativePath());
			}
		}
	}

	/**
	 * Per file, the lines repaired and rejected by code, so that an operator knows what
	 * to look up in etl.repaired_row and etl.rejected_row.
	 */
	private void printLineOutcomes(ReleaseOutcome outcome) {
		Map<String, Map<String, List<String>>> byFile = new LinkedHashMap<>();
		for (LineOutcomes lines : this.reports.lineOutcomes(outcome.source(), outcome.releaseLabel())) {
			byFile.computeIfAbsent(lines.tableName(), (table) -> new LinkedHashMap<>())
				.computeIfAbsent(lines.outcome(), (kind) -> new ArrayList<>())
				.add(lines.code() + " " + String.format("%,d", lines.rows()));
		}
		if (byFile.isEmpty()) {
			return;
		}
		this.out.println("  lines repaired and rejected, by reason (see etl.repaired_row and etl.rejected_row):");
		byFile.forEach((table, outcomes) -> {
			List<String> parts = new ArrayList<>();
			outcomes.forEach((kind, codes) -> parts.add(kind + ": " + String.join(", ", codes)));
			this.out.printf("    %-24s %s%n", table, String.join("; ", parts));
		});
	}

	private static long repaired(FileCounts file) {
		return file.rowsRepaired() + file.rowsPadded();
	}

	private static String kind(String source) {
		return switch (source) {
			case "ohss" -> "OHSS edition";
			case "cbp" -> "CBP file";
			default -> "Release";
		};
	}

	static String describe(ReleaseOutcome outcome) {
		return switch (outcome.status()) {
			case LOADED -> "loaded (job execution " + outcome.jobExecutionId() + ")";
			case ALREADY_LOADED ->
				"already loaded, nothing to do" + ((outcome.message() != null) ? " (" + outcome.message() + ")" : "");
			case FAILED -> "FAILED"
					+ ((outcome.jobExecutionId() != null) ? " (job execution " + outcome.jobExecutionId() + ")" : "")
					+ ": " + outcome.message();
			case STOPPED -> "STOPPED (job execution " + outcome.jobExecutionId() + "): " + outcome.message();
			case REFUSED -> "REFUSED: " + outcome.message();
			case NOT_STARTED -> "not started: " + outcome.message();
			case HELD_BACK -> "HELD BACK (job execution " + outcome.jobExecutionId() + "): " + outcome.message();
			case WAITING -> "waiting, not read: " + outcome.message();
		};
	}

	private static String truncate(String text, int width) {
		if (text == null) {
			return "";
		}
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "~";
	}

}
