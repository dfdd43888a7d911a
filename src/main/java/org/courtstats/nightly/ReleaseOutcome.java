package org.courtstats.nightly;

import java.util.Locale;

/**
 * What the nightly load did with one release.
 *
 * @param source eoir, ohss or cbp
 * @param releaseLabel the release ({@link NightlyLoad#EOIR_RELEASES_REFUSED} for the EOIR
 * releases of an inbox that cannot place them in date order)
 * @param status what happened
 * @param jobExecutionId the run that loaded it, or null when none ran
 * @param message why it failed or was not loaded, or null
 */
public record ReleaseOutcome(String source, String releaseLabel, Status status, Long jobExecutionId, String message) {

	/**
	 * What a message written where the run is not known (a reader, a check) tells the
	 * operator to run; the outcome of a failed, stopped or held-back run names the run,
	 * the latest of its release, which {@code abandon} takes.
	 */
	static final String ABANDON_RUN = "'courtstats abandon RUN'";

	public ReleaseOutcome {
		if (status == Status.FAILED || status == Status.STOPPED || status == Status.HELD_BACK) {
			message = namingRun(message, jobExecutionId);
		}
	}

	/**
	 * A message that says to abandon "RUN", naming the run instead.
	 * @param message the message, or null
	 * @param run the failed or stopped run, the latest of its release, or null
	 * @return the message naming the run
	 */
	public static String namingRun(String message, Long run) {
		return (message == null || run == null) ? message
				: message.replace(ABANDON_RUN, "'courtstats abandon " + run + "'");
	}

	/** What happened to a release. */
	public enum Status {

		/** Loaded and published by this run. */
		LOADED,

		/** Published before; nothing was done. */
		ALREADY_LOADED,

		/** The run failed; running the load again resumes it. */
		FAILED,

		/**
		 * The run stopped on request (`courtstats stop`, or the process asked to end)
		 * after its last committed chunk; running the load again resumes it.
		 */
		STOPPED,

		/**
		 * Not loaded, and loading it again will not help: the message says what to
		 * change.
		 */
		REFUSED,

		/** Not started because an earlier release failed. */
		NOT_STARTED,

		/**
		 * Staged but not published: a table rejected more rows than the threshold allows,
		 * or an error check ({@code warehouse-sql/checks}) found more offending rows than
		 * it tolerates. Raising the threshold, or correcting the rows, and loading again
		 * publishes it.
		 */
		HELD_BACK,

		/**
		 * Not read: the delivery is still being written (modified within the settle time,
		 * and no {@code .done} marker), or an older release is. The next run reads it.
		 */
		WAITING

	}

	/**
	 * What became of the release, as a line says it: "loaded", "held back".
	 * @return the status in words
	 */
	public String statusText() {
		return this.status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	public boolean isFailure() {
		return this.status == Status.FAILED || this.status == Status.STOPPED || this.status == Status.REFUSED
				|| this.status == Status.NOT_STARTED || this.status == Status.HELD_BACK;
	}

}
