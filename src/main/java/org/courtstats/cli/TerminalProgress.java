package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.courtstats.observability.ProgressDisplay;

/**
 * A progress line redrawn in place on the terminal: for each file being staged, its rows
 * (of those {@code Count.txt} gives, when it gives them), the rate and the time left.
 * When a file ends the line is cleared, so that the log line saying so starts on a clean
 * line.
 */
class TerminalProgress implements ProgressDisplay {

	private static final String CLEAR_LINE = "\r\u001b[K";

	private final PrintWriter out;

	private final Map<String, String> files = new LinkedHashMap<>();

	TerminalProgress(PrintWriter out) {
		this.out = out;
	}

	/**
	 * Whether standard output is a terminal someone watches, rather than a file or a
	 * pipe.
	 */
	static boolean isTerminal() {
		return System.console() != null;
	}

	@Override
	public synchronized void started(String fileName, Long expectedRows) {
		this.files.put(fileName, describe(fileName, 0, expectedRows, 0));
		redraw();
	}

	@Override
	public synchronized void progressed(String fileName, long rows, Long expectedRows, long elapsedNanos) {
		this.files.put(fileName, describe(fileName, rows, expectedRows, elapsedNanos));
		redraw();
	}

	@Override
	public synchronized void finished(String fileName, String status, long rows, long elapsedNanos) {
		this.files.remove(fileName);
		this.out.print(CLEAR_LINE);
		this.out.flush();
	}

	/**
	 * Clears the line, before the command prints what the load did.
	 */
	synchronized void clear() {
		this.files.clear();
		this.out.print(CLEAR_LINE);
		this.out.flush();
	}

	private void redraw() {
		List<String> parts = new ArrayList<>(this.files.values());
		this.out.print(CLEAR_LINE + String.join(" | ", parts));
		this.out.flush();
	}

	static String describe(String fileName, long rows, Long expectedRows, long elapsedNanos) {
		long rate = (elapsedNanos > 0) ? rows * 1_000_000_000L / elapsedNanos : 0;
		StringBuilder line = new StringBuilder(fileName).append(' ');
		if (expectedRows != null && expectedRows > 0) {
			long percent = Math.min(100, rows * 100 / expectedRows);
			line.append(String.format("%,d/%,d rows (%d%%)", rows, expectedRows, percent));
		}
		else {
			line.append(String.format("%,d rows", rows));
		}
		line.append(String.format(", %,d rows/s", rate));
		if (expectedRows != null && rate > 0 && expectedRows > rows) {
			long secondsLeft = (expectedRows - rows) / rate;
			line.append(String.format(", %d:%02d left", secondsLeft / 60, secondsLeft % 60));
		}
		return line.toString();
	}

}
