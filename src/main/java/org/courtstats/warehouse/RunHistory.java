package org.courtstats.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runs the job repository ({@code batch.BATCH_*}) remembers, with the counts and
 * failure that {@code etl.load_run} keeps for each, and the purge of old runs from the
 * job repository (never from {@code etl.load_run}, the audit trail).
 */
public class RunHistory {

	private static final String RUNS = """
			select e.job_execution_id, i.job_name,
			    coalesce(r.source, (select p.parameter_value from batch.batch_job_execution_params as p
			        where p.job_execution_id = e.job_execution_id and p.parameter_name = 'source')) as source,
			    coalesce(r.release_label, (select p.parameter_value from batch.batch_job_execution_params as p
			        where p.job_execution_id = e.job_execution_id and p.parameter_name = 'release')) as release_label,
			    e.status, e.start_time, e.end_time, r.rows_read, r.rows_loaded, r.rows_rejected,
			    (select s.step_name from batch.batch_step_execution as s
			        where s.job_execution_id = e.job_execution_id and s.status in ('FAILED', 'STOPPED', 'UNKNOWN')
			            and (e.status <> 'STOPPED' or s.step_name not like '%:%')
			        order by s.status <> 'STOPPED' and s.step_name like '%:%' desc,
			            case when s.step_name like '%:%' then s.step_execution_id else -s.step_execution_id end
			        limit 1) as failed_step,
			    coalesce(r.message, (select s.exit_message from batch.batch_step_execution as s
			        where s.job_execution_id = e.job_execution_id and s.status in ('FAILED', 'UNKNOWN')
			            and s.exit_message <> ''
			        order by s.step_execution_id desc limit 1)) as message
			from batch.batch_job_execution as e
			join batch.batch_job_instance as i using (job_instance_id)
			left join etl.load_run as r using (job_execution_id)
			""";

