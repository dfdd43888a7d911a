package org.courtstats.warehouse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs, while a long statement runs, that it still runs and for how long: on a full
 * release a statement can run for minutes, and an operator watching the log should see
 * the load at work, not silence. The lines carry the run's log context.
 */
final class StatementHeartbeat {

	private static final Logger logger = LoggerFactory.getLogger(StatementHeartbeat.class);

	private static final ScheduledThreadPoolExecutor BEATS = beats();

	private final Duration period;

	StatementHeartbeat(Duration period) {
		this.period = period;
	}

	/**
	 * Starts beating for a statement, until the returned beat is closed.
	 * @param what where the statement is, e.g.
	 * {@code warehouse-sql/load/fct_case.sql, line 9}
	 * @return the beat, to close when the statement ends
	 */
	Beat start(String what) {
		long started = System.nanoTime();
		Map<String, String> context = MDC.getCopyOfContextMap();
		long millis = this.period.toMillis();
		Object lock = new Object();
		boolean[] closed = new boolean[1];
		ScheduledFuture<?> beats = BEATS.scheduleWithFixedDelay(() -> {
			// Under the lock that close() takes, so that no line follows the statement's
			// end.
			synchronized (lock) {
				if (closed[0]) {
					return;
				}
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					logger.info("{}: still running, {} s so far", what,
							TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
				}
				finally {
					MDC.clear();
				}
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
		return () -> {
			synchronized (lock) {
				closed[0] = true;
			}
			beats.cancel(false);
		};
	}

	private static ScheduledThreadPoolExecutor beats() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "statement-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * A heartbeat running, stopped by {@link #close()}.
	 */
	interface Beat extends AutoCloseable {

		@Override
		void close();

	}

}
