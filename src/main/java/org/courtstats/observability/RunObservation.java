package org.courtstats.observability;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Listens to each run of a release job: its log lines carry the run's id and release
 * while it runs, and when it has published its release the load's duration and the
 * source's last successful load are recorded.
 */
public class RunObservation implements JobExecutionListener {

	private final LoadMeters meters;

	private final ThreadLocal<Boolean> ownsLogContext = new ThreadLocal<>();

	public RunObservation(LoadMeters meters) {
		this.meters = meters;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.ownsLogContext.set(RunLogContext.enter(jobExecution));
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		try {
			String source = jobExecution.getJobParameters().getString("source");
			if (jobExecution.getStatus() == BatchStatus.COMPLETED && source != null
					&& jobExecution.getStartTime() != null) {
				LocalDateTime end = (jobExecution.getEndTime() != null) ? jobExecution.getEndTime()
						: LocalDateTime.now();
				this.meters.loadEnded(jobExecution.getId(), source, Duration.between(jobExecution.getStartTime(), end));
			}
		}
		finally {
			if (Boolean.TRUE.equals(this.ownsLogContext.get())) {
				RunLogContext.leave();
			}
			this.ownsLogContext.remove();
		}
	}

}
