package org.courtstats.warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The releases known to the warehouse ({@code warehouse.dim_release}) and their
 * publication.
 */
public class Releases {

	/**
	 * The intermediates the publication of a release fills and clears, by release: the
	 * EOIR load's, and the fiscal years a CBP file takes.
	 */
	private static final List<String> INTERMEDIATES = List.of("staging.int_case_mpp",
			"staging.int_first_representation", "staging.int_judge_version", "staging.int_cbp_year_taken");

	private final JdbcTemplate jdbc;

	public Releases(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Records a release that is about to load, or finds it when it was recorded before.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @param asOfDate the date it describes, or null
	 * @return its release key
	 */
	public long register(String source, String label, LocalDate asOfDate) {
		this.jdbc.update("""
				insert into warehouse.dim_release (source, release_label, as_of_date)
				values (?, ?, ?)
				on conflict (source, release_label) do nothing
				""", source, label, asOfDate);
		return key(source, label);
	}

	/**
	 * The key of a recorded release.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return its release key
	 */
	public long key(String source, String label) {
		return recorded(source, label)
			.orElseThrow(() -> new IllegalStateException("Release " + label + " of " + source + " is not recorded"));
	}

	/**
	 * The key of a release, if it is recorded: a run that failed before registering its
	 * files left none.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return its release key, if any
	 */
	public Optional<Long> recorded(String source, String label) {
		return this.jdbc
			.queryForList("select release_key from warehouse.dim_release where source = ? and release_label = ?",
					Long.class, source, label)
			.stream()
			.findFirst();
	}

	/**
	 * The as-of date a release was recorded with.
	 * @param releaseKey the release
	 * @return its as-of date, or null when it has none
	 */
	public LocalDate asOfDate(long releaseKey) {
		return this.jdbc.queryForObject("select as_of_date from warehouse.dim_release where release_key = ?",
				LocalDate.class, releaseKey);
	}

	/**
	 * Whether a release is published.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return true once its facts are visible
	 */
	public boolean isPublished(String source, String label) {
		List<String> status = this.jdbc.queryForList(
				"select status from warehouse.dim_release where source = ? and release_label = ?", String.class, source,
				label);
		return !status.isEmpty() && status.get(0).equals("published");
	}

	/**
	 * The latest run of a release, as {@code etl.load_run} keeps it (the job repository's
	 * record of it may have been purged), if an operator abandoned it: a label abandoned
	 * never loads again. (A label a version before this one loaded again after a purge
	 * has a later run, which decides.)
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return the abandoned run's job execution id, if the latest run was abandoned
	 */
	public Optional<Long> abandonedRun(String source, String label) {
		return this.jdbc.queryForList("""
				select job_execution_id, status from etl.load_run
				where source = ? and release_label = ?
				order by job_execution_id desc limit 1
				""", source, label)
			.stream()
			.filter((run) -> "ABANDONED".equals(run.get("status")))
			.map((run) -> ((Number) run.get("job_execution_id")).longValue())
			.findFirst();
	}

	/**
	 * The as-of date of a release registered in the warehouse.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return the date, if the release is registered with one
	 */
	public Optional<LocalDate> asOfDate(String source, String label) {
		return this.jdbc
			.queryForList("select as_of_date from warehouse.dim_release where source = ? and release_label = ?",
					LocalDate.class, source, label)
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * The published release with the latest as-of date: a release older than it is
	 * refused unless loaded on purpose.
	 * @param source eoir, ohss or cbp
	 * @return its label and as-of date, if any release is published
	 */
	public Optional<Published> newestPublished(String source) {
		return this.jdbc.query("""
				select release_label, as_of_date from warehouse.dim_release
				where source = ? and status = 'published' and as_of_date is not null
				order by as_of_date desc, release_key desc
				limit 1
				""", (rs, row) -> new Published(rs.getString(1), rs.getObject(2, LocalDate.class)), source)
			.stream()
			.findFirst();
	}

	/**
	 * The date new type 2 versions of a release take: its as-of date, or, when a version
	 * or a published release is dated that day or later (an older release loaded on
	 * purpose), the day after the latest of them, so that versions only move forward.
	 * @param asOfDate the release's as-of date
	 * @return the date to version by
	 */
	public LocalDate versionDate(LocalDate asOfDate) {
		LocalDate latest = this.jdbc.queryForObject("""
				select greatest(
				    (select max(valid_from) from warehouse.dim_judge where judge_key <> -1),
				    (select max(as_of_date) from warehouse.dim_release where status = 'published'))
				""", LocalDate.class);
		return (latest != null && !latest.isBefore(asOfDate)) ? latest.plusDays(1) : asOfDate;
	}

	/**
	 * Publishes a release in the caller's transaction: marks it and its files loaded, and
	 * clears its staged rows.
	 * @param releaseKey the release
	 * @param jobExecutionId the job execution that loaded it
	 */
	public void publish(long releaseKey, long jobExecutionId) {
		this.jdbc.update("""
				update warehouse.dim_release
				set status = 'published', loaded_at = now(), job_execution_id = ?
				where release_key = ?
				""", jobExecutionId, releaseKey);
		this.jdbc.update("""
				update etl.source_file
				set status = 'loaded', loaded_by_job_execution_id = ?
				where release_key = ? and table_name is not null
				""", jobExecutionId, releaseKey);
		clearStaged(releaseKey);
	}

	/**
	 * Deletes a release's staged rows and intermediates: at its publication, or when its
	 * run is abandoned and nothing will ever load them.
	 * @param releaseKey the release
	 */
	public void clearStaged(long releaseKey) {
		List<String> stagingTables = this.jdbc.queryForList("""
				select format('%I.%I', table_schema, table_name)
				from information_schema.columns
				where table_schema = 'staging' and column_name = 'source_file_id'
				order by table_name
				""", String.class);
		for (String table : stagingTables) {
			clear(table, "source_file_id in (select source_file_id from etl.source_file where release_key = ?)",
					releaseKey);
		}
		for (String table : INTERMEDIATES) {
			clear(table, "release_key = ?", releaseKey);
		}
	}

	/**
	 * Deletes a release's rows from a staging table: a table that holds no other rows, as
	 * nearly always, is emptied at once rather than row by row (millions of rows, on a
	 * full EOIR release). Whether it holds others is counted rather than asked with
	 * {@code exists}: in the usual case every row is read either way, and a count is
	 * shared with parallel workers (when it does hold others, as while a failed run waits
	 * for its restart, the count reads it all where {@code exists} stopped at the first).
	 * @param table the table
	 * @param ofRelease the condition the release's rows meet, written in this class,
	 * binding the release key
	 * @param releaseKey the release
	 */
	private void clear(String table, String ofRelease, long releaseKey) {
		Long others = this.jdbc.queryForObject(
				"select count(*) from " + table + " where (" + ofRelease + ") is not true", Long.class, releaseKey);
		if (others != null && others > 0) {
			this.jdbc.update("delete from " + table + " where " + ofRelease, releaseKey);
		}
		else {
			this.jdbc.update("truncate " + table);
		}
	}

	/**
	 * The run a release's rows are recorded against: the run that published it, or else
	 * its latest run.
	 * @param releaseKey the release
	 * @return a job execution id, or null when no run loaded it
	 */
	public Long lastRun(long releaseKey) {
		return this.jdbc.queryForObject("""
				select coalesce(d.job_execution_id, (
				    select max(r.job_execution_id) from etl.load_run as r
				    where r.source = d.source and r.release_label = d.release_label))
				from warehouse.dim_release as d
				where d.release_key = ?
				""", Long.class, releaseKey);
	}

	/**
	 * A release of the same source published after this one, or with a later as-of date:
	 * replaying rows into this one would overwrite that one's facts.
	 * @param releaseKey the release
	 * @return the later release's label, if there is one
	 */
	public Optional<String> publishedAfter(long releaseKey) {
		return this.jdbc.queryForList("""
				select later.release_label
				from warehouse.dim_release as this_release
				join warehouse.dim_release as later
				    on later.source = this_release.source and later.release_key <> this_release.release_key
				where this_release.release_key = ?
				    and later.status = 'published'
				    and (later.as_of_date > this_release.as_of_date
				        or later.loaded_at > this_release.loaded_at)
				order by later.loaded_at desc
				limit 1
				""", String.class, releaseKey).stream().findFirst();
	}

	/**
	 * A published release.
	 *
	 * @param label its label
	 * @param asOfDate the date it describes
	 */
	public record Published(String label, LocalDate asOfDate) {
	}

}
