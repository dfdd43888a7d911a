package org.courtstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.nightly.NightlyLoadSettings;
import org.courtstats.pull.PullOutcome;
import org.courtstats.pull.SourcePull;
import org.courtstats.warehouse.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats pull}: fetches the declared sources' files into the inbox when their
 * publishers changed them.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
		description = { "Checks each enabled source of courtstats.pull.sources (the EOIR case-data zip, the OHSS "
				+ "workbook, the CBP encounters file) that is due by its check-schedule (a source not due is not "
				+ "contacted, unless --force) with a conditional request, and downloads a changed file "
				+ "into the inbox: written as .<name>.part, resumed after a cut connection, verified, then moved "
				+ "into place. What each check found is recorded in etl.source_check (see `courtstats status`).",
				"Proxies: -Dhttps.proxyHost=HOST -Dhttps.proxyPort=PORT (or the same in JAVA_TOOL_OPTIONS)." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every source checked (downloaded or not modified) or not due",
				"1:a source could not be fetched or its file failed verification; nothing of it entered the inbox",
				"2:usage or configuration error", "4:refused: a load is running against the warehouse" })
class PullCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--inbox", paramLabel = "DIR",
			description = "Folder the files go to (default: courtstats.nightly-load.inbox, ./inbox).")
	private Path inbox;

	@Option(names = "--source", paramLabel = "NAME",
			description = "Pull only this source (a name under courtstats.pull.sources), even if it is switched off.")
	private String source;

	@Option(names = "--force",
			description = "Check the sources now, even those whose check-schedule says they are not due.")
	private boolean force;

	@Override
	public Integer call() {
		List<PullOutcome> outcomes;
		try (ConfigurableApplicationContext context = Warehouse.open()) {
			Path folder = (this.inbox != null) ? this.inbox : context.getBean(NightlyLoadSettings.class).inbox();
			try (RunLock.Lease lease = context.getBean(RunLock.class).acquire()) {
				outcomes = context.getBean(SourcePull.class).pull(folder, this.source, this.force);
			}
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (outcomes.isEmpty()) {
			out.println("No source is enabled (courtstats.pull.sources.<name>.enabled); nothing was checked.");
		}
		for (PullOutcome outcome : outcomes) {
			switch (outcome.status()) {
				case NOT_DUE -> out.println(outcome.message() + "; --force checks it now");
				case NOT_MODIFIED ->
					out.println(outcome.source() + ": not modified since it was fetched (" + outcome.url() + ")");
				case DOWNLOADED -> out.printf("%s: downloaded %s (%,d bytes, sha256 %s) from %s%n", outcome.source(),
						outcome.file(), outcome.bytes(), outcome.sha256(), outcome.url());
				case FAILED -> this.spec.commandLine().getErr().println("courtstats: " + outcome.message());
			}
		}
		out.flush();
		this.spec.commandLine().getErr().flush();
		return outcomes.stream().anyMatch(PullOutcome::isFailure) ? ExitCodes.FAILED : ExitCodes.OK;
	}

}
