package org.courtstats.nightly;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.courtstats.cbp.CbpFileException;
import org.courtstats.eoir.EoirFileException;
import org.courtstats.intake.IntakeException;
import org.courtstats.ohss.OhssLayoutException;
import org.courtstats.spreadsheet.SpreadsheetException;
import org.courtstats.warehouse.DatabaseFailures;
import org.courtstats.warehouse.RejectedRowsOverThresholdException;
import org.courtstats.warehouse.WarehouseCheckException;
import org.courtstats.warehouse.WarehouseSqlException;
import org.courtstats.warehouse.WarehouseUnavailableException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

/**
 * Turns the failures of a job execution into one message for the operator: the file and
 * line when known, what went wrong, and what to do. The failing file's own error wins
 * over the summaries that the steps around it report.
 */
public final class LoadFailures {

	private static final String RESUME = "Fix the cause, then run the load again: it resumes where it stopped.";

	private static final String FREE_SPACE = "The disk the warehouse database writes to is full: free space on it, "
			+ "then run the load again: it resumes where it stopped.";

	private LoadFailures() {
	}

	static String describe(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.STOPPED) {
			// Its steps' failures are the stop itself.
			return "stopped on request (courtstats stop, or the process asked to end) after its last committed "
					+ "chunk; `courtstats restart " + execution.getId() + "` or the next load resumes it";
		}
		List<StepExecution> failedSteps = execution.getStepExecutions()
			.stream()
			.filter((step) -> !step.getFailureExceptions().isEmpty())
			.sorted(Comparator.comparing((StepExecution step) -> fileName(step) == null)
				.thenComparing(StepExecution::getId))
			.toList();
		if (!failedSteps.isEmpty()) {
			StepExecution step = failedSteps.get(0);
			String where = (fileName(step) != null) ? fileName(step) : "step " + step.getStepName();
			String message = describe(step.getFailureExceptions().get(0), where);
			// Each other file with its reason, so that one delivery can mend them all.
			Map<String, String> others = new LinkedHashMap<>();
			failedSteps.stream()
				.skip(1)
				.filter((other) -> fileName(other) != null && !fileName(other).equals(fileName(step)))
				.forEach((other) -> others.putIfAbsent(fileName(other),
						reason(describe(other.getFailureExceptions().get(0), fileName(other)), fileName(other))));
			return others.isEmpty() ? message
					: message + " Failed too: "
							+ others.entrySet()
								.stream()
								.map((other) -> other.getKey() + " (" + other.getValue() + ")")
								.collect(Collectors.joining("; "))
							+ "; the log gives their errors in full.";
		}
		List<Throwable> failures = execution.getFailureExceptions();
		return failures.isEmpty() ? null : describe(failures.get(0), "the load");
	}

	/**
	 * The first clause of a file's failure message, without the file's name it starts
	 * with: {@code the file holds its header but no rows}.
	 */
	private static String reason(String message, String fileName) {
		String text = message.startsWith(fileName + ": ") ? message.substring(fileName.length() + 2) : message;
		int end = text.length();
		for (String stop : new String[] { "; ", ". " }) {
			int at = text.indexOf(stop);
			if (at > 0 && at < end) {
				end = at;
			}
		}
		return text.substring(0, end).replaceAll("\\.$", "");
	}

	private static String describe(Throwable failure, String where) {
		return describe(failure, where, RESUME);
	}

	/**
	 * One message for a failure: the file and line when known, what went wrong, and what
	 * to do.
	 * @param failure the failure
	 * @param where what failed, when the failure does not say
	 * @param whatToDo the advice for a failure whose own message gives none
	 * @return the message
	 */
	static String describe(Throwable failure, String where, String whatToDo) {
		String advice = DatabaseFailures.isDiskFull(failure) ? FREE_SPACE : whatToDo;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EoirFileException || cause instanceof IntakeException
					|| cause instanceof WarehouseUnavailableException || cause instanceof WarehouseCheckException
					|| cause instanceof SpreadsheetException || cause instanceof OhssLayoutException
					|| cause instanceof CbpFileException || cause instanceof RejectedRowsOverThresholdException) {
				return cause.getMessage();
			}
			if (cause instanceof WarehouseSqlException sql) {
				return where + " failed in " + sql.location() + ": " + rootMessage(sql) + ". " + advice;
			}
			if (cause instanceof FlatFileParseException parse) {
				return where + ": line " + parse.getLineNumber() + ": " + rootMessage(parse) + ". " + advice;
			}
		}
		return where + " failed: " + rootMessage(failure) + ". " + advice;
	}

	/**
	 * Whether a run failed because the warehouse database's disk is full: its message
	 * names a file of PostgreSQL's own, relative to a data folder the operator may not
	 * know of.
	 * @param execution a finished run
	 * @return true when one of its failures is a write the database could not make
	 */
	static boolean isDiskFull(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(DatabaseFailures::isDiskFull);
	}

	/**
	 * Whether a run failed because its release was held back: it rejected more rows than
	 * the threshold allows, or an error check found more offending rows than it tolerates
	 * (and not for another reason).
	 * @param execution a finished run
	 * @return true when it was held back
	 */
	static boolean isHeldBack(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(LoadFailures::isHeldBack);
	}

	/**
	 * Whether a failure is a release held back: more rejected rows than the threshold
	 * allows, or an error check that found more offending rows than it tolerates.
	 * @param failure a failure
	 * @return true when it is
	 */
	static boolean isHeldBack(Throwable failure) {
		return find(failure, RejectedRowsOverThresholdException.class) || find(failure, WarehouseCheckException.class);
	}

	private static boolean find(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String fileName(StepExecution step) {
		return step.getExecutionContext().getString("fileName", null);
	}

	/**
	 * The first line of the deepest cause's message, which is what an operator can act
	 * on.
	 * @param failure a failure
	 * @return its root cause's message, or the cause's type when it has none
	 */
	public static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return firstLine((root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName());
	}

	/**
	 * The first line of a message, stripped.
	 * @param message a message, one line or more
	 * @return its first line
	 */
	static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return ((newline > 0) ? message.substring(0, newline) : message).strip();
	}

}
