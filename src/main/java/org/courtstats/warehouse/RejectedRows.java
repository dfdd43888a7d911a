package org.courtstats.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The rows a release quarantined in {@code etl.rejected_row}: what an operator looks at,
 * and the threshold above which they hold the release back.
 */
public class RejectedRows {

	/**
	 * The release of a chosen run, or of each source's latest run that staged files and
	 * whose release was not abandoned unpublished (an abandoned release is never
	 * published, so neither listed nor replayed by default). Rejected rows are taken by
	 * release, not by run: a restarted release's rows come from several runs.
	 */
	private static final String CHOSEN_RELEASES = """
			with runs as (
			    select r.source, r.release_label, d.release_key, r.job_execution_id,
			        d.status is distinct from 'published'
			            and (select l.status from etl.load_run as l
			                where l.source = r.source and l.release_label = r.release_label
			                order by l.job_execution_id desc limit 1) = 'ABANDONED' as is_abandoned
			    from etl.load_run as r
			    join warehouse.dim_release as d using (source, release_label)
			    where exists (select 1 from etl.source_file as f where f.release_key = d.release_key)
			),

			chosen as (
			    select distinct on (source) source, release_label, release_key, job_execution_id
			    from runs
			    where (cast(:run as bigint) is null and not is_abandoned) or job_execution_id = :run
			    order by source, job_execution_id desc
			)
			""";

	/**
	 * The tables of a release that rejected more rows than allowed, with their counts:
	 * the offending rows of the check {@code rejected_rows__within_threshold}.
	 */
	static final String TABLES_OVER_THRESHOLD = """
			select f.table_name, sum(f.rows_rejected) as rows_rejected, sum(f.rows_read) as rows_read
			from etl.source_file as f
			where f.release_key = :release_key and f.table_name is not null
			group by f.table_name
			having sum(f.rows_rejected) > :floor
			    and sum(f.rows_rejected) > cast(:max_share as numeric) * sum(f.rows_read)
			order by f.table_name
			""";

	private final NamedParameterJdbcTemplate jdbc;

	public RejectedRows(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	/**
	 * Holds a release back when one of its tables rejected more rows than allowed: more
	 * than {@code maxShare} of its rows read, and more than {@code floor}.
	 * @param releaseKey the release
	 * @param maxShare the share of a table's rows read that may be rejected (0.01 = 1%)
	 * @param floor rejected rows any table may have whatever its size
	 * @throws RejectedRowsOverThresholdException naming each table over the threshold
	 */
	public void verifyWithinThreshold(long releaseKey, double maxShare, long floor) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("release_key", releaseKey)
			.addValue("max_share", BigDecimal.valueOf(maxShare))
			.addValue("floor", floor);
		double[] highest = { 0 };
		List<String> over = this.jdbc.query(TABLES_OVER_THRESHOLD, parameters, (rs, row) -> {
			long rejected = rs.getLong(2);
			long read = rs.getLong(3);
			double share = (read > 0) ? (double) rejected / read : 1.0;
			highest[0] = Math.max(highest[0], share);
			return "%s has %,d rejected rows of %,d read (%s)".formatted(rs.getString(1), rejected, read,
					percent(share));
		});
		if (over.isEmpty()) {
			return;
		}
		Map<String, Object> release = this.jdbc.queryForMap(
				"select release_label, source from warehouse.dim_release where release_key = :release_key", parameters);
		String label = (String) release.get("release_label");
		// An OHSS table has no record to correct: it reads again once the loader reads
		// it.
		String replay = "ohss".equals(release.get("source"))
				? "run 'courtstats replay-rejects' once a version of courtstats reads the rejected tables"
				: "correct the rows and run 'courtstats replay-rejects'";
		String raised = raised(maxShare, highest[0]);
		String findings = String.join("; ", over) + ", over the threshold of " + percent(maxShare)
				+ " of a table's rows read (courtstats.nightly-load.max-rejected-share = " + maxShare + "; up to "
				+ floor + " rejected rows per table are always allowed)";
		throw new RejectedRowsOverThresholdException("Release '" + label + "' is held back, not published: " + findings
				+ ". Its staged rows are kept. See them with "
				+ "'courtstats rejects'; then raise the threshold (e.g. java "
				+ "-Dcourtstats.nightly-load.max-rejected-share=" + raised
				+ " -jar courtstats.jar load, or COURTSTATS_NIGHTLYLOAD_MAXREJECTEDSHARE in the environment) and run "
				+ "the load again to publish the release, or " + replay + ".", findings, raised);
	}

