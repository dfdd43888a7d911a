package org.courtstats.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs the progress of each file being staged every few seconds (rows and rows per
 * second), and a line when the file is done.
 */
public class StagingProgress implements ItemWriteListener<Object>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(StagingProgress.class);

	private static final long INTERVAL_NANOS = 5_000_000_000L;

	private final Map<Long, Progress> progress = new ConcurrentHashMap<>();

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.progress.put(stepExecution.getId(), new Progress(System.nanoTime()));
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
		if (now - current.lastLogged >= INTERVAL_NANOS) {
			current.lastLogged = now;
			logger.info("{}: {} rows staged ({} rows/s)", fileName(stepExecution), String.format("%,d", current.rows),
					String.format("%,d", rate(current.rows, now - current.started)));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		Progress done = this.progress.remove(stepExecution.getId());
		if (done != null) {
			long elapsed = System.nanoTime() - done.started;
			logger.info("{}: {} ({} rows in {} s, {} rows/s)", fileName(stepExecution),
					stepExecution.getStatus().name().toLowerCase(), String.format("%,d", done.rows),
					String.format("%.1f", elapsed / 1e9), String.format("%,d", rate(done.rows, elapsed)));
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

		private final long started;

		private long lastLogged;

		private long rows;

		private Progress(long started) {
			this.started = started;
			this.lastLogged = started;
		}

	}

}
