package org.courtstats.nightly;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;

/**
 * What the register steps of the one-file jobs (an OHSS edition, a CBP file) hand to the
 * steps after them, through the job's execution context.
 */
final class BorderJobs {

	/** Job execution context key: the file's {@code etl.source_file} id. */
	static final String SOURCE_FILE_ID = "sourceFileId";

	private BorderJobs() {
	}

	static void rememberSourceFile(ChunkContext chunkContext, long sourceFileId) {
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putLong(SOURCE_FILE_ID, sourceFileId);
	}

	/**
	 * Ends the job after its register step: the file repeats one loaded before.
	 */
	static void markDuplicate(StepContribution contribution, ChunkContext chunkContext, String duplicateOf) {
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putString(EoirReleaseJobConfiguration.DUPLICATE_OF, duplicateOf);
		contribution.setExitStatus(new ExitStatus(EoirReleaseJobConfiguration.DUPLICATE));
	}

}