	/**
	 * A threshold to suggest: the highest share a table rejected, rounded up to a
	 * hundredth, so that it publishes the release and allows no more than it needs; at
	 * least 5%, at most all rows; written as a person would (0.15, not
	 * 0.15000000000000002).
	 * @param maxShare the threshold that held the release back (below the highest share)
	 * @param highestShare the highest share of its rows read a table rejected
	 * @return the threshold, as an operator writes it
	 */
	static String raised(double maxShare, double highestShare) {
		BigDecimal raised = BigDecimal.valueOf(highestShare)
			.setScale(2, RoundingMode.CEILING)
			.max(new BigDecimal("0.05"))
			.max(BigDecimal.valueOf(maxShare));
		return raised.min(BigDecimal.ONE).stripTrailingZeros().toPlainString();
	}

	/**
	 * The rejected rows of the release of a run, or of each source's latest release.
	 * @param run a job execution id, or null for each source's latest run
	 * @param table a table name (any case), or null for all
	 * @param limit the most rows to return
	 * @return the rows, by source, table and line
	 */
	public List<Rejected> list(Long run, String table, int limit) {
		return this.jdbc.query(CHOSEN_RELEASES + """
				select c.source, c.release_label, r.table_name, f.relative_path, r.sheet_name, r.line_number,
				    r.reason_code, r.message, r.raw_record, r.rejected_row_id
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				join chosen as c on c.release_key = f.release_key
				where cast(:table as text) is null or lower(r.table_name) = :table
				order by c.source, r.table_name, r.line_number, r.rejected_row_id
				limit :limit
				""", parameters(run, table).addValue("limit", limit),
				(rs, row) -> new Rejected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9)));
	}

	/**
	 * How many rows each table of the chosen releases rejected, by reason.
	 * @param run a job execution id, or null for each source's latest run
	 * @param table a table name (any case), or null for all
	 * @return one count per source, release, table and reason
	 */
	public List<Count> counts(Long run, String table) {
		return this.jdbc.query(CHOSEN_RELEASES + """
				select c.source, c.release_label, r.table_name, r.reason_code, count(*) as rows_rejected
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				join chosen as c on c.release_key = f.release_key
				where cast(:table as text) is null or lower(r.table_name) = :table
				group by c.source, c.release_label, r.table_name, r.reason_code
				order by c.source, r.table_name, rows_rejected desc, r.reason_code
				""", parameters(run, table), (rs, row) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getLong(5)));
	}

	/**
	 * The chosen releases that hold rejected rows, with how many.
	 * @param run a job execution id, or null for each source's latest run
	 * @param table a table name (any case), or null for all
	 * @return one entry per release
	 */
	public List<Release> releases(Long run, String table) {
		return this.jdbc.query(CHOSEN_RELEASES + """
				select c.source, c.release_label, c.release_key, count(*) as rows_rejected
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				join chosen as c on c.release_key = f.release_key
				where cast(:table as text) is null or lower(r.table_name) = :table
				group by c.source, c.release_label, c.release_key
				order by c.source
				""", parameters(run, table),
				(rs, row) -> new Release(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
	}

	/**
	 * The releases holding rejected rows that are passed over when no run is chosen: each
	 * abandoned, and loaded after the release of its source that is chosen instead.
	 * @param table a table name (any case), or null for all
	 * @return one entry per release, its rows counted as {@link #releases} counts them
	 */
	public List<Abandoned> abandonedSinceLatest(String table) {
		return this.jdbc
			.query(CHOSEN_RELEASES + """
					select s.source, s.release_label, max(s.job_execution_id) as abandoned_run,
					    (select count(*)
					        from etl.rejected_row as r
					        join etl.source_file as f using (source_file_id)
					        where f.release_key = s.release_key
					            and (cast(:table as text) is null or lower(r.table_name) = :table)) as rows_rejected
					from runs as s
					where s.is_abandoned
					    and not exists (select 1 from chosen as c
					        where c.source = s.source and c.job_execution_id > s.job_execution_id)
					group by s.source, s.release_label, s.release_key
					order by s.source, abandoned_run
					""", parameters(null, table),
					(rs, row) -> new Abandoned(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
			.stream()
			.filter((abandoned) -> abandoned.rowsRejected() > 0)
			.toList();
	}

	/**
	 * Writes back the corrected records of rejected lines a replay staged again as
	 * delivered (lines of a table the replay did not take corrections from), so that the
	 * corrections wait in {@code etl.rejected_row} for a later replay.
	 * @param sourceFileId the file
	 * @param records the corrected records, by line
	 * @return the lines that are no longer rejected, whose correction found no row to
	 * wait in
	 */
	public List<Long> keepCorrections(long sourceFileId, Map<Long, String> records) {
		List<Map.Entry<Long, String>> lines = List.copyOf(records.entrySet());
		int[] updated = this.jdbc.batchUpdate("""
				update etl.rejected_row set raw_record = :record
				where source_file_id = :file and line_number = :line
				""",
				lines.stream()
					.map((line) -> new MapSqlParameterSource().addValue("file", sourceFileId)
						.addValue("line", line.getKey())
						.addValue("record", line.getValue()))
					.toArray(MapSqlParameterSource[]::new));
		List<Long> notRejected = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				notRejected.add(lines.get(i).getKey());
			}
		}
		return notRejected;
	}

	/**
	 * The rejected rows of a release as they are now, by file and line: the corrected
	 * record an operator may have written into {@code raw_record}.
	 * @param releaseKey the release
	 * @param table a table name (any case), or null for all
	 * @return for each file id, its rejected lines and their records
	 */
	public Map<Long, Map<Long, String>> records(long releaseKey, String table) {
		Map<Long, Map<Long, String>> records = new HashMap<>();
		this.jdbc.query("""
				select r.source_file_id, r.line_number, r.raw_record
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				where f.release_key = :release_key and r.raw_record is not null
				    and (cast(:table as text) is null or lower(r.table_name) = :table)
				""", parameters(null, table).addValue("release_key", releaseKey), (rs) -> {
			records.computeIfAbsent(rs.getLong(1), (file) -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
		});
		return records;
	}

	/**
	 * The corrections earlier replays loaded into a release, by file and line: every
	 * replay, which stages the release's files again, reads these lines so corrected.
	 * @param releaseKey the release
	 * @return for each file id, its corrected lines and their records as loaded
	 */
	public Map<Long, Map<Long, String>> corrections(long releaseKey) {
		Map<Long, Map<Long, String>> corrections = new HashMap<>();
		this.jdbc.query("""
				select c.source_file_id, c.line_number, c.corrected_record
				from etl.corrected_row as c
				join etl.source_file as f using (source_file_id)
				where f.release_key = :release_key
				""", new MapSqlParameterSource("release_key", releaseKey), (rs) -> {
			corrections.computeIfAbsent(rs.getLong(1), (file) -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
		});
		return corrections;
	}

	/**
	 * Remembers the corrections a replay loaded from a file, once the file is staged
	 * again: each line read otherwise than the file holds it that is not rejected now; a
	 * correction remembered before whose line is rejected again is forgotten, its record
	 * being in {@code etl.rejected_row} once more.
	 * @param sourceFileId the file
	 * @param tableName its table, as in {@code etl.rejected_row}
	 * @param applied the lines read otherwise than the file holds them
	 * @param jobExecutionId the run of the release
	 */
	public void rememberCorrections(long sourceFileId, String tableName, Map<Long, Correction> applied,
			long jobExecutionId) {
		MapSqlParameterSource[] rows = applied.entrySet()
			.stream()
			.map((line) -> new MapSqlParameterSource().addValue("file", sourceFileId)
				.addValue("line", line.getKey())
				.addValue("table", tableName)
				.addValue("delivered", line.getValue().delivered())
				.addValue("corrected", line.getValue().corrected())
				.addValue("run", jobExecutionId))
			.toArray(MapSqlParameterSource[]::new);
		this.jdbc.batchUpdate("""
				insert into etl.corrected_row (source_file_id, line_number, table_name, delivered_record,
				    corrected_record, job_execution_id)
				select :file, :line, :table, :delivered, :corrected, :run
				where not exists (select 1 from etl.rejected_row as r
				    where r.source_file_id = :file and r.line_number = :line)
				on conflict (source_file_id, line_number) do update
				    set corrected_record = excluded.corrected_record, job_execution_id = excluded.job_execution_id,
				        corrected_at = now()
				""", rows);
		this.jdbc.update("""
				delete from etl.corrected_row as c
				where c.source_file_id = :file
				    and exists (select 1 from etl.rejected_row as r
				        where r.source_file_id = c.source_file_id and r.line_number = c.line_number)
				""", new MapSqlParameterSource("file", sourceFileId));
	}

	/**
	 * How many rows of a release are quarantined.
	 * @param releaseKey the release
	 * @param table a table name (any case), or null for all
	 * @return the count of its rows in {@code etl.rejected_row}
	 */
	public long count(long releaseKey, String table) {
		Long count = this.jdbc.queryForObject("""
				select count(*)
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id)
				where f.release_key = :release_key
				    and (cast(:table as text) is null or lower(r.table_name) = :table)
				""", parameters(null, table).addValue("release_key", releaseKey), Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The latest run of {@code etl.load_run} that rejected rows: where to look when the
	 * latest runs rejected none.
	 * @param table a table name (any case), or null for all
	 * @return the run, if any run rejected rows
	 */
	public Optional<Long> latestRunWithRejects(String table) {
		return Optional.ofNullable(this.jdbc.queryForObject("""
				select max(r.job_execution_id)
				from etl.rejected_row as r
				where (cast(:table as text) is null or lower(r.table_name) = :table)
				    and exists (select 1 from etl.load_run as l where l.job_execution_id = r.job_execution_id)
				""", parameters(null, table), Long.class));
	}

	/**
	 * Whether a run is known to {@code etl.load_run}.
	 * @param run a job execution id
	 * @return true when it is
	 */
	public boolean isKnownRun(long run) {
		Long runs = this.jdbc.queryForObject("select count(*) from etl.load_run where job_execution_id = :run",
				new MapSqlParameterSource("run", run), Long.class);
		return runs != null && runs > 0;
	}

	/**
	 * Refuses a table name no file the warehouse has read holds, naming those it has
	 * read, where a misspelt name would list nothing as if the table rejected nothing.
	 * @param table a table name (any case), or null for all
	 * @throws IllegalArgumentException if no file read holds that table
	 */
	public void requireTableRead(String table) {
		if (table == null) {
			return;
		}
		List<String> read = this.jdbc.queryForList(
				"select distinct table_name from etl.source_file where table_name is not null order by 1",
				new MapSqlParameterSource(), String.class);
		if (read.stream().noneMatch(table::equalsIgnoreCase)) {
			throw new IllegalArgumentException("--table '" + table + "' names no table of the files read"
					+ (read.isEmpty() ? " (none was read yet)." : "; they hold " + String.join(", ", read) + "."));
		}
	}

	private static MapSqlParameterSource parameters(Long run, String table) {
		return new MapSqlParameterSource().addValue("run", run)
			.addValue("table", (table != null) ? table.toLowerCase(Locale.ROOT) : null);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.2f%%", share * 100).replace(".00%", "%");
	}

	/**
	 * A line a replay read otherwise than its file holds it.
	 *
	 * @param delivered the line as the file holds it
	 * @param corrected the line as read
	 */
	public record Correction(String delivered, String corrected) {
	}

	/**
	 * One quarantined row.
	 *
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel its release
	 * @param tableName its table
	 * @param file its file's path inside the release
	 * @param sheetName its worksheet, or null
	 * @param lineNumber its line (or row) number
	 * @param reasonCode why it was rejected
	 * @param message what was expected and found
	 * @param rawRecord the line as read, or null
	 */
	public record Rejected(String source, String releaseLabel, String tableName, String file, String sheetName,
			long lineNumber, String reasonCode, String message, String rawRecord) {
	}

	/**
	 * A release holding rejected rows.
	 *
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel its label
	 * @param releaseKey its key
	 * @param rowsRejected its rejected rows (of the chosen table, when one is)
	 */
	public record Release(String source, String releaseLabel, long releaseKey, long rowsRejected) {
	}

	/**
	 * A release passed over by default because its latest run was abandoned.
	 *
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel its label
	 * @param abandonedRun its abandoned run
	 * @param rowsRejected its rejected rows (of the chosen table, when one is)
	 */
	public record Abandoned(String source, String releaseLabel, long abandonedRun, long rowsRejected) {
	}

	/**
	 * Rejected rows of one table for one reason.
	 *
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release
	 * @param tableName the table
	 * @param reasonCode the reason
	 * @param rows how many
	 */
	public record Count(String source, String releaseLabel, String tableName, String reasonCode, long rows) {
	}

}
