package org.courtstats.nightly;

import org.springframework.stereotype.Component;

/**
 * The loads this process is running (a command's, to the end of its summary, or one the
 * schedule fired), so that the process, asked to end, lets them finish first
 * ({@link LoadShutdown}).
 */
@Component
public class LoadsInProgress {

	private int active;

	/**
	 * Marks a load begun.
	 * @return what marks it ended, when closed
	 */
	public synchronized Load begin() {
		this.active++;
		return this::end;
	}

	synchronized boolean isActive() {
		return this.active > 0;
	}

	/**
	 * Waits for the loads to end, in timed waits: a thread waiting without a time limit
	 * is one Spring takes for stuck at shutdown, and interrupts.
	 */
	synchronized void awaitEnd() throws InterruptedException {
		while (this.active > 0) {
			wait(1000);
		}
	}

	private synchronized void end() {
		this.active--;
		notifyAll();
	}

	/**
	 * A load in progress, ended when closed.
	 */
	@FunctionalInterface
	public interface Load extends AutoCloseable {

		@Override
		void close();

	}

}