	private static final String CHECK_RESULTS = """
			select job_execution_id, check_name, severity, threshold, offending_rows, passed,
			    cast(examples as text) as examples
			from etl.check_result
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	public RunHistory(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * How many runs {@code etl.load_run} keeps, every run whether or not the job
	 * repository still holds it.
	 * @return the count
	 */
	public long runsInLedger() {
		return this.jdbc.queryForObject("select count(*) from etl.load_run", Long.class);
	}

	/**
	 * The latest runs, newest first.
	 * @param limit how many
	 * @return at most {@code limit} runs
	 */
	public List<Run> recent(int limit) {
		return this.jdbc.query(RUNS + "order by e.job_execution_id desc limit ?", RunHistory::run, limit);
	}

	/**
	 * The checks each of some runs failed or warned about (over their threshold) the last
	 * time it made them, in the order they ran: a replay of a held-back release checks it
	 * again under its run, and what it found then is what holds.
	 * @param runs job execution ids
	 * @return per run with such checks, its failed and warned checks
	 */
	public Map<Long, List<WarehouseChecks.CheckResult>> flaggedChecks(Collection<Long> runs) {
		Map<Long, List<WarehouseChecks.CheckResult>> flagged = new LinkedHashMap<>();
		if (runs.isEmpty()) {
			return flagged;
		}
		this.jdbc.query("""
				select job_execution_id, check_name, severity, threshold, offending_rows, passed,
				    cast(examples as text) as examples
				from (
				    select distinct on (job_execution_id, check_name) *
				    from etl.check_result
				    where job_execution_id = any(?)
				    order by job_execution_id, check_name, check_result_id desc
				) as latest
				where not passed
				order by check_result_id
				""", (ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", runs.toArray(Long[]::new))),
				(rs) -> {
					flagged.computeIfAbsent(rs.getLong("job_execution_id"), (run) -> new ArrayList<>())
						.add(checkResult(rs, 0));
				});
		return flagged;
	}

	/**
	 * Every check a run made, passed or not, in the order they ran.
	 * @param run a job execution id
	 * @return its check results; none when it did not reach its publish step
	 */
	public List<WarehouseChecks.CheckResult> checks(long run) {
		return this.jdbc.query(CHECK_RESULTS + "where job_execution_id = ? order by check_result_id",
				RunHistory::checkResult, run);
	}

	/**
	 * The runs the job repository marks as running (starting, started or stopping),
	 * oldest first; whether a process still runs them is for the run lock to say.
	 * @return the runs marked as running
	 */
	public List<Run> markedRunning() {
		return this.jdbc.query(
				RUNS + "where e.status in ('STARTING', 'STARTED', 'STOPPING') " + "order by e.job_execution_id",
				RunHistory::run);
	}

	/**
	 * Deletes from the job repository the runs that ended before a time, except every run
	 * of a release that can still be restarted: a restart resumes each step from that
	 * step's last execution, which may belong to an earlier attempt than the last one.
	 * {@code etl.load_run} keeps them all.
	 * @param endedBefore the time (the job repository's, local) before which runs ended
	 * @return the runs deleted, oldest first
	 */
	public List<Run> purge(LocalDateTime endedBefore) {
		return this.transaction.execute((status) -> {
			List<Run> doomed = this.jdbc.query(RUNS + """
					where e.end_time < ?
					    and e.status not in ('STARTING', 'STARTED', 'STOPPING')
					    and not exists (
					        select 1 from batch.batch_job_execution as last
					        where last.job_instance_id = e.job_instance_id
					            and last.status not in ('COMPLETED', 'ABANDONED')
					            and last.job_execution_id = (select max(x.job_execution_id)
					                from batch.batch_job_execution as x where x.job_instance_id = e.job_instance_id)
					    )
					order by e.job_execution_id
					""", RunHistory::run, Timestamp.valueOf(endedBefore));
			if (doomed.isEmpty()) {
				return doomed;
			}
			Long[] ids = doomed.stream().map(Run::executionId).toArray(Long[]::new);
			List<Long> instances = this.jdbc.query(
					"select distinct job_instance_id from batch.batch_job_execution where job_execution_id = any(?)",
					(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)),
					(rs, row) -> rs.getLong(1));
			for (String sql : List.of("""
					delete from batch.batch_step_execution_context where step_execution_id in (
					    select step_execution_id from batch.batch_step_execution where job_execution_id = any(?))
					""", "delete from batch.batch_step_execution where job_execution_id = any(?)",
					"delete from batch.batch_job_execution_context where job_execution_id = any(?)",
					"delete from batch.batch_job_execution_params where job_execution_id = any(?)",
					"delete from batch.batch_job_execution where job_execution_id = any(?)")) {
				this.jdbc.update(sql, (ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
			}
			Long[] instanceIds = instances.toArray(Long[]::new);
			this.jdbc.update("""
					delete from batch.batch_job_instance as i
					where i.job_instance_id = any(?)
					    and not exists (select 1 from batch.batch_job_execution as e
					        where e.job_instance_id = i.job_instance_id)
					""", (ps) -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", instanceIds)));
			return doomed;
		});
	}

	private static Run run(ResultSet rs, int row) throws SQLException {
		Timestamp start = rs.getTimestamp("start_time");
		Timestamp end = rs.getTimestamp("end_time");
		return new Run(rs.getLong("job_execution_id"), rs.getString("job_name"), rs.getString("source"),
				rs.getString("release_label"), rs.getString("status"), (start != null) ? start.toLocalDateTime() : null,
				(end != null) ? end.toLocalDateTime() : null, rs.getObject("rows_read", Long.class),
				rs.getObject("rows_loaded", Long.class), rs.getObject("rows_rejected", Long.class),
				rs.getString("failed_step"), firstLine(rs.getString("message")));
	}

	private static WarehouseChecks.CheckResult checkResult(ResultSet rs, int row) throws SQLException {
		return new WarehouseChecks.CheckResult(rs.getString("check_name"),
				WarehouseChecks.Severity.valueOf(rs.getString("severity").toUpperCase(Locale.ROOT)),
				rs.getLong("threshold"), rs.getLong("offending_rows"), rs.getBoolean("passed"),
				rs.getString("examples"));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return null;
		}
		String line = message.strip();
		int newline = line.indexOf('\n');
		return (newline > 0) ? line.substring(0, newline).strip() : line;
	}

	/**
	 * One run of a release's job.
	 *
	 * @param executionId the job execution id
	 * @param jobName the job
	 * @param source eoir, ohss or cbp
	 * @param release the release label
	 * @param status the job repository's status (STARTED, COMPLETED, FAILED, STOPPED,
	 * ABANDONED, ...)
	 * @param start when it started, or null
	 * @param end when it ended, or null while marked running
	 * @param rowsRead rows read, once it ended (from {@code etl.load_run})
	 * @param rowsLoaded rows loaded, likewise
	 * @param rowsRejected rows rejected, likewise
	 * @param failedStep the step that failed or stopped, or null
	 * @param message the first line of its failure, or null
	 */
	public record Run(long executionId, String jobName, String source, String release, String status,
			LocalDateTime start, LocalDateTime end, Long rowsRead, Long rowsLoaded, Long rowsRejected,
			String failedStep, String message) {

	}

}
