package org.courtstats.intake;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The bytes and facts of the files of one release, for fingerprinting: files of a folder
 * are read from disk, entries of a zip from the zip, opened once for the whole release
 * and decompressed as they are streamed.
 */
final class ReleaseContents implements Closeable {

	private final ZipFile zip;

	private ReleaseContents(ZipFile zip) {
		this.zip = zip;
	}

	static ReleaseContents open(EoirRelease release) throws IOException {
		boolean zipped = release.files().stream().anyMatch(DeliveredFile::zipEntry);
		return new ReleaseContents(zipped ? ZipReleases.open(release.location()) : null);
	}

	/**
	 * Its size: the file's, or the entry's uncompressed size.
	 */
	long size(DeliveredFile file) throws IOException {
		return file.zipEntry() ? entry(file).getSize() : Files.size(file.path());
	}

	/**
	 * Its last-modified time, to the microsecond PostgreSQL keeps (the file system may
	 * keep nanoseconds).
	 */
	OffsetDateTime modifiedAt(DeliveredFile file) throws IOException {
		FileTime time = file.zipEntry() ? entry(file).getLastModifiedTime() : Files.getLastModifiedTime(file.path());
		if (time == null) {
			time = Files.getLastModifiedTime(file.path());
		}
		return time.toInstant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	/**
	 * Its bytes, from the start (decompressed for a zip entry).
	 */
	InputStream open(DeliveredFile file) throws IOException {
		return file.zipEntry() ? ZipReleases.openEntry(file.path(), this.zip, entry(file))
				: Files.newInputStream(file.path());
	}

	private ZipArchiveEntry entry(DeliveredFile file) throws IOException {
		ZipArchiveEntry entry = (this.zip != null) ? this.zip.getEntry(file.relativePath()) : null;
		if (entry == null) {
			throw new FileNotFoundException("no entry '" + file.relativePath() + "' in " + file.path());
		}
		return entry;
	}

	@Override
	public void close() throws IOException {
		if (this.zip != null) {
			this.zip.close();
		}
	}

}
