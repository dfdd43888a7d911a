package org.courtstats.intake;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;

/**
 * An EOIR case-data release found in the inbox: a folder, or a zip as EOIR ships it,
 * holding the case tables and lookups.
 *
 * @param label the release label, from the folder or zip name or given by the operator
 * @param asOfDate the date the label carries, or null when it carries none
 * @param location the release folder, or the release zip
 * @param files its files (or zip entries), in path order
 */
public record EoirRelease(String label, LocalDate asOfDate, Path location, List<DeliveredFile> files) {

	public EoirRelease {
		files = List.copyOf(files);
	}

	/**
	 * Whether the release is a zip read in place rather than a folder.
	 * @return true for a zip
	 */
	public boolean isZip() {
		return Files.isRegularFile(this.location, LinkOption.NOFOLLOW_LINKS);
	}

	public List<DeliveredFile> tableFiles() {
		return this.files.stream().filter((file) -> !file.isSkipped()).toList();
	}

	/**
	 * The tables every full snapshot carries that this release lacks.
	 * @return their names, empty for a whole release
	 */
	public List<String> missingSnapshotTables() {
		return EoirTables.SNAPSHOT.stream()
			.filter((table) -> this.files.stream().noneMatch((file) -> table.equals(file.table())))
			.map(EoirTable::name)
			.toList();
	}

	public List<DeliveredFile> skippedFiles() {
		return this.files.stream().filter(DeliveredFile::isSkipped).toList();
	}

}
