package org.courtstats.nightly;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A process asked to end (SIGTERM, Ctrl-C) while it loads ({@code load}, {@code restart},
 * a load {@code schedule} fired) stops its run as {@code stop} does, after the current
 * chunk commits, starts no other, and ends once the run has stopped (and a command's
 * summary is printed), before the database connections close under it. The next load
 * resumes the run.
 */
@Component
class LoadShutdown implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LoadShutdown.class);

	private final LoadsInProgress loads;

	private final NightlyLoad nightlyLoad;

	private final RunOperations runOperations;

	private volatile boolean running;

	LoadShutdown(LoadsInProgress loads, NightlyLoad nightlyLoad, RunOperations runOperations) {
		this.loads = loads;
		this.nightlyLoad = nightlyLoad;
		this.runOperations = runOperations;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		CountDownLatch ended = new CountDownLatch(1);
		stop(ended::countDown);
		try {
			ended.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts no further run, stops the one going after its chunk, and calls back once the
	 * load has ended and its summary is printed; Spring waits for that up to
	 * {@code spring.lifecycle.timeout-per-shutdown-phase}, then closes the connections.
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		if (!this.loads.isActive()) {
			callback.run();
			return;
		}
		logger.warn("The process was asked to end while it loads: its run stops after its current chunk commits, "
				+ "and no other starts");
		this.nightlyLoad.startNoMoreRuns();
		this.runOperations.stopRunsOfThisProcess();
		Thread waiter = new Thread(() -> {
			try {
				this.loads.awaitEnd();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			callback.run();
		}, "load-shutdown");
		waiter.setDaemon(true);
		waiter.start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops before anything else, while the database connections are still open.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
