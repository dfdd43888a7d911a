package org.courtstats.observability;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * rows, bytes, rate and time left as they go; in the log, one line a minute per file and
 * a line when it is done. When a file's step completes, its rows read, loaded and
 * rejected are counted into the {@link LoadMeters}.
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

	private final Map<Long, AtomicLong> bytesRead = new ConcurrentHashMap<>();

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

	/**
	 * The counter a step's reader counts the bytes it reads into (through
	 * {@code intake.CountingResource}), for the progress display.
	 * @param stepExecutionId the step (a staging partition) reading the file
	 * @return its counter
	 */
	public AtomicLong bytesReadBy(long stepExecutionId) {
		return this.bytesRead.computeIfAbsent(stepExecutionId, (id) -> new AtomicLong());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		boolean ownsLogContext = RunLogContext.enter(stepExecution.getJobExecution());
		Long sourceFileId = sourceFileId(stepExecution);
		Optional<LoadStatistics.StagedFile> file = (sourceFileId != null) ? this.statistics.stagedFile(sourceFileId)
				: Optional.empty();
		long now = System.nanoTime();
		Progress started = new Progress(fileName(stepExecution),
				file.map(LoadStatistics.StagedFile::expectedRows).orElse(null),
				file.map(LoadStatistics.StagedFile::sizeBytes).orElse(null), now, ownsLogContext);
		this.progress.put(stepExecution.getId(), started);
		ProgressDisplay shown = this.display;
		if (shown != null) {
			shown.started(started.at(stepExecution.getId(), now));
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
				shown.progressed(current.at(stepExecution.getId(), now));
			}
		}
		else if (now - current.lastLogged >= LOG_INTERVAL_NANOS) {
			current.lastLogged = now;
			Double done = current.at(stepExecution.getId(), now).fractionDone();
			logger.info("{}: {} rows staged ({} rows/s){}", current.fileName, String.format("%,d", current.rows),
					String.format("%,d", rate(current.rows, now - current.started)),
					(done != null) ? String.format(", %d%% done", Math.round(done * 100)) : "");
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
				AtomicLong bytes = this.bytesRead.get(stepExecution.getId());
				logger.info("{}: {} ({} rows{} in {} s, {} rows/s)", done.fileName,
						stepExecution.getStatus().name().toLowerCase(), String.format("%,d", done.rows),
						(bytes != null) ? String.format(", %,d bytes read", bytes.get()) : "",
						String.format("%.1f", elapsed / 1e9), String.format("%,d", rate(done.rows, elapsed)));
			}
		}
		finally {
			this.bytesRead.remove(stepExecution.getId());
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

	private final class Progress {

		private final String fileName;

		private final Long expectedRows;

		private final Long sizeBytes;

		private final long started;

		private final boolean ownsLogContext;

		private long lastLogged;

		private long lastShown;

		private long rows;

		private Progress(String fileName, Long expectedRows, Long sizeBytes, long started, boolean ownsLogContext) {
			this.fileName = fileName;
			this.expectedRows = expectedRows;
			this.sizeBytes = sizeBytes;
			this.started = started;
			this.ownsLogContext = ownsLogContext;
			this.lastLogged = started;
			this.lastShown = started;
		}

		private ProgressDisplay.FileProgress at(long stepExecutionId, long now) {
			AtomicLong bytes = StagingProgress.this.bytesRead.get(stepExecutionId);
			return new ProgressDisplay.FileProgress(this.fileName, this.rows, this.expectedRows,
					(bytes != null) ? bytes.get() : null, this.sizeBytes, now - this.started);
		}

	}

}
