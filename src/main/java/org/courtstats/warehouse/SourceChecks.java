package org.courtstats.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the pull last saw of each publisher's export, in {@code etl.source_check}.
 */
public class SourceChecks {

	private final JdbcTemplate jdbc;

	public SourceChecks(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The last check of a source.
	 * @param sourceName the source's name in the settings
	 * @return the check, or empty when the source was never checked
	 */
	public Optional<SourceCheck> find(String sourceName) {
		return this.jdbc.query("select * from etl.source_check where source_name = ?", SourceChecks::map, sourceName)
			.stream()
			.findFirst();
	}

	/**
	 * The last check of every source checked, by name.
	 * @return the checks
	 */
	public List<SourceCheck> all() {
		return this.jdbc.query("select * from etl.source_check order by source_name", SourceChecks::map);
	}

	/**
	 * Records a check, replacing the source's last one.
	 * @param check the check
	 */
	public void record(SourceCheck check) {
		this.jdbc.update("""
				insert into etl.source_check (source_name, source_kind, url, checked_at, status, message, etag,
				    last_modified, published_at, changed_at, file_name, bytes_fetched, sha256)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (source_name) do update set
				    source_kind = excluded.source_kind, url = excluded.url, checked_at = excluded.checked_at,
				    status = excluded.status, message = excluded.message, etag = excluded.etag,
				    last_modified = excluded.last_modified, published_at = excluded.published_at,
				    changed_at = excluded.changed_at, file_name = excluded.file_name,
				    bytes_fetched = excluded.bytes_fetched, sha256 = excluded.sha256
				""", check.sourceName(), check.sourceKind(), check.url(), timestamp(check.checkedAt()), check.status(),
				check.message(), check.etag(), check.lastModified(), timestamp(check.publishedAt()),
				timestamp(check.changedAt()), check.fileName(), check.bytesFetched(), check.sha256());
	}

	/**
	 * When each source kind last published a release to the warehouse.
	 * @param sourceKind eoir, ohss or cbp
	 * @return the time, or empty when it never did
	 */
	public Optional<Instant> lastLoaded(String sourceKind) {
		Timestamp loaded = this.jdbc.queryForObject(
				"select max(loaded_at) from warehouse.dim_release where status = 'published' and source = ?",
				Timestamp.class, sourceKind);
		return Optional.ofNullable(loaded).map(Timestamp::toInstant);
	}

	/**
	 * Whether a file of the name was loaded (or recognised as a duplicate) with other
	 * bytes: the load refuses the name for other bytes, even once the first file has left
	 * the inbox for the archive.
	 * @param sourceKind ohss or cbp
	 * @param fileName the file's name
	 * @param sha256 the bytes in hand
	 * @return true when the name is taken by other bytes
	 */
	public boolean nameTakenByOtherBytes(String sourceKind, String fileName, String sha256) {
		Boolean taken = this.jdbc.queryForObject("""
				select exists (select 1 from etl.source_file
				    where source = ? and file_name = ? and sha256 <> ? and status in ('loaded', 'duplicate'))
				""", Boolean.class, sourceKind, fileName, sha256);
		return Boolean.TRUE.equals(taken);
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static SourceCheck map(ResultSet rs, int row) throws SQLException {
		long bytes = rs.getLong("bytes_fetched");
		Long bytesFetched = rs.wasNull() ? null : bytes;
		return new SourceCheck(rs.getString("source_name"), rs.getString("source_kind"), rs.getString("url"),
				instant(rs, "checked_at"), rs.getString("status"), rs.getString("message"), rs.getString("etag"),
				rs.getString("last_modified"), instant(rs, "published_at"), instant(rs, "changed_at"),
				rs.getString("file_name"), bytesFetched, rs.getString("sha256"));
	}

	/**
	 * One row of {@code etl.source_check}.
	 *
	 * @param sourceName the source's name in the settings
	 * @param sourceKind eoir, ohss or cbp
	 * @param url the file asked for
	 * @param checkedAt when it was checked
	 * @param status not_modified, downloaded or failed
	 * @param message what went wrong, for a failed check
	 * @param etag the ETag of the file last downloaded
	 * @param lastModified the Last-Modified header of the file last downloaded
	 * @param publishedAt that header as a time
	 * @param changedAt when a changed file was last downloaded
	 * @param fileName the name in the inbox of the file last downloaded
	 * @param bytesFetched its size
	 * @param sha256 its SHA-256, hex
	 */
	public record SourceCheck(String sourceName, String sourceKind, String url, Instant checkedAt, String status,
			String message, String etag, String lastModified, Instant publishedAt, Instant changedAt, String fileName,
			Long bytesFetched, String sha256) {

		/** The check found the file unchanged. */
		public static final String NOT_MODIFIED = "not_modified";

		/** The check downloaded a changed file. */
		public static final String DOWNLOADED = "downloaded";

		/** The check failed. */
		public static final String FAILED = "failed";

	}

}
