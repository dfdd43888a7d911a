package org.courtstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a load of a generated release holds, now that the load repairs malformed lines:
 * the generator lists its tab-shifted A_TblCase line and its cut B_TblProceeding line as
 * {@code field_count} rejects and leaves their rows out of its counts, while the load
 * repairs both (a tab shift and a padded short row) and loads them. Once the generator
 * stops listing them, {@link #repaired} is empty and the counts are the generator's own.
 */
public final class SampleLoad {

	private static final String FIELD_COUNT = "field_count";

	private SampleLoad() {
	}

	/**
	 * The malformed lines the load repairs.
	 * @param sample the generated release
	 * @return the generator's field_count rejects
	 */
	public static List<SampleRelease.ExpectedReject> repaired(SampleRelease sample) {
		return sample.rejects().stream().filter((reject) -> reject.reasonCode().equals(FIELD_COUNT)).toList();
	}

	/**
	 * The malformed lines the load still rejects.
	 * @param sample the generated release
	 * @return the generator's rejects other than field_count
	 */
	public static List<SampleRelease.ExpectedReject> rejected(SampleRelease sample) {
		return sample.rejects().stream().filter((reject) -> !reject.reasonCode().equals(FIELD_COUNT)).toList();
	}

	/**
	 * Cases in the warehouse after the load.
	 * @param sample the generated release
	 * @return the generator's valid cases and the repaired ones
	 */
	public static long cases(SampleRelease sample) {
		return sample.expected().cases() + repairedKeys(sample, "A_TblCase").size();
	}

	/**
	 * Proceedings in the warehouse after the load.
	 * @param sample the generated release
	 * @return the generator's valid proceedings and the repaired ones
	 */
	public static long proceedings(SampleRelease sample) {
		return sample.expected().proceedings() + repairedKeys(sample, "B_TblProceeding").size();
	}

	/**
	 * The keys (first field) of the repaired lines of one table, read from the generated
	 * file.
	 * @param sample the generated release
	 * @param tableName e.g. {@code B_TblProceeding}
	 * @return the keys, in line order
	 */
	public static List<Long> repairedKeys(SampleRelease sample, String tableName) {
		Path file = sample.folder().resolve("EOIR Case Data").resolve(tableName + ".csv");
		try {
			List<String> lines = Files.readAllLines(file, Charset.forName("windows-1252"));
			return repaired(sample).stream()
				.filter((reject) -> reject.tableName().equals(tableName))
				.map((reject) -> Long.valueOf(lines.get((int) reject.lineNumber() - 1).split("\t", -1)[0]))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
