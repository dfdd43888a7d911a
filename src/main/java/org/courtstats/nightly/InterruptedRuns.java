package org.courtstats.nightly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.courtstats.warehouse.LoadRunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Marks failed the runs left marked as running (starting, started or stopping) by a
 * process that ended without finishing them, so that they can be restarted. Only the
 * holder of the run lock may call it: holding the lock proves no such process is alive.
 */
@Component
class InterruptedRuns {

	static final String MESSAGE = "interrupted: the process running it ended before it finished";

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
	 * Marks every run left marked as running failed.
	 * @return the runs marked failed, oldest first
	 */
	List<JobExecution> recover() {
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
		return recovered;
	}

}
