package org.courtstats.nightly;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A {@code load} or {@code restart} asked to end (SIGTERM, Ctrl-C) stops its run as
 * {@code stop} does, after the current chunk commits, and ends once the run has stopped
 * and its summary is printed, before the database connections close under it. The next
 * load resumes the run. ({@code schedule} does the same in {@link ScheduledNightlyLoad}.)
 */
@Component
@Profile("!" + ScheduledNightlyLoad.PROFILE)
class LoadShutdown implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LoadShutdown.class);

	private final LoadsInProgress loads;

	private final RunOperations runOperations;

	private volatile boolean running;

	LoadShutdown(LoadsInProgress loads, RunOperations runOperations) {
		this.loads = loads;
		this.runOperations = runOperations;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.loads.isActive()) {
			return;
		}
		logger.warn("The process was asked to end while it loads: its run stops after its current chunk commits");
		this.runOperations.stopRunsOfThisProcess();
		try {
			this.loads.awaitEnd();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
