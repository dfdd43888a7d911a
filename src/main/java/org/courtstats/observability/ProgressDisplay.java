package org.courtstats.observability;

/**
 * Shows the progress of the files being staged to the operator watching a terminal; the
 * command line gives one, since nothing else talks to the terminal.
 */
public interface ProgressDisplay {

	/**
	 * A file starts staging (or resumes, after a failed run).
	 * @param file where it stands: no rows yet
	 */
	void started(FileProgress file);

	/**
	 * More of a file was staged.
	 * @param file where it stands
	 */
	void progressed(FileProgress file);

	/**
	 * A file's staging ended.
	 * @param fileName the file
	 * @param status how it ended (completed, failed, stopped)
	 * @param rows rows staged by this run
	 * @param elapsedNanos how long it took
	 */
	void finished(String fileName, String status, long rows, long elapsedNanos);

	/**
	 * Where the staging of one file stands.
	 *
	 * @param fileName the file
	 * @param rows rows staged by this run so far
	 * @param expectedRows the rows the release's {@code Count.txt} gives for it, or null
	 * @param bytesRead bytes of the file read so far (from its start, also on a restart),
	 * or null where the reader does not count them (a workbook)
	 * @param sizeBytes the file's size (uncompressed, for a zip entry), or null
	 * @param elapsedNanos time since the file started
	 */
	record FileProgress(String fileName, long rows, Long expectedRows, Long bytesRead, Long sizeBytes,
			long elapsedNanos) {

		/**
		 * How much of the file is done: by bytes where they are counted, else by the rows
		 * {@code Count.txt} gives.
		 * @return a fraction from 0 to 1, or null when neither total is known
		 */
		public Double fractionDone() {
			if (this.bytesRead != null && this.sizeBytes != null && this.sizeBytes > 0) {
				return Math.min(1.0, (double) this.bytesRead / this.sizeBytes);
			}
			if (this.expectedRows != null && this.expectedRows > 0) {
				return Math.min(1.0, (double) this.rows / this.expectedRows);
			}
			return null;
		}

	}

}
