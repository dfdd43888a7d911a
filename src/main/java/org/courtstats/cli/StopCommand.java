package org.courtstats.cli;

import java.util.concurrent.Callable;

import org.courtstats.nightly.RunOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats stop}: asks a running run, in this or another process, to stop after
 * its current chunk.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
		description = { "Asks a running run to stop gracefully: it is marked STOPPING in the job repository, and "
				+ "the load running it, in whatever process, stops each step after its current chunk commits "
				+ "(when it next records its progress), ending the run STOPPED. `courtstats restart` or the next "
				+ "load resumes it from there.",
				"A run publishing its release, or that has published it and is recording its end, is refused: the "
						+ "publication is one transaction, which ends by committing or rolling back. A stop that "
						+ "lands as the publication starts is seen by it: it publishes nothing and the run ends "
						+ "STOPPED. The load stopped exits with code 1. Returns within seconds; `courtstats status` "
						+ "shows STOPPED once the run has stopped." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:stop requested", "2:refused: unknown run, not running, already stopping, publishing its "
				+ "release, or left by a process that ended" })
class StopCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "EXECUTION-ID",
			description = "The running run to stop, as `courtstats status` lists it.")
	private long executionId;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Warehouse.openShared()) {
			JobExecution execution = context.getBean(RunOperations.class).stop(this.executionId);
			this.spec.commandLine()
				.getOut()
				.println("Run " + this.executionId + " (release '" + execution.getJobParameters().getString("release")
						+ "') is marked " + execution.getStatus() + ": it stops after its current chunk commits. "
						+ "`courtstats status` shows STOPPED once it has; `courtstats restart " + this.executionId
						+ "` resumes it.");
			return ExitCodes.OK;
		}
	}

}
