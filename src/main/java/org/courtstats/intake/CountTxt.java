package org.courtstats.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courtstats.eoir.EoirTable;

/**
 * The {@code Count.txt} EOIR ships with a release, one line per table: its name, a tab
 * and how many rows it holds, to check the rows read against. Table names are matched
 * case-insensitively against file names without {@code .csv}; lines of another shape are
 * ignored.
 */
final class CountTxt {

	static final String FILE_NAME = "Count.txt";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Pattern LINE = Pattern.compile("\\s*(\\S+)\\s+(\\d{1,18}|\\d{1,3}(?:,\\d{3}){1,5})\\s*");

	private final Map<String, Long> rows;

	private CountTxt(Map<String, Long> rows) {
		this.rows = rows;
	}

	static boolean isCountTxt(DeliveredFile file) {
		return file.fileName().equalsIgnoreCase(FILE_NAME);
	}

	/**
	 * The counts of a release, from every {@code Count.txt} it holds, wherever it sits.
	 * @param release the release
	 * @param contents its contents, open
	 * @return the counts, empty when the release has none
	 */
	static CountTxt of(EoirRelease release, ReleaseContents contents) throws IOException {
		Map<String, Long> rows = new HashMap<>();
		for (DeliveredFile file : release.files()) {
			if (isCountTxt(file)) {
				try (Reader reader = new InputStreamReader(contents.open(file), WINDOWS_1252)) {
					rows.putAll(parse(reader));
				}
			}
		}
		return new CountTxt(rows);
	}

	static Map<String, Long> parse(Reader reader) throws IOException {
		Map<String, Long> rows = new HashMap<>();
		BufferedReader lines = new BufferedReader(reader);
		boolean first = true;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			String text = line.replace("\0", "");
			if (first) {
				text = withoutByteOrderMark(text);
				first = false;
			}
			Matcher matcher = LINE.matcher(text);
			if (matcher.matches()) {
				rows.put(matcher.group(1).toLowerCase(Locale.ROOT), Long.parseLong(matcher.group(2).replace(",", "")));
			}
		}
		return rows;
	}

	/**
	 * The first line without a byte order mark, which an editor saving the file as UTF-8
	 * or UTF-16 puts before the first table's name: read as Windows-1252, {@code ï»¿} or
	 * {@code ÿþ} (the NUL bytes of UTF-16 are dropped).
	 */
	private static String withoutByteOrderMark(String line) {
		for (String mark : new String[] { "\u00EF\u00BB\u00BF", "\u00FF\u00FE", "\u00FE\u00FF", "\uFEFF" }) {
			if (line.startsWith(mark)) {
				return line.substring(mark.length());
			}
		}
		return line;
	}

	/**
	 * The rows {@code Count.txt} gives for a table, under any of its file names.
	 * @param table the table
	 * @return the count, or null when none is given
	 */
	Long rowsOf(EoirTable table) {
		return table.fileNames()
			.stream()
			.map((name) -> this.rows.get(name.toLowerCase(Locale.ROOT)))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The rows {@code Count.txt} gives for a file's table.
	 * @param file a file of the release
	 * @return the count, or null when none is given
	 */
	Long rowsOf(DeliveredFile file) {
		if (isCountTxt(file)) {
			return null;
		}
		String name = file.fileName().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			name = name.substring(0, name.length() - ".csv".length());
		}
		return this.rows.get(name);
	}

}
