package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.courtstats.nightly.InterruptedRuns;
import org.courtstats.nightly.RunOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats recover}: marks failed the runs a dead process left marked as
 * running.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
		description = { "Takes the run lock, proving that no load is alive, and marks FAILED every run still marked "
				+ "STARTING, STARTED or STOPPING: a process that ended without finishing it (killed, out of "
				+ "memory, power cut) left it so. Each can then be restarted (`courtstats restart`, or the next "
				+ "load, which also recovers such runs itself). A run that ended without its end recorded in "
				+ "etl.load_run has it recorded, and is listed.",
				"When a load holds the lock, nothing is touched: the runs marked as running are its own." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done (the runs recovered and the ends recorded are listed, or none)",
				"2:usage or configuration error", "4:refused: a load is running, so its runs are alive" })
class RecoverCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		InterruptedRuns.Recovery recovery;
		try (ConfigurableApplicationContext context = Warehouse.open()) {
			recovery = context.getBean(RunOperations.class).recover();
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (recovery.isEmpty()) {
			out.println("No run was left marked as running: nothing to recover.");
		}
		for (JobExecution execution : recovery.markedFailed()) {
			out.println("Run " + execution.getId() + " (" + execution.getJobParameters().getString("source")
					+ " release '" + execution.getJobParameters().getString("release")
					+ "') was left running by a process that ended: marked FAILED. `courtstats restart "
					+ execution.getId() + "` or the next load resumes it.");
		}
		for (InterruptedRuns.RecordedEnd end : recovery.endsRecorded()) {
			if (end.release() == null) {
				out.println("Run " + end.runId() + " was shown running in etl.load_run, and the job repository no "
						+ "longer holds it: recorded " + end.status() + ".");
			}
			else {
				out.println("Run " + end.runId() + " (release '" + end.release() + "') had ended " + end.status()
						+ " without its end recorded in etl.load_run: recorded.");
			}
		}
		out.flush();
		return ExitCodes.OK;
	}

}
