package org.courtstats.observability;

import org.slf4j.MDC;

import org.springframework.batch.core.job.JobExecution;

/**
 * Names the run a log line belongs to: the job execution id, the source and the release,
 * in the logging context ({@link MDC}) of the thread doing the run's work. The log
 * patterns of {@code logback-spring.xml} show them, and structured (JSON) logs carry them
 * as fields.
 */
public final class RunLogContext {

	/** The Spring Batch job execution id of the run. */
	public static final String EXECUTION_ID = "jobExecutionId";

	/** The release the run loads. */
	public static final String RELEASE = "release";

	/** eoir, ohss or cbp. */
	public static final String SOURCE = "source";

	private RunLogContext() {
	}

	/**
	 * Puts a run in the current thread's logging context, unless it is there already.
	 * @param jobExecution the run
	 * @return whether this call put it there, and so the caller is to {@link #leave()}
	 */
	static boolean enter(JobExecution jobExecution) {
		String id = String.valueOf(jobExecution.getId());
		if (id.equals(MDC.get(EXECUTION_ID))) {
			return false;
		}
		MDC.put(EXECUTION_ID, id);
		String release = jobExecution.getJobParameters().getString("release");
		if (release != null) {
			MDC.put(RELEASE, release);
		}
		String source = jobExecution.getJobParameters().getString("source");
		if (source != null) {
			MDC.put(SOURCE, source);
		}
		return true;
	}

	/**
	 * Takes the run out of the current thread's logging context.
	 */
	static void leave() {
		MDC.remove(EXECUTION_ID);
		MDC.remove(RELEASE);
		MDC.remove(SOURCE);
	}

}
