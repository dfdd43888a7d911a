package org.courtstats.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Records the files of a release in {@code etl.source_file}, each with its size and
 * sha256 (of the uncompressed bytes, for a zip entry) and the rows {@code Count.txt}
 * gives for it, and answers which of them the stage step reads and whether the same bytes
 * were loaded before.
 */
public class SourceFileRegistry {

	private final JdbcTemplate jdbc;

	public SourceFileRegistry(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Fingerprints every file of a release, several at a time and the largest first (the
	 * hearings' file alone holds nearly half a release's bytes).
	 * @param release the release
	 * @param threads files read at the same time
	 * @return each file with its size and sha256, in the release's order
	 * @throws IntakeException when a file cannot be read
	 */
	public List<Fingerprint> fingerprint(EoirRelease release, int threads) {
		List<DeliveredFile> files = release.files();
		try (ReleaseContents contents = ReleaseContents.open(release)) {
			long[] sizes = new long[files.size()];
			for (int i = 0; i < sizes.length; i++) {
				sizes[i] = size(contents, files.get(i));
			}
			ExecutorService pool = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("fingerprint-"));
			try {
				List<Future<Fingerprint>> pending = new ArrayList<>(Collections.nCopies(sizes.length, null));
				IntStream.range(0, sizes.length)
					.boxed()
					.sorted(Comparator.comparingLong((Integer i) -> sizes[i]).reversed())
					.forEach((i) -> pending.set(i, pool.submit(() -> {
						DeliveredFile file = files.get(i);
						return new Fingerprint(file, sizes[i], contents.modifiedAt(file), sha256(contents, file));
					})));
				List<Fingerprint> fingerprints = new ArrayList<>();
				for (int i = 0; i < sizes.length; i++) {
					fingerprints.add(done(files.get(i), pending.get(i)));
				}
				return fingerprints;
			}
			finally {
				stop(pool);
			}
		}
		catch (IOException ex) {
			throw IntakeException.unreadable(release.location(), ex);
		}
	}

