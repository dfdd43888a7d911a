package org.courtstats.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the files of a release in {@code etl.source_file}, each with its size and
 * sha256, and answers which of them the stage step reads.
 */
public class SourceFileRegistry {

	private final JdbcTemplate jdbc;

	public SourceFileRegistry(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Records the files of a release. Registering again (a restart) keeps the rows; a
	 * file whose bytes changed since it was first registered is refused, since its staged
	 * rows no longer match it.
	 * @param release the release
	 * @param releaseKey its key in {@code warehouse.dim_release}
	 * @throws IntakeException when a file cannot be read or changed since registration
	 */
	public void register(EoirRelease release, long releaseKey) {
		for (DeliveredFile file : release.files()) {
			long size;
			String sha256;
			try {
				size = Files.size(file.path());
				sha256 = sha256(file);
			}
			catch (IOException ex) {
				throw new IntakeException(file.path() + " cannot be read: " + ex.getMessage(), ex);
			}
			List<String> known = this.jdbc.queryForList(
					"select sha256 from etl.source_file where source = 'eoir' and release_label = ? and relative_path = ?",
					String.class, release.label(), file.relativePath());
			if (!known.isEmpty() && !known.get(0).equals(sha256) && !file.isSkipped()) {
				throw new IntakeException(file.path() + " changed since the load of release '" + release.label()
						+ "' began (sha256 " + known.get(0) + ", now " + sha256
						+ "). Restore the file as it was to resume that load.");
			}
			this.jdbc.update("""
					insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
					    table_name, size_bytes, sha256, status)
					values ('eoir', ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (source, release_label, relative_path) do update
					set path = excluded.path,
					    release_key = excluded.release_key,
					    size_bytes = excluded.size_bytes,
					    sha256 = excluded.sha256
					""", release.label(), releaseKey, file.relativePath(), file.path().toAbsolutePath().toString(),
					file.path().getFileName().toString(), file.isSkipped() ? null : file.table().name(), size, sha256,
					file.isSkipped() ? "skipped" : "registered");
		}
	}

	/**
	 * The files of a release the stage step reads, largest first so that the long ones
	 * start early.
	 * @param releaseKey the release
	 * @return the files to stage
	 */
	public List<RegisteredFile> filesToStage(long releaseKey) {
		return this.jdbc.query("""
				select source_file_id, table_name, path
				from etl.source_file
				where release_key = ? and table_name is not null
				order by size_bytes desc, source_file_id
				""", (rs, row) -> new RegisteredFile(rs.getLong(1), rs.getString(2), rs.getString(3)), releaseKey);
	}

	private static String sha256(DeliveredFile file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] buffer = new byte[1 << 20];
		try (InputStream in = Files.newInputStream(file.path())) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A file of a release as registered.
	 *
	 * @param sourceFileId its id in {@code etl.source_file}
	 * @param tableName the EOIR table it holds
	 * @param path where it is
	 */
	public record RegisteredFile(long sourceFileId, String tableName, String path) {
	}

}
