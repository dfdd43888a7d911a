package org.courtstats.pull;

import java.nio.file.Path;

/**
 * What a check of one source did.
 *
 * @param source the source's name
 * @param kind eoir, ohss or cbp
 * @param url the file asked for, or the listing page when no link was found
 * @param status not due, not modified, downloaded or failed
 * @param file the file moved into the inbox, for a download
 * @param bytes its size, for a download
 * @param sha256 its SHA-256, for a download
 * @param message what went wrong, for a failure; when the source is next due, for one not
 * due
 */
public record PullOutcome(String source, String kind, String url, Status status, Path file, Long bytes, String sha256,
		String message) {

	/**
	 * Whether the check failed.
	 * @return true when it did
	 */
	public boolean isFailure() {
		return this.status == Status.FAILED;
	}

	/** The outcomes of a check. */
	public enum Status {

		/**
		 * The source's check-schedule names no time since its last check: the publisher
		 * was not contacted.
		 */
		NOT_DUE,

		/** The publisher's file is the one fetched before. */
		NOT_MODIFIED,

		/** A changed file was downloaded, verified and moved into the inbox. */
		DOWNLOADED,

		/** The check failed; nothing was moved into the inbox. */
		FAILED

	}

}