	/**
	 * Stops the files still being read when one failed, and waits for them, so that none
	 * reads a zip closed under it.
	 */
	private static void stop(ExecutorService pool) {
		pool.shutdownNow();
		try {
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long size(ReleaseContents contents, DeliveredFile file) {
		try {
			return contents.size(file);
		}
		catch (IOException ex) {
			throw IntakeException.unreadable(file.location(), ex);
		}
	}

	private static Fingerprint done(DeliveredFile file, Future<Fingerprint> fingerprint) {
		try {
			return fingerprint.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw IntakeException.unreadable(file.location(), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntakeException("Fingerprinting the files of the release was interrupted, at " + file.location(),
					ex);
		}
	}

	/**
	 * The release published last (the current snapshot, even when an older one was loaded
	 * on purpose after a newer one), when its table files hold exactly the same bytes:
	 * then nothing changed since the last load. (The same bytes as an older release are a
	 * change: they bring back what the releases since changed.)
	 * @param label the release being delivered
	 * @param fingerprints its files
	 * @return the label of the release loaded before with the same bytes
	 */
	public Optional<String> publishedReleaseWithSameBytes(String label, List<Fingerprint> fingerprints) {
		String hashes = fingerprints.stream()
			.filter((fingerprint) -> !fingerprint.file().isSkipped())
			.map(Fingerprint::sha256)
			.sorted()
			.collect(Collectors.joining(","));
		return this.jdbc.queryForList("""
				with latest as (
				    select release_label
				    from warehouse.dim_release
				    where source = 'eoir' and status = 'published'
				    order by loaded_at desc nulls last, release_key desc
				    limit 1
				)
				select f.release_label
				from etl.source_file as f
				join latest using (release_label)
				where f.source = 'eoir' and f.status = 'loaded' and f.release_label <> ?
				group by f.release_label
				having string_agg(f.sha256, ',' order by f.sha256) = ?
				""", String.class, label, hashes).stream().findFirst();
	}

	/**
	 * How a delivered release differs from the files recorded under its label when it was
	 * loaded (or recognised as a duplicate). Each file is compared with the one recorded
	 * for its table, wherever it lies in the folder or zip (the release as a zip, then
	 * unzipped, or its tables moved up out of a subfolder, is the same release). A file
	 * of the same size and modification time is taken as unchanged; any other is hashed,
	 * so that a same-size correction is caught too.
	 * @param release a release recorded before under the same label
	 * @return the first difference found, or empty when the files are the same
	 */
	public Optional<String> differenceFromRecorded(EoirRelease release) {
		Map<String, Recorded> recorded = new HashMap<>();
		this.jdbc.query("""
				select table_name, relative_path, size_bytes, modified_at, sha256 from etl.source_file
				where source = 'eoir' and release_label = ? and status in ('loaded', 'duplicate')
				    and table_name is not null
				""", (rs) -> {
			recorded.put(rs.getString(1), new Recorded(rs.getString(2), rs.getLong(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
		}, release.label());
		try (ReleaseContents contents = ReleaseContents.open(release)) {
			for (DeliveredFile file : release.tableFiles()) {
				Recorded then = recorded.remove(file.table().name());
				if (then == null) {
					return Optional.of(file.relativePath() + " was not part of it");
				}
				String was = file.relativePath().equals(then.relativePath()) ? ""
						: " (loaded as " + then.relativePath() + ")";
				long size = contents.size(file);
				if (size != then.sizeBytes()) {
					return Optional
						.of(file.relativePath() + " had " + then.sizeBytes() + " bytes" + was + ", now " + size);
				}
				if (!contents.modifiedAt(file).isEqual(then.modifiedAt())
						&& !sha256(contents, file).equals(then.sha256())) {
					return Optional.of(file.relativePath() + " has other bytes now" + was + " (its sha256 was "
							+ then.sha256() + ")");
				}
			}
		}
		catch (IOException ex) {
			throw IntakeException.unreadable("A file of release '" + release.label() + "'", ex);
		}
		return recorded.values()
			.stream()
			.map(Recorded::relativePath)
			.sorted()
			.findFirst()
			.map((path) -> path + " is missing now");
	}

	/**
	 * Whether a release was recognised before as a duplicate of one loaded before.
	 * @param source eoir, ohss or cbp
	 * @param label the release label
	 * @return true when its files are recorded as duplicates
	 */
	public boolean isRecordedDuplicate(String source, String label) {
		Integer files = this.jdbc.queryForObject(
				"select count(*) from etl.source_file where source = ? and release_label = ? and status = 'duplicate'",
				Integer.class, source, label);
		return files != null && files > 0;
	}

	/**
	 * Records the files of a release. Registering again (a restart) keeps the rows; a
	 * file whose bytes changed since it was first registered is refused, since its staged
	 * rows no longer match it.
	 * @param release the release
	 * @param fingerprints its files, fingerprinted
	 * @param releaseKey its key in {@code warehouse.dim_release}
	 * @throws IntakeException when a file changed since registration
	 */
	public void register(EoirRelease release, List<Fingerprint> fingerprints, long releaseKey) {
		CountTxt counts = countTxt(release);
		for (Fingerprint fingerprint : fingerprints) {
			DeliveredFile file = fingerprint.file();
			List<String> known = this.jdbc.queryForList(
					"select sha256 from etl.source_file where source = 'eoir' and release_label = ? and relative_path = ?",
					String.class, release.label(), file.relativePath());
			if (!known.isEmpty() && !known.get(0).equals(fingerprint.sha256()) && !file.isSkipped()) {
				String changed = file.location() + " changed since the load of release '" + release.label()
						+ "' began (sha256 " + known.get(0) + ", now " + fingerprint.sha256() + "). ";
				if (published(releaseKey)) {
					// Replayed: its run completed, there is nothing to abandon.
					throw new IntakeException(changed + "The release is published: restore the file as it was to "
							+ "replay it; or, if the new file is the right one, deliver the release under a new label.");
				}
				throw new IntakeException(changed + "Restore the file as it was to resume that load; or, if the new "
						+ "file is the right one, abandon that load's run ('courtstats abandon RUN'; 'courtstats "
						+ "status' lists it) and deliver the release under a new label.");
			}
			upsert(release, fingerprint, releaseKey, file.isSkipped() ? "skipped" : "registered", counts);
		}
	}

	private boolean published(long releaseKey) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select from warehouse.dim_release where release_key = ? and status = 'published')",
				Boolean.class, releaseKey));
	}

	/**
	 * Records the files of a release that holds the same bytes as one loaded before.
	 * @param release the release
	 * @param fingerprints its files, fingerprinted
	 */
	public void registerDuplicate(EoirRelease release, List<Fingerprint> fingerprints) {
		CountTxt counts = countTxt(release);
		for (Fingerprint fingerprint : fingerprints) {
			upsert(release, fingerprint, null, "duplicate", counts);
		}
	}

	/**
	 * The tables a release's {@code Count.txt} gives rows for that the release delivers
	 * no file of, each with its count (and a file of its name the load does not read,
	 * such as {@code tbl_schedule.txt}): a partial delivery, whose missing tables would
	 * keep the previous release's rows as if this one held them.
	 * @param release the release
	 * @return e.g. {@code tbl_schedule (4,000,900 rows)}, empty when nothing is lacking
	 * or the release has no {@code Count.txt}
	 */
	public List<String> tablesCountTxtListsButLacks(EoirRelease release) {
		CountTxt counts = countTxt(release);
		List<String> lacking = new ArrayList<>();
		for (EoirTable table : EoirTables.ALL) {
			Long rows = counts.rowsOf(table);
			if (rows == null || rows == 0 || release.files().stream().anyMatch((file) -> table.equals(file.table()))) {
				continue;
			}
			String unread = release.skippedFiles()
				.stream()
				.filter((file) -> table.fileNames().stream().anyMatch((name) -> baseName(file).equalsIgnoreCase(name)))
				.map((file) -> ", delivered as " + file.relativePath() + ", which the load does not read (EOIR's "
						+ "tables end .csv)")
				.findFirst()
				.orElse("");
			lacking.add(String.format("%s (%,d rows%s)", table.name(), rows, unread));
		}
		return lacking;
	}

	private static String baseName(DeliveredFile file) {
		String name = file.fileName();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

	private static CountTxt countTxt(EoirRelease release) {
		try (ReleaseContents contents = ReleaseContents.open(release)) {
			return CountTxt.of(release, contents);
		}
		catch (IOException ex) {
			throw IntakeException
				.unreadable("The Count.txt of release '" + release.label() + "' in " + release.location(), ex);
		}
	}

	private void upsert(EoirRelease release, Fingerprint fingerprint, Long releaseKey, String status, CountTxt counts) {
		DeliveredFile file = fingerprint.file();
		this.jdbc.update("""
				insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
				    table_name, size_bytes, modified_at, sha256, status, archive_path, count_txt_rows)
				values ('eoir', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (source, release_label, relative_path) do update
				set path = excluded.path,
				    release_key = excluded.release_key,
				    size_bytes = excluded.size_bytes,
				    modified_at = excluded.modified_at,
				    sha256 = excluded.sha256,
				    archive_path = excluded.archive_path,
				    count_txt_rows = excluded.count_txt_rows
				""", release.label(), releaseKey, file.relativePath(), file.location(), file.fileName(),
				file.isSkipped() ? null : file.table().name(), fingerprint.sizeBytes(), fingerprint.modifiedAt(),
				fingerprint.sha256(), status, file.zipEntry() ? file.path().toAbsolutePath().toString() : null,
				counts.rowsOf(file));
	}

	/**
	 * The files of a release the stage step reads, largest first so that the long ones
	 * start early.
	 * @param releaseKey the release
	 * @return the files to stage
	 */
	public List<RegisteredFile> filesToStage(long releaseKey) {
		return this.jdbc.query("""
				select source_file_id, table_name, path, file_name, archive_path, relative_path
				from etl.source_file
				where release_key = ? and table_name is not null
				order by size_bytes desc, source_file_id
				""", (rs, row) -> new RegisteredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6)), releaseKey);
	}

	/**
	 * The files of a release staged, or being staged, whose rows were not counted: the
	 * count at the end of a file's staging failed after its step was recorded complete
	 * (the database lost, the process killed in between).
	 * @param releaseKey the release
	 * @return the files, as {@link #filesToStage} gives them
	 */
	public List<RegisteredFile> uncountedFiles(long releaseKey) {
		return this.jdbc.query("""
				select source_file_id, table_name, path, file_name, archive_path, relative_path
				from etl.source_file
				where release_key = ? and table_name is not null and rows_read is null
				order by source_file_id
				""", (rs, row) -> new RegisteredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6)), releaseKey);
	}

	/**
	 * Fingerprints a workbook or encounters file.
	 * @param file the file
	 * @return its size, time and sha256
	 * @throws IntakeException when it cannot be read
	 */
	public Fingerprint fingerprint(BorderFile file) {
		DeliveredFile delivered = new DeliveredFile(file.path(), file.fileName(), null);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 20];
			try (InputStream in = Files.newInputStream(file.path())) {
				int read;
				while ((read = in.read(buffer)) > 0) {
					digest.update(buffer, 0, read);
				}
			}
			return new Fingerprint(delivered, Files.size(file.path()),
					Files.getLastModifiedTime(file.path()).toInstant().atOffset(ZoneOffset.UTC),
					HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			throw IntakeException.unreadable(file.path().toAbsolutePath(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A published release of the same source that was loaded from exactly these bytes
	 * (the same workbook or file delivered again under another name).
	 * @param file the delivered file
	 * @param fingerprint its fingerprint
	 * @return the label of that release
	 */
	public Optional<String> publishedWithSameBytes(BorderFile file, Fingerprint fingerprint) {
		return this.jdbc.queryForList("""
				select release_label from etl.source_file
				where source = ? and status = 'loaded' and sha256 = ? and release_label <> ?
				order by first_seen_at
				limit 1
				""", String.class, file.source(), fingerprint.sha256(), file.label()).stream().findFirst();
	}

	/**
	 * How a delivered file differs from the file recorded under its label when it was
	 * loaded: a file of the same size and modification time is taken as unchanged; any
	 * other is hashed.
	 * @param file a file whose release was recorded before
	 * @return the difference, or empty when it is the same
	 */
	public Optional<String> differenceFromRecorded(BorderFile file) {
		List<Recorded> recorded = this.jdbc.query("""
				select relative_path, size_bytes, modified_at, sha256 from etl.source_file
				where source = ? and release_label = ? and status in ('loaded', 'duplicate')
				""", (rs, row) -> new Recorded(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
				rs.getString(4)), file.source(), file.label());
		if (recorded.isEmpty()) {
			return Optional.empty();
		}
		Recorded then = recorded.get(0);
		try {
			long size = Files.size(file.path());
			if (size != then.sizeBytes()) {
				return Optional.of("it had " + then.sizeBytes() + " bytes, now " + size);
			}
			OffsetDateTime modified = Files.getLastModifiedTime(file.path()).toInstant().atOffset(ZoneOffset.UTC);
			if (!modified.isEqual(then.modifiedAt()) && !fingerprint(file).sha256().equals(then.sha256())) {
				return Optional.of("it has other bytes now (its sha256 was " + then.sha256() + ")");
			}
		}
		catch (IOException ex) {
			throw IntakeException.unreadable(file.path().toAbsolutePath(), ex);
		}
		return Optional.empty();
	}

	/**
	 * Records a workbook or encounters file as the one file of its release. Registering
	 * again (a restart) keeps the row; a file whose bytes changed since it was first
	 * registered is refused, since its staged rows no longer match it.
	 * @param file the file
	 * @param fingerprint its fingerprint
	 * @param tableName the logical table it holds
	 * @param releaseKey its release, or null for a duplicate delivery
	 * @return its {@code source_file_id}
	 * @throws IntakeException when the file changed since registration
	 */
	public long register(BorderFile file, Fingerprint fingerprint, String tableName, Long releaseKey) {
		List<String> known = this.jdbc.queryForList(
				"select sha256 from etl.source_file where source = ? and release_label = ? and relative_path = ?",
				String.class, file.source(), file.label(), file.fileName());
		if (!known.isEmpty() && !known.get(0).equals(fingerprint.sha256())) {
			throw new IntakeException(file.path().toAbsolutePath() + " changed since the load of release '"
					+ file.label() + "' began (sha256 " + known.get(0) + ", now " + fingerprint.sha256()
					+ "). Restore the file as it was to resume that load, or, if it is a corrected file, deliver it "
					+ "under a new name and remove this one.");
		}
		return this.jdbc.queryForObject("""
				insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
				    table_name, size_bytes, modified_at, sha256, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (source, release_label, relative_path) do update
				set path = excluded.path,
				    release_key = excluded.release_key,
				    size_bytes = excluded.size_bytes,
				    modified_at = excluded.modified_at,
				    status = excluded.status
				returning source_file_id
				""", Long.class, file.source(), file.label(), releaseKey, file.fileName(),
				file.path().toAbsolutePath().toString(), file.fileName(), tableName, fingerprint.sizeBytes(),
				fingerprint.modifiedAt(), fingerprint.sha256(), (releaseKey != null) ? "registered" : "duplicate");
	}

	private static String sha256(ReleaseContents contents, DeliveredFile file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] buffer = new byte[1 << 20];
		try (InputStream in = contents.open(file)) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A delivered file with its size and sha256.
	 *
	 * @param file the file
	 * @param sizeBytes its size
	 * @param modifiedAt its last-modified time
	 * @param sha256 the SHA-256 of its bytes, hex
	 */
	public record Fingerprint(DeliveredFile file, long sizeBytes, OffsetDateTime modifiedAt, String sha256) {
	}

	private record Recorded(String relativePath, long sizeBytes, OffsetDateTime modifiedAt, String sha256) {
	}

	/**
	 * A file of a release as registered.
	 *
	 * @param sourceFileId its id in {@code etl.source_file}
	 * @param tableName the EOIR table it holds
	 * @param path where it is: its path, or for a zip entry the zip's path, {@code !/}
	 * and the entry name
	 * @param fileName its file name
	 * @param archivePath the zip holding it, or null for a file of a release folder
	 * @param relativePath its path inside the release folder, or its entry name in the
	 * zip
	 */
	public record RegisteredFile(long sourceFileId, String tableName, String path, String fileName, String archivePath,
			String relativePath) {
	}

}
