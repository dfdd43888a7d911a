package org.courtstats.nightly;

import java.util.List;

import org.courtstats.eoir.EoirFileException;
import org.courtstats.intake.IntakeException;
import org.courtstats.warehouse.WarehouseCheckException;
import org.courtstats.warehouse.WarehouseUnavailableException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

/**
 * Turns the failures of a job execution into one message for the operator: the file and
 * line when known, what went wrong, and what to do.
 */
final class LoadFailures {

	private LoadFailures() {
	}

	static String describe(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		if (failures.isEmpty()) {
			return null;
		}
		String step = execution.getStepExecutions()
			.stream()
			.filter((stepExecution) -> stepExecution.getStatus() == BatchStatus.FAILED)
			.map(LoadFailures::stepName)
			.reduce((first, second) -> second)
			.orElse("?");
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof EoirFileException || cause instanceof IntakeException
						|| cause instanceof WarehouseUnavailableException || cause instanceof WarehouseCheckException) {
					return cause.getMessage();
				}
				if (cause instanceof FlatFileParseException parse) {
					return step + ": line " + parse.getLineNumber() + ": " + rootMessage(parse)
							+ ". Fix the file, then run the load again: it resumes where it stopped.";
				}
			}
		}
		return "step " + step + " failed: " + rootMessage(failures.get(0))
				+ ". Fix the cause, then run the load again: it resumes where it stopped.";
	}

	private static String stepName(StepExecution stepExecution) {
		String file = stepExecution.getExecutionContext().getString("fileName", null);
		return (file != null) ? file : stepExecution.getStepName();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
