package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.courtstats.observability.ProgressDisplay;

/**
 * A progress line redrawn in place on the terminal: for each file being staged, a bar of
 * the share done, its rows (of those {@code Count.txt} gives, when it gives them), the
 * megabytes read of its size, the rate and the time left. When a file ends the line is
 * cleared, so that the log line saying so starts on a clean line.
 */
class TerminalProgress implements ProgressDisplay {

	private static final String CLEAR_LINE = "\r\u001b[K";

	private static final int BAR_WIDTH = 10;

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
	public synchronized void started(ProgressDisplay.FileProgress file) {
		this.files.put(file.fileName(), describe(file));
		redraw();
	}

	@Override
	public synchronized void progressed(ProgressDisplay.FileProgress file) {
		this.files.put(file.fileName(), describe(file));
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

	/**
	 * One file's part of the line: a bar and the share done (by bytes where they are
	 * counted, else by the rows {@code Count.txt} gives), rows, megabytes, the rate and
	 * the time left.
	 */
	static String describe(ProgressDisplay.FileProgress file) {
		long elapsed = file.elapsedNanos();
		long rate = (elapsed > 0) ? file.rows() * 1_000_000_000L / elapsed : 0;
		Double done = file.fractionDone();
		StringBuilder line = new StringBuilder(file.fileName()).append(' ');
		if (done != null) {
			int filled = (int) Math.floor(done * BAR_WIDTH);
			line.append('[')
				.append("#".repeat(filled))
				.append("-".repeat(BAR_WIDTH - filled))
				.append(String.format("] %d%% ", (long) Math.floor(done * 100)));
		}
		if (file.expectedRows() != null && file.expectedRows() > 0) {
			line.append(String.format("%,d/%,d rows", file.rows(), file.expectedRows()));
		}
		else {
			line.append(String.format("%,d rows", file.rows()));
		}
		if (file.bytesRead() != null) {
			line.append(String.format(", %s", megabytes(file.bytesRead())));
			if (file.sizeBytes() != null && file.sizeBytes() > 0) {
				line.append('/').append(megabytes(file.sizeBytes()));
			}
			line.append(" MB");
		}
		line.append(String.format(", %,d rows/s", rate));
		if (done != null && done > 0 && done < 1 && elapsed > 0) {
			long secondsLeft = Math.round(elapsed / 1e9 * (1 - done) / done);
			line.append(String.format(", %d:%02d left", secondsLeft / 60, secondsLeft % 60));
		}
		return line.toString();
	}

	private static String megabytes(long bytes) {
		return String.format("%,.1f", bytes / 1e6);
	}

}
