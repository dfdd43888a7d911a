package org.courtstats.cli;

import java.util.List;

import org.courtstats.eoir.EoirFileException;
import org.courtstats.intake.IntakeException;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.warehouse.DatabaseFailures;
import org.courtstats.warehouse.RejectedRowsOverThresholdException;
import org.courtstats.warehouse.RunLockException;
import org.courtstats.warehouse.WarehouseCheckException;
import org.courtstats.warehouse.WarehouseUnavailableException;

/**
 * The exit codes a scheduler acts on, and the one-line message for a failure.
 */
final class ExitCodes {

	/** Done, or nothing to do. */
	static final int OK = 0;

	/** Failed; the same command resumes the work. */
	static final int FAILED = 1;

	/** Usage or configuration error. */
	static final int USAGE = 2;

	/**
	 * A release was held back, not published: a table rejected more rows than the
	 * threshold allows, or an error check found more offending rows than it tolerates.
	 */
	static final int HELD_BACK = 3;

	/** Refused: another load holds the warehouse's run lock. */
	static final int LOCKED = 4;

	private ExitCodes() {
	}

	/**
	 * The exit code of a run's releases: a release held back exits 3, unless another
	 * failed, so that the scheduler's alert says when something more than a threshold or
	 * a check needs a look.
	 */
	static int of(List<ReleaseOutcome> outcomes) {
		if (outcomes.stream()
			.anyMatch((outcome) -> outcome.isFailure() && outcome.status() != ReleaseOutcome.Status.HELD_BACK
					&& outcome.status() != ReleaseOutcome.Status.NOT_STARTED)) {
			return FAILED;
		}
		if (outcomes.stream().anyMatch((outcome) -> outcome.status() == ReleaseOutcome.Status.HELD_BACK)) {
			return HELD_BACK;
		}
		return outcomes.stream().anyMatch(ReleaseOutcome::isFailure) ? FAILED : OK;
	}

	static int of(Throwable failure) {
		if (find(failure, RunLockException.class) != null) {
			return LOCKED;
		}
		if (find(failure, RejectedRowsOverThresholdException.class) != null
				|| find(failure, WarehouseCheckException.class) != null) {
			return HELD_BACK;
		}
		return (find(failure, IllegalArgumentException.class) != null) ? USAGE : FAILED;
	}

	/**
	 * The message an operator reads: ours when we raised it, else the deepest cause's.
	 */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IntakeException || cause instanceof EoirFileException
					|| cause instanceof WarehouseUnavailableException || cause instanceof IllegalArgumentException
					|| cause instanceof RunLockException || cause instanceof RejectedRowsOverThresholdException
					|| cause instanceof WarehouseCheckException) {
				return cause.getMessage();
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String what = root.getClass().getSimpleName() + ": " + root.getMessage();
		if (DatabaseFailures.isConnectionFailure(failure)) {
			return "The warehouse database could not be reached (" + what + "). Check that PostgreSQL is up and "
					+ "reachable, then run the command again.";
		}
		return (what.endsWith(".") ? what : what + ".")
				+ " The log (courtstats.log in courtstats.log-dir, data/logs by default) holds the stack trace.";
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
