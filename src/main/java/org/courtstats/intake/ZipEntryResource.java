package org.courtstats.intake;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import org.springframework.core.io.AbstractResource;

/**
 * One entry of a zip as a Spring resource, read in place and streamed, never extracted:
 * each {@code getInputStream()} opens the zip and the entry afresh (so that a reader
 * restarting a file can read it again from the start), and closing the stream closes the
 * zip. The entry name is only looked up in the zip, never resolved as a path.
 */
public class ZipEntryResource extends AbstractResource {

	private final Path zip;

	private final String entryName;

	/**
	 * An entry of a zip.
	 * @param zip the zip file
	 * @param entryName the entry's full name inside the zip, e.g.
	 * {@code EOIR Case Data/A_TblCase.csv}
	 */
	public ZipEntryResource(Path zip, String entryName) {
		this.zip = Objects.requireNonNull(zip, "zip");
		this.entryName = Objects.requireNonNull(entryName, "entryName");
	}

	public Path zip() {
		return this.zip;
	}

	public String entryName() {
		return this.entryName;
	}

	@Override
	public boolean exists() {
		if (!Files.isRegularFile(this.zip)) {
			return false;
		}
		try (ZipFile archive = ZipReleases.open(this.zip)) {
			return archive.getEntry(this.entryName) != null;
		}
		catch (IOException ex) {
			// Not "missing": the reader would say the resource must exist, and hide why.
			throw new IntakeException(this.zip + " cannot be read as a zip (" + ex.getMessage() + "), so its entry '"
					+ this.entryName + "' cannot be read. It was read whole when its release was registered: put the "
					+ "zip back as it was delivered, then run the load again.", ex);
		}
	}

	@Override
	public boolean isReadable() {
		return exists();
	}

	@Override
	public InputStream getInputStream() throws IOException {
		ZipFile archive = ZipReleases.open(this.zip);
		try {
			InputStream entry = ZipReleases.openEntry(this.zip, archive, entry(archive));
			return new FilterInputStream(entry) {

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						archive.close();
					}
				}

			};
		}
		catch (IOException | RuntimeException ex) {
			archive.close();
			throw ex;
		}
	}

	@Override
	public long contentLength() throws IOException {
		try (ZipFile archive = ZipReleases.open(this.zip)) {
			return entry(archive).getSize();
		}
	}

	@Override
	public long lastModified() throws IOException {
		try (ZipFile archive = ZipReleases.open(this.zip)) {
			return entry(archive).getLastModifiedTime().toMillis();
		}
	}

	@Override
	public String getFilename() {
		return ZipReleases.fileName(this.entryName);
	}

	@Override
	public String getDescription() {
		return "zip entry [" + this.entryName + "] in " + this.zip.toAbsolutePath();
	}

	private ZipArchiveEntry entry(ZipFile archive) throws FileNotFoundException {
		ZipArchiveEntry entry = archive.getEntry(this.entryName);
		if (entry == null) {
			throw new FileNotFoundException(this.zip.toAbsolutePath() + " holds no entry '" + this.entryName
					+ "': was the zip replaced since the release was registered?");
		}
		return entry;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ZipEntryResource that && this.zip.equals(that.zip)
				&& this.entryName.equals(that.entryName));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.zip, this.entryName);
	}

}
