package org.courtstats.warehouse;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code etl.load_run}: one row per load run, with the counts of its release.
 */
public class LoadRunLedger {

	private final JdbcTemplate jdbc;

	public LoadRunLedger(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Records a run that started.
	 * @param jobExecutionId the run
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release it loads
	 * @param startedAt when it started
	 */
	public void started(long jobExecutionId, String source, String releaseLabel, OffsetDateTime startedAt) {
		this.jdbc.update("""
				insert into etl.load_run (job_execution_id, source, release_label, started_at, status)
				values (?, ?, ?, ?, 'STARTED')
				on conflict (job_execution_id) do nothing
				""", jobExecutionId, source, releaseLabel, startedAt);
	}

	/**
	 * Records how a run ended, with the row counts of its release's files.
	 * @param jobExecutionId the run
	 * @param status its final status
	 * @param message the first line of its failure, or null
	 */
	public void finished(long jobExecutionId, String status, String message) {
		record(jobExecutionId, status, message, false);
	}

	/**
	 * Records a run's rejected rows replayed into its release: its status, message and
	 * row counts as they now stand, its end left as it was (the replay is a run of its
	 * own in no ledger).
	 * @param jobExecutionId the run
	 * @param message what the replay did
	 */
	public void replayed(long jobExecutionId, String message) {
		// A published release's run an operator abandoned since (stopped as it
		// published) stays marked so: the mark is what keeps its label from loading.
		List<String> status = this.jdbc.queryForList("select status from etl.load_run where job_execution_id = ?",
				String.class, jobExecutionId);
		record(jobExecutionId, status.contains("ABANDONED") ? "ABANDONED" : "COMPLETED", message, true);
	}

	private void record(long jobExecutionId, String status, String message, boolean keepEnd) {
		this.jdbc.update("""
				update etl.load_run as r
				set ended_at = case when ? then coalesce(r.ended_at, now()) else now() end,
				    status = ?,
				    message = ?,
				    rows_read = coalesce(c.rows_read, 0),
				    rows_loaded = case when exists (select 1 from warehouse.dim_release as d
				        where d.job_execution_id = r.job_execution_id and d.status = 'published')
				        then coalesce(c.rows_loaded, 0) else 0 end,
				    rows_rejected = coalesce(c.rows_rejected, 0)
				from (
				    select sum(f.rows_read) as rows_read, sum(f.rows_loaded) as rows_loaded,
				        sum(f.rows_rejected) as rows_rejected
				    from etl.source_file as f
				    join etl.load_run as run
				        on run.source = f.source and run.release_label = f.release_label
				    where run.job_execution_id = ?
				) as c
				where r.job_execution_id = ?
				""", keepEnd, status, message, jobExecutionId, jobExecutionId);
	}

	/**
	 * The runs recorded as started and never as ended: running now, or left so by a
	 * process that ended, or by a run whose end could not be recorded here.
	 * @return their job execution ids, oldest first
	 */
	public List<Long> unfinished() {
		return this.jdbc.queryForList(
				"select job_execution_id from etl.load_run where status = 'STARTED' order by job_execution_id",
				Long.class);
	}

	/**
	 * Records that how a run ended is no longer known: its end was never recorded here,
	 * and the job repository no longer holds it. Its end time stays unknown too.
	 * @param jobExecutionId the run
	 * @param message why
	 */
	public void markUnknown(long jobExecutionId, String message) {
		this.jdbc.update("update etl.load_run set status = 'UNKNOWN', message = ? where job_execution_id = ?", message,
				jobExecutionId);
	}

	/**
	 * Records a status an operator gave a run after it ended (ABANDONED), keeping its
	 * counts and message.
	 * @param jobExecutionId the run
	 * @param status its new status
	 */
	public void markStatus(long jobExecutionId, String status) {
		this.jdbc.update("update etl.load_run set status = ?, ended_at = coalesce(ended_at, now()) "
				+ "where job_execution_id = ?", status, jobExecutionId);
	}

}
