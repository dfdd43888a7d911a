package org.courtstats;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The two real DHS OHSS monthly workbooks (July and August 2024 editions) kept in the
 * shared reference data beside the project, which tests read in place and never copy.
 */
public final class RealOhssWorkbooks {

	private static final Path FOLDER = Path.of("../shared/data/real/dhs-ohss-monthly");

	private RealOhssWorkbooks() {
	}

	public static Path july2024() {
		return find("2024_1108_ohss_immigration-enforcement-and-legal-processes-tables-july-2024.xlsx");
	}

	public static Path august2024() {
		return find("2024_1206_ohss_immigration-enforcement-and-legal-processes-tables-august-2024.xlsx");
	}

	private static Path find(String name) {
		Path file = Path.of("").toAbsolutePath().resolve(FOLDER).resolve(name).normalize();
		if (!Files.isRegularFile(file)) {
			fail("The real OHSS workbook " + file + " is missing: these tests read the shared reference data"
					+ " (shared/data/real/dhs-ohss-monthly/) from beside the project root; run them from the project"
					+ " root with shared/ next to it.");
		}
		return file;
	}

}
