package org.courtstats.intake;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A DHS OHSS workbook or a CBP encounters file found in the inbox: one file, loaded as
 * one release labelled by its file name.
 *
 * @param source {@value #OHSS} or {@value #CBP}
 * @param label the release label, the file name without its extension
 * @param path the file
 */
public record BorderFile(String source, String label, Path path) {

	/** The source of OHSS monthly table workbooks. */
	public static final String OHSS = "ohss";

	/** The source of CBP encounter files. */
	public static final String CBP = "cbp";

	/**
	 * What a file in the inbox is by its name: an {@code .xlsx} workbook is an OHSS
	 * edition, a {@code .csv} whose name speaks of encounters is a CBP file.
	 * @param path the file
	 * @return the file as a release, or null when it is neither
	 */
	static BorderFile classify(Path path) {
		String name = path.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") && !lower.startsWith("~$")) {
			return new BorderFile(OHSS, name.substring(0, name.length() - ".xlsx".length()), path);
		}
		if (lower.endsWith(".csv") && lower.contains("encounter")) {
			return new BorderFile(CBP, name.substring(0, name.length() - ".csv".length()), path);
		}
		return null;
	}

	public String fileName() {
		return this.path.getFileName().toString();
	}

}
