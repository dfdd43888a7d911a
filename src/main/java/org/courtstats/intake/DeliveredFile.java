package org.courtstats.intake;

import java.nio.file.Path;

import org.courtstats.eoir.EoirTable;

/**
 * One file of a delivered release: a file of the release folder, or an entry of the
 * release zip.
 *
 * @param path where the file is, or the zip that holds it
 * @param relativePath its path inside the release folder, with forward slashes, or its
 * entry name in the zip (never resolved against the file system)
 * @param table the EOIR table it holds, or null when the load skips it
 * @param zipEntry whether it is an entry of the zip at {@code path}
 */
public record DeliveredFile(Path path, String relativePath, EoirTable table, boolean zipEntry) {

	/**
	 * A file of a release folder.
	 * @param path where the file is
	 * @param relativePath its path inside the release folder, with forward slashes
	 * @param table the EOIR table it holds, or null when the load skips it
	 */
	public DeliveredFile(Path path, String relativePath, EoirTable table) {
		this(path, relativePath, table, false);
	}

	public boolean isSkipped() {
		return this.table == null;
	}

	/**
	 * Its name without the folders above it.
	 * @return the file name, e.g. {@code A_TblCase.csv}
	 */
	public String fileName() {
		return this.zipEntry ? ZipReleases.fileName(this.relativePath) : this.path.getFileName().toString();
	}

	/**
	 * Where it is, for the manifest and for messages: the file's absolute path, or the
	 * zip's absolute path, {@code !/} and the entry name.
	 * @return its location
	 */
	public String location() {
		String where = this.path.toAbsolutePath().toString();
		return this.zipEntry ? where + ZipReleases.ENTRY_SEPARATOR + this.relativePath : where;
	}

}
