package org.courtstats.warehouse;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a stop and a publication apart: a PostgreSQL advisory lock that a publication
 * holds for its whole transaction, and that a stop holds while it looks whether the run
 * publishes and marks it stopping. So a stop either lands before the publication starts,
 * which then sees it and publishes nothing, or finds the run publishing and is refused;
 * never in between, where the publication would commit and the run be recorded stopped.
 */
public class PublicationGate {

	/** The advisory lock key: the bytes of "courtpub". */
	private static final long KEY = 0x636f757274707562L;

	/**
	 * How long a stop waits for the gate: a stop holds it for a few milliseconds, a
	 * publication for its whole transaction.
	 */
	private static final Duration WAIT = Duration.ofSeconds(2);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	public PublicationGate(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Enters the gate at the start of a publication, in its transaction, which holds it
	 * until it commits or rolls back; waits for a stop that holds it.
	 * @param jobExecutionId the publishing run
	 * @return whether the run was asked to stop before its publication started: then it
	 * must publish nothing
	 * @throws IllegalStateException outside a transaction, where the lock would end with
	 * the statement
	 */
	public boolean stopRequestedBeforePublication(long jobExecutionId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A publication enters its gate in its own transaction");
		}
		this.jdbc.query("select pg_advisory_xact_lock(?)", (rs) -> null, KEY);
		String status = this.jdbc.queryForObject(
				"select status from batch.batch_job_execution where job_execution_id = ?", String.class,
				jobExecutionId);
		return "STOPPING".equals(status) || "STOPPED".equals(status);
	}

	/**
	 * Runs a stop while no publication can start or be running: in a transaction that
	 * holds the gate, waiting briefly for another stop to leave it, so that the run's
	 * mark commits as the gate is let go (the job repository's statements join the
	 * transaction), and no lock outlives it.
	 * @param stop asks the run to stop unless it found it publishing; returns whether it
	 * asked
	 * @return true when the run was asked to stop; false when it publishes (a publication
	 * holds the gate, or the stop found its step running)
	 */
	public boolean outsidePublication(BooleanSupplier stop) {
		Boolean asked = this.transaction.execute((status) -> tryLock() && stop.getAsBoolean());
		return Boolean.TRUE.equals(asked);
	}

	private boolean tryLock() {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!Boolean.TRUE
			.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, KEY))) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting to stop the run", ex);
			}
		}
		return true;
	}

}
