package org.courtstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.courtstats.nightly.LoadsInProgress;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.nightly.RunOperations;
import org.courtstats.warehouse.EmbeddedWarehouse;
import org.courtstats.warehouse.WarehouseReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats restart}: resumes a failed or stopped run from its failed step and
 * last committed chunk.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Restarts a failed or stopped run from the step that failed and the last chunk it committed, "
				+ "with the job parameters it had (the same release path), then prints what it did like `load`.",
				"Takes the run lock first, as a load does. Refused for a completed, abandoned or unknown run, for a "
						+ "run that is not the latest of its release, and for a run still marked as running "
						+ "(`courtstats recover` first). A file changed since the failed attempt stops the restart "
						+ "before another line is staged, with a message naming the file." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the release loaded", "1:the restart failed again; fix the cause and restart again",
				"2:refused: unknown run, completed, abandoned, still marked as running, not the latest run of its "
						+ "release, its release already published, or an EOIR release older than the newest published",
				"3:the release was held back again: rejected rows over the threshold, or a data-quality check failed",
				"4:refused: a load is running against the warehouse",
				"143:ended by SIGTERM: the run stopped after its current chunk; restart it again" })
class RestartCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "EXECUTION-ID",
			description = "The run to restart, as `courtstats status` lists it.")
	private long executionId;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Warehouse.openForLoad();
				LoadsInProgress.Load load = context.getBean(LoadsInProgress.class).begin()) {
			ReleaseOutcome outcome = context.getBean(RunOperations.class).restart(this.executionId);
			EmbeddedWarehouse embedded = context.getBeanProvider(EmbeddedWarehouse.class).getIfAvailable();
			new LoadSummary(this.spec.commandLine().getOut(), context.getBean(WarehouseReports.class))
				.print(Path.of("."), List.of(outcome), (embedded != null) ? embedded.psqlCommand() : null);
			if (!outcome.isFailure()) {
				return ExitCodes.OK;
			}
			String log = Path.of(context.getEnvironment().getProperty("courtstats.log-dir", "./data/logs"))
				.resolve("courtstats.log")
				.toString();
			this.spec.commandLine().getErr().println(LoadSummary.failureLine(outcome, log));
			return ExitCodes.of(List.of(outcome));
		}
	}

}
