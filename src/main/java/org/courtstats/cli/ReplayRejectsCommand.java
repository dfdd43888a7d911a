package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.nightly.RejectReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats replay-rejects}: loads the rejected rows of a release again once
 * their cause is fixed.
 */
@Command(name = "replay-rejects", mixinStandardHelpOptions = true, description = {
		"Loads the rejected rows of a release again, once their cause is fixed: an EOIR or CBP record "
				+ "corrected in etl.rejected_row.raw_record, or a loader that now reads it (an OHSS table, "
				+ "which has no record to correct, is read again from its workbook).",
		"The release is staged again from its delivered files (in the inbox or the archive), each rejected "
				+ "EOIR or CBP line read as its raw_record stands, and integrated, checked and published in one "
				+ "transaction: rows that now read are loaded and leave etl.rejected_row, the others stay. "
				+ "A line loaded corrected is kept in etl.corrected_row, as delivered and as corrected, and "
				+ "every later replay reads it so (to undo a correction, change or delete its row there, "
				+ "then replay). "
				+ "Any OHSS edition or CBP file can be replayed; of EOIR, only the latest release (a full "
				+ "snapshot: an older one would overwrite the newer one's rows).",
		"A line whose corrected record is empty would be lost: its release is refused, naming the line.",
		"Without --run, the release of each source's latest run; a release whose latest run was abandoned "
				+ "is passed over (said in one line) for the latest one before it." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:replayed, or nothing to replay",
				"1:a release was not replayed (the message says why); the others were, unless the database "
						+ "connection was lost, which ends the replay",
				"2:usage error, or --run names no run, or --table no table of the files read",
				"3:a release still rejects more rows than the threshold allows, or an error check of "
						+ "warehouse-sql/checks failed: it was not published; the others were",
				"4:refused: a load is running against the warehouse" })
class ReplayRejectsCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--run", paramLabel = "ID",
			description = "A run (job execution id): replays the release it loaded.")
	private Long run;

	@Option(names = "--table", paramLabel = "T",
			description = "Take the corrected records of this table only (any case); the other rejected lines "
					+ "are read from their files as delivered, and corrections written into their raw_record "
					+ "stay there for a later replay (the corrections earlier replays loaded, of every table, are "
					+ "read again). The counts printed are the release's, all tables.")
	private String table;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Warehouse.open()) {
			List<RejectReplay.Outcome> outcomes = context.getBean(RejectReplay.class).replay(this.run, this.table);
			PrintWriter out = this.spec.commandLine().getOut();
			if (outcomes.stream().allMatch(RejectReplay.Outcome::passedOver)) {
				outcomes.forEach((outcome) -> out.printf("%s release '%s': %s.%n", outcome.source(),
						outcome.releaseLabel(), outcome.message()));
				out.println("No rejected rows" + ((this.table != null) ? " of table " + this.table : "") + " to replay"
						+ ((this.run != null) ? " in the release of run " + this.run : " in the latest releases")
						+ ".");
				return ExitCodes.OK;
			}
			boolean failed = false;
			boolean heldBack = false;
			for (RejectReplay.Outcome outcome : outcomes) {
				if (outcome.passedOver()) {
					out.printf("%s release '%s': %s.%n", outcome.source(), outcome.releaseLabel(), outcome.message());
				}
				else if (outcome.replayed()) {
					out.printf("%s release '%s': replayed: %,d rejected rows loaded, %,d still rejected%s%n",
							outcome.source(), outcome.releaseLabel(), outcome.rowsLoaded(), outcome.rowsStillRejected(),
							(outcome.message() != null) ? "; " + outcome.message() : "");
				}
				else {
					heldBack |= outcome.heldBack();
					failed |= !outcome.heldBack();
					this.spec.commandLine()
						.getErr()
						.printf("courtstats: %s release '%s': %s%n", outcome.source(), outcome.releaseLabel(),
								outcome.message());
				}
			}
			return failed ? ExitCodes.FAILED : heldBack ? ExitCodes.HELD_BACK : ExitCodes.OK;
		}
	}

}
