package org.courtstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.intake.Inbox;
import org.courtstats.nightly.LoadsInProgress;
import org.courtstats.nightly.NightlyLoad;
import org.courtstats.nightly.NightlyLoadSettings;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.observability.StagingProgress;
import org.courtstats.warehouse.EmbeddedWarehouse;
import org.courtstats.warehouse.WarehouseReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats load}: runs the nightly load once over the deliveries in an inbox.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = { "Runs the nightly load once over the deliveries in an inbox and prints what it did.",
				"Each EOIR release in the inbox, a folder or a zip named 'EOIR Case Data <date>.zip', is loaded in "
						+ "order of its as-of date; a release already loaded is left alone, a release whose load "
						+ "failed resumes where it stopped.",
				"Then each DHS OHSS workbook (*.xlsx) and CBP encounters file (*encounter*.csv) at the top of the "
						+ "inbox is loaded as a release of its own, in any order." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:loaded, or nothing to do",
				"1:a load failed or was stopped, or a release was refused; read the message: once the cause is "
						+ "fixed, the same command again resumes a failed or stopped load where it stopped",
				"2:usage or configuration error",
				"3:a release was held back: a table rejected more rows than courtstats.nightly-load.max-rejected-share, "
						+ "or an error check of warehouse-sql/checks failed",
				"4:refused: another load is running against the warehouse, or another courtstats process still "
						+ "serves the embedded warehouse after courtstats.database.embedded.owner-wait",
				"143:ended by SIGTERM: the run stopped after its current chunk; the same command again resumes it" })
class LoadCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "Folder holding the delivered releases (default: courtstats.nightly-load.inbox, ./inbox).")
	private Path inbox;

	@Option(names = "--release", paramLabel = "LABEL",
			description = "Label of the one EOIR release in the inbox (default: its folder or zip name, "
					+ "e.g. 'EOIR Case Data 2026-0401').")
	private String release;

	@Option(names = "--allow-older",
			description = "Load a release older than the latest one loaded instead of refusing it; its snapshot "
					+ "then replaces the newer one's (rows absent from it are marked deleted).")
	private boolean allowOlder;

	@Override
	public Integer call() throws Exception {
		if (this.inbox != null && !Files.isDirectory(this.inbox)) {
			// Said before the warehouse starts (and, the first time, is created and
			// migrated): a mistyped folder is a usage error, reported in a second.
			throw new IllegalArgumentException(
					"The inbox " + this.inbox.toAbsolutePath() + " " + Inbox.notAFolder(this.inbox)
							+ ". Pass --inbox with the folder that holds the delivered releases.");
		}
		try (ConfigurableApplicationContext context = Warehouse.openForLoad();
				LoadsInProgress.Load load = context.getBean(LoadsInProgress.class).begin()) {
			Path folder = (this.inbox != null) ? this.inbox : context.getBean(NightlyLoadSettings.class).inbox();
			List<ReleaseOutcome> outcomes = run(context, folder);
			EmbeddedWarehouse embedded = context.getBeanProvider(EmbeddedWarehouse.class).getIfAvailable();
			new LoadSummary(this.spec.commandLine().getOut(), context.getBean(WarehouseReports.class)).print(folder,
					outcomes, (embedded != null) ? embedded.psqlCommand() : null);
			boolean failed = outcomes.stream().anyMatch(ReleaseOutcome::isFailure);
			if (failed) {
				String log = Path.of(context.getEnvironment().getProperty("courtstats.log-dir", "./data/logs"))
					.resolve("courtstats.log")
					.toString();
				outcomes.stream()
					.filter((outcome) -> outcome.status() == ReleaseOutcome.Status.FAILED
							|| outcome.status() == ReleaseOutcome.Status.STOPPED
							|| outcome.status() == ReleaseOutcome.Status.REFUSED
							|| outcome.status() == ReleaseOutcome.Status.HELD_BACK)
					.forEach((outcome) -> this.spec.commandLine()
						.getErr()
						.println(LoadSummary.failureLine(outcome, log)));
			}
			return ExitCodes.of(outcomes);
		}
	}

	/**
	 * Runs the load, with a progress line while it stages when a terminal watches it.
	 */
	private List<ReleaseOutcome> run(ConfigurableApplicationContext context, Path folder) {
		if (!TerminalProgress.isTerminal()) {
			return context.getBean(NightlyLoad.class).run(folder, this.release, this.allowOlder);
		}
		StagingProgress progress = context.getBean(StagingProgress.class);
		TerminalProgress terminal = new TerminalProgress(this.spec.commandLine().getOut());
		progress.showOn(terminal);
		try {
			return context.getBean(NightlyLoad.class).run(folder, this.release, this.allowOlder);
		}
		finally {
			progress.showOn(null);
			terminal.clear();
		}
	}

}
