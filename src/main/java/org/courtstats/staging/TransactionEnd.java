package org.courtstats.staging;

import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells what a writer keeps in memory beside a chunk's rows ({@link UsedValues},
 * {@link DistinctKeys}) whether the chunk's transaction committed: once per transaction
 * watched, when it ends.
 */
final class TransactionEnd {

	private final Consumer<Boolean> onEnd;

	private boolean watching;

	/**
	 * @param onEnd receives, as each transaction watched ends, whether it committed
	 */
	TransactionEnd(Consumer<Boolean> onEnd) {
		this.onEnd = onEnd;
	}

	/**
	 * Watches the current transaction, if there is one and it is not watched already.
	 */
	void watch() {
		if (!this.watching && TransactionSynchronizationManager.isSynchronizationActive()) {
			this.watching = true;
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionEnd.this.watching = false;
					TransactionEnd.this.onEnd.accept(status == STATUS_COMMITTED);
				}
			});
		}
	}

	/**
	 * Whether a transaction is watched and has not ended yet.
	 * @return true until the watched transaction ends
	 */
	boolean watching() {
		return this.watching;
	}

}
