package org.courtstats.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.courtstats.warehouse.LoadStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.Ordered;

/**
 * Follows each file being staged: on a terminal, a {@link ProgressDisplay} shows its
 * rows, rate and time left as they go; in the log, one line a minute per file and a line
 * when it is done. When a file's step completes, its rows read, loaded and rejected are
 * counted into the {@link LoadMeters}.
 * <p>
 * It is {@link Ordered} so that Spring Batch calls its {@code afterStep} after the
 * staging writer's, which records the file's counts in {@code etl.source_file}. It also
 * puts the run's log context on the thread of a partition, which the job's own listener
 * does not reach.
 */
public class StagingProgress implements ItemWriteListener<Object>, StepExecutionListener, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(StagingProgress.class);

	/** Where staging finds the file of a step: the partition's or the job's context. */
	private static final String SOURCE_FILE_ID = "sourceFileId";

	private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

	private static final long DISPLAY_INTERVAL_NANOS = 250_000_000L;

	private final LoadMeters meters;

	private final LoadStatistics statistics;

	private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

	private volatile ProgressDisplay display;

	public StagingProgress(LoadMeters meters, LoadStatistics statistics) {
		this.meters = meters;
		this.statistics = statistics;
	}

	/**
	 * Shows the progress of the files on a display instead of logging it every minute.
	 * @param display where to show it, or null to log it
	 */
	public void showOn(ProgressDisplay display) {
		this.display = display;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		boolean ownsLogContext = RunLogContext.enter(stepExecution.getJobExecution());
		Long sourceFileId = sourceFileId(stepExecution);
		Long expected = (sourceFileId != null)
				? this.statistics.stagedFile(sourceFileId).map(LoadStatistics.StagedFile::expectedRows).orElse(null)
				: null;
		long now = System.nanoTime();
		this.progress.put(stepExecution.getId(), new Progress(fileName(stepExecution), expected, now, ownsLogContext));
		ProgressDisplay shown = this.display;
		if (shown != null) {
			shown.started(fileName(stepExecution), expected);
		}
	}

	@Override
	public void afterWrite(Chunk<?> items) {
		StepContext context = StepSynchronizationManager.getContext();
		if (context == null) {
			return;
		}
		StepExecution stepExecution = context.getStepExecution();
		Progress current = this.progress.get(stepExecution.getId());
		if (current == null) {
			return;
		}
		current.rows += items.size();
		long now = System.nanoTime();
		ProgressDisplay shown = this.display;
		if (shown != null) {
			if (now - current.lastShown >= DISPLAY_INTERVAL_NANOS) {
				current.lastShown = now;
				shown.progressed(current.fileName, current.rows, current.expectedRows, now - current.started);
			}
		}
		else if (now - current.lastLogged >= LOG_INTERVAL_NANOS) {
			current.lastLogged = now;
			logger.info("{}: {} rows staged ({} rows/s)", current.fileName, String.format("%,d", current.rows),
					String.format("%,d", rate(current.rows, now - current.started)));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Progress done = this.progress.remove(stepExecution.getId());
		try {
			if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
				Long sourceFileId = sourceFileId(stepExecution);
				if (sourceFileId != null) {
					this.meters.fileStaged(sourceFileId);
				}
			}
			if (done != null) {
				long elapsed = System.nanoTime() - done.started;
				ProgressDisplay shown = this.display;
				if (shown != null) {
					shown.finished(done.fileName, stepExecution.getStatus().name().toLowerCase(), done.rows, elapsed);
				}
				logger.info("{}: {} ({} rows in {} s, {} rows/s)", done.fileName,
						stepExecution.getStatus().name().toLowerCase(), String.format("%,d", done.rows),
						String.format("%.1f", elapsed / 1e9), String.format("%,d", rate(done.rows, elapsed)));
			}
		}
		finally {
			if (done != null && done.ownsLogContext) {
				RunLogContext.leave();
			}
		}
		return null;
	}

	private static Long sourceFileId(StepExecution stepExecution) {
		if (stepExecution.getExecutionContext().containsKey(SOURCE_FILE_ID)) {
			return stepExecution.getExecutionContext().getLong(SOURCE_FILE_ID);
		}
		if (stepExecution.getJobExecution().getExecutionContext().containsKey(SOURCE_FILE_ID)) {
			return stepExecution.getJobExecution().getExecutionContext().getLong(SOURCE_FILE_ID);
		}
		return null;
	}

	private static String fileName(StepExecution stepExecution) {
		return stepExecution.getExecutionContext().getString("fileName", stepExecution.getStepName());
	}

	private static long rate(long rows, long nanos) {
		return (nanos > 0) ? rows * 1_000_000_000L / nanos : 0;
	}

	private static final class Progress {

		private final String fileName;

		private final Long expectedRows;

		private final long started;

		private final boolean ownsLogContext;

		private long lastLogged;

		private long lastShown;

		private long rows;

		private Progress(String fileName, Long expectedRows, long started, boolean ownsLogContext) {
			this.fileName = fileName;
			this.expectedRows = expectedRows;
			this.started = started;
			this.ownsLogContext = ownsLogContext;
			this.lastLogged = started;
			this.lastShown = started;
		}

	}

}
