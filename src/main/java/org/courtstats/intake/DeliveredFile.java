package org.courtstats.intake;

import java.nio.file.Path;

import org.courtstats.eoir.EoirTable;

/**
 * One file of a delivered release.
 *
 * @param path where the file is
 * @param relativePath its path inside the release folder, with forward slashes
 * @param table the EOIR table it holds, or null when the load skips it
 */
public record DeliveredFile(Path path, String relativePath, EoirTable table) {

	public boolean isSkipped() {
		return this.table == null;
	}

}
