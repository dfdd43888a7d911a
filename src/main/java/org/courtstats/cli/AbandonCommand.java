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
 * {@code courtstats abandon}: gives up on a failed or stopped run for good.
 */
@Command(name = "abandon", mixinStandardHelpOptions = true,
		description = {
				"Marks a failed or stopped run ABANDONED, in the job repository and etl.load_run: it is never "
						+ "restarted. Spring Batch never runs an abandoned release (job instance) again either: `load` "
						+ "refuses the release under the same label, so deliver it under a new label to load it.",
				"Its staged rows are deleted; its rejected and repaired rows stay, with the run. Takes the run lock." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:abandoned",
				"2:refused: unknown run, completed, already abandoned, still marked as running, or not the latest run of "
						+ "its release",
				"4:refused: a load is running against the warehouse" })
class AbandonCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "EXECUTION-ID",
			description = "The failed or stopped run to abandon, as `courtstats status` lists it.")
	private long executionId;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Warehouse.open()) {
			JobExecution execution = context.getBean(RunOperations.class).abandon(this.executionId);
			this.spec.commandLine()
				.getOut()
				.println("Run " + this.executionId + " (release '" + execution.getJobParameters().getString("release")
						+ "') is " + execution.getStatus() + ": it will not be restarted, and its release loads "
						+ "again only under a new label.");
			return ExitCodes.OK;
		}
	}

}
