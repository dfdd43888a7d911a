package org.courtstats.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap a child JVM used, read from its {@code -Xlog:gc,gc+heap+exit} log: the most it
 * held when a collection started (garbage included) and the most that survived one (the
 * live data).
 *
 * @param peakUsedBytes the highest heap occupancy seen, before a collection or at exit
 * @param peakLiveBytes the highest occupancy right after a collection
 * @param collections the collections logged
 */
public record PeakHeap(long peakUsedBytes, long peakLiveBytes, int collections) {

	private static final Pattern PAUSE = Pattern.compile("Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private static final Pattern EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

	/**
	 * Reads a GC log.
	 * @param log the file the child JVM logged to
	 * @return what it shows; zeros when it holds no heap figure
	 * @throws IOException when it cannot be read
	 */
	public static PeakHeap read(Path log) throws IOException {
		return parse(Files.readAllLines(log));
	}

	static PeakHeap parse(List<String> lines) {
		long used = 0;
		long live = 0;
		int collections = 0;
		for (String line : lines) {
			Matcher pause = PAUSE.matcher(line);
			if (pause.find()) {
				collections++;
				used = Math.max(used, bytes(pause.group(1), pause.group(2)));
				live = Math.max(live, bytes(pause.group(3), pause.group(4)));
				continue;
			}
			Matcher exit = EXIT.matcher(line);
			if (exit.find()) {
				used = Math.max(used, bytes(exit.group(2), "K"));
			}
		}
		return new PeakHeap(used, live, collections);
	}

	private static long bytes(String amount, String unit) {
		long value = Long.parseLong(amount);
		return switch (unit) {
			case "G" -> value << 30;
			case "M" -> value << 20;
			default -> value << 10;
		};
	}

}
