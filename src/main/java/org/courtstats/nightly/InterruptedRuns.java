package org.courtstats.nightly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.courtstats.warehouse.LoadRunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Marks failed the runs left marked as running (starting, started or stopping) by a
 * process that ended without finishing them, so that they can be restarted. Only the
 * holder of the run lock may call it: holding the lock proves no such process is alive.
 */
@Component
public class InterruptedRuns {

	static final String MESSAGE = "interrupted: the process running it ended before it finished";

	static final String UNREACHABLE = "interrupted: the database could not be reached";

	private static final Logger logger = LoggerFactory.getLogger(InterruptedRuns.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final LoadRunLedger loadRunLedger;

	InterruptedRuns(JobOperator jobOperator, JobRepository jobRepository, LoadRunLedger loadRunLedger) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.loadRunLedger = loadRunLedger;
	}

	/**
	 * What {@link #recover()} did: the runs it marked failed, and the runs whose end it
	 * recorded in {@code etl.load_run}, which showed them running.
	 *
	 * @param markedFailed the runs marked failed, oldest first
	 * @param endsRecorded the runs whose end was recorded, oldest first
	 */
	public record Recovery(List<JobExecution> markedFailed, List<RecordedEnd> endsRecorded) {

		/**
		 * Whether nothing was left to recover.
		 * @return true when no run was marked failed and no end recorded
		 */
		public boolean isEmpty() {
			return this.markedFailed.isEmpty() && this.endsRecorded.isEmpty();
		}

	}

	/**
	 * A run whose end was recorded in {@code etl.load_run} after it ended.
	 *
	 * @param runId the run's job execution id
	 * @param release its release, or null when the job repository no longer holds the run
	 * @param status the status recorded: the run's own, or {@code UNKNOWN} when the job
	 * repository no longer holds it
	 */
	public record RecordedEnd(long runId, String release, String status) {

	}

	/**
	 * Marks every run left marked as running failed, and records the end of every run
	 * that {@code etl.load_run} still shows running.
	 * @return what was done
	 */
	Recovery recover() {
		List<JobExecution> recovered = new ArrayList<>();
		for (String jobName : this.jobRepository.getJobNames()) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				logger.warn(
						"Run {} of release '{}' was interrupted when the process running it ended; marking it failed",
						execution.getId(), execution.getJobParameters().getString("release"));
				this.jobOperator.recover(execution);
				this.loadRunLedger.finished(execution.getId(), BatchStatus.FAILED.name(), MESSAGE);
				recovered.add(execution);
			}
		}
		recovered.sort(Comparator.comparingLong(JobExecution::getId));
		return new Recovery(List.copyOf(recovered), recordEnds());
	}

	/**
	 * Records in {@code etl.load_run} the end of each run that ended without its end
	 * recorded there (the database was lost between the job repository's update and the
	 * ledger's), so that analysts do not see it running for ever.
	 * @return the runs whose end was recorded, oldest first
	 */
	private List<RecordedEnd> recordEnds() {
		List<RecordedEnd> recorded = new ArrayList<>();
		for (long id : this.loadRunLedger.unfinished()) {
			JobExecution execution;
			try {
				execution = this.jobRepository.getJobExecution(id);
			}
			catch (EmptyResultDataAccessException ex) {
				// Purged from the job repository (purge keeps etl.load_run) before its
				// end could be recorded: how it ended is no longer known.
				execution = null;
			}
			if (execution == null) {
				logger.warn("Run {} is recorded in etl.load_run as started, and the job repository no longer holds "
						+ "it; recording it as UNKNOWN", id);
				this.loadRunLedger.markUnknown(id,
						"its end was not recorded, and the job repository no longer holds the run");
				recorded.add(new RecordedEnd(id, null, BatchStatus.UNKNOWN.name()));
			}
			else if (!execution.isRunning()) {
				logger.warn("Run {} of release '{}' ended {} without its end recorded in etl.load_run; recording it",
						id, execution.getJobParameters().getString("release"), execution.getStatus());
				this.loadRunLedger.finished(id, execution.getStatus().name(), endMessage(execution));
				recorded.add(new RecordedEnd(id, execution.getJobParameters().getString("release"),
						execution.getStatus().name()));
			}
		}
		return recorded;
	}

	/**
	 * The message of a run read back from the job repository, which keeps its exit
	 * description but not its failures.
	 */
	private static String endMessage(JobExecution execution) {
		String described = LoadFailures.describe(execution);
		if (described != null) {
			return described;
		}
		String description = execution.getExitStatus().getExitDescription();
		return (description == null || description.isBlank()) ? null : LoadFailures.firstLine(description);
	}

	/**
	 * Makes a release's latest run restartable after its database connection was lost: a
	 * run or step that could not record its end is still marked as running, or was marked
	 * {@code UNKNOWN} (Spring Batch's mark for a status it could not save), which Spring
	 * Batch refuses to restart. Both are marked failed. That is safe for these jobs
	 * because each step records its progress in the transaction that does its work (a
	 * chunk's rows and the reader's position; a whole register or publish step), so
	 * whatever the database kept, the restart resumes from a state that agrees with it.
	 * Only the holder of the run lock may call it.
	 * @param jobName the release's job
	 * @param parameters the release's job parameters
	 */
	void makeRestartable(String jobName, JobParameters parameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(jobName, parameters);
		if (last == null) {
			return;
		}
		if (last.isRunning()) {
			logger.warn("Run {} of release '{}' could not record its end while the database was unreachable; "
					+ "marking it failed", last.getId(), parameters.getString("release"));
			this.jobOperator.recover(last);
			this.loadRunLedger.finished(last.getId(), BatchStatus.FAILED.name(), UNREACHABLE);
			last = this.jobRepository.getLastJobExecution(jobName, parameters);
		}
		for (StepExecution step : last.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				logger.warn(
						"Step {} of run {} could not record its status while the database was unreachable; "
								+ "marking it failed, to resume from its last committed chunk",
						step.getStepName(), last.getId());
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(UNREACHABLE));
				this.jobRepository.update(step);
			}
		}
		if (last.getStatus() == BatchStatus.UNKNOWN) {
			last.setStatus(BatchStatus.FAILED);
			last.setExitStatus(ExitStatus.FAILED.addExitDescription(UNREACHABLE));
			this.jobRepository.update(last);
			this.loadRunLedger.finished(last.getId(), BatchStatus.FAILED.name(), UNREACHABLE);
		}
	}

}
