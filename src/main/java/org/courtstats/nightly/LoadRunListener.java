package org.courtstats.nightly;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.courtstats.warehouse.LoadRunLedger;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Records each run of the release job in {@code etl.load_run}.
 */
class LoadRunListener implements JobExecutionListener {

	private final LoadRunLedger ledger;

	LoadRunListener(LoadRunLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		String label = jobExecution.getJobParameters().getString("release", "?");
		String source = jobExecution.getJobParameters().getString("source", EoirReleaseJobConfiguration.SOURCE);
		OffsetDateTime started = (jobExecution.getStartTime() != null)
				? jobExecution.getStartTime().atZone(ZoneId.systemDefault()).toOffsetDateTime() : OffsetDateTime.now();
		this.ledger.started(jobExecution.getId(), source, label, started);
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		this.ledger.finished(jobExecution.getId(), jobExecution.getStatus().name(),
				LoadFailures.describe(jobExecution));
	}

}
