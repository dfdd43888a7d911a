package org.courtstats.warehouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the numbers the load's meters and progress display report: a staged file's counts
 * from {@code etl.source_file}, and when each source was last published.
 */
public class LoadStatistics {

	private final JdbcTemplate jdbc;

	public LoadStatistics(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * What {@code etl.source_file} records of a file.
	 * @param sourceFileId the file
	 * @return its counts, empty when no such file is recorded
	 */
	public Optional<StagedFile> stagedFile(long sourceFileId) {
		return this.jdbc
			.query("""
					select source, coalesce(table_name, file_name), coalesce(rows_read, 0), coalesce(rows_loaded, 0),
					    coalesce(rows_rejected, 0), count_txt_rows, size_bytes
					from etl.source_file
					where source_file_id = ?
					""",
					(rs, row) -> new StagedFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
							rs.getLong(5), (Long) rs.getObject(6), (Long) rs.getObject(7)),
					sourceFileId)
			.stream()
			.findFirst();
	}

	/**
	 * Whether a run published its release (and did not find it loaded before).
	 * @param jobExecutionId the run
	 * @return true when a release records that run as the one that published it
	 */
	public boolean publishedBy(long jobExecutionId) {
		Boolean published = this.jdbc.queryForObject("""
				select exists (
				    select 1 from warehouse.dim_release where job_execution_id = ? and status = 'published'
				)
				""", Boolean.class, jobExecutionId);
		return Boolean.TRUE.equals(published);
	}

	/**
	 * When each source's newest release was published: the warehouse keeps it, so the
	 * answer survives a restart of the process.
	 * @return by source (eoir, ohss, cbp), the time of its last publication; a source
	 * never published is absent
	 */
	public Map<String, Instant> lastPublished() {
		Map<String, Instant> last = new LinkedHashMap<>();
		this.jdbc.query("""
				select source, max(loaded_at)
				from warehouse.dim_release
				where status = 'published'
				group by source
				order by source
				""", (rs) -> {
			last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
		});
		return last;
	}

	/**
	 * A file's counts as {@code etl.source_file} holds them.
	 *
	 * @param source eoir, ohss or cbp
	 * @param tableName the table the file fills (an EOIR table name, {@code ohss_cell},
	 * {@code cbp_encounter})
	 * @param rowsRead rows read, loaded plus rejected
	 * @param rowsLoaded rows staged
	 * @param rowsRejected rows quarantined in {@code etl.rejected_row}
	 * @param expectedRows the rows the release's {@code Count.txt} gives, or null
	 * @param sizeBytes the file's size (uncompressed, for a zip entry), or null
	 */
	public record StagedFile(String source, String tableName, long rowsRead, long rowsLoaded, long rowsRejected,
			Long expectedRows, Long sizeBytes) {
	}

}
