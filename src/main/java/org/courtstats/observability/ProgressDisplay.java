package org.courtstats.observability;

/**
 * Shows the progress of the files being staged to the operator watching a terminal; the
 * command line gives one, since nothing else talks to the terminal.
 */
public interface ProgressDisplay {

	/**
	 * A file starts staging (or resumes, after a failed run).
	 * @param fileName the file
	 * @param expectedRows the rows the release's {@code Count.txt} gives for it, or null
	 */
	void started(String fileName, Long expectedRows);

	/**
	 * More of a file was staged.
	 * @param fileName the file
	 * @param rows rows staged by this run so far
	 * @param expectedRows the rows {@code Count.txt} gives, or null
	 * @param elapsedNanos time since the file started
	 */
	void progressed(String fileName, long rows, Long expectedRows, long elapsedNanos);

	/**
	 * A file's staging ended.
	 * @param fileName the file
	 * @param status how it ended (completed, failed, stopped)
	 * @param rows rows staged by this run
	 * @param elapsedNanos how long it took
	 */
	void finished(String fileName, String status, long rows, long elapsedNanos);

}
