package org.courtstats.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

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

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	public PublicationGate(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Enters the gate at the start of a publication, in its transaction, which holds it
	 * until it commits or rolls back; waits for a stop that holds it.
	 * @param jobExecutionId the publishing run
	 * @return whether the run was asked to stop before its publication started: then it
	 * must publish nothing
	 */
	public boolean stopRequestedBeforePublication(long jobExecutionId) {
		this.jdbc.query("select pg_advisory_xact_lock(?)", (rs) -> null, KEY);
		String status = this.jdbc.queryForObject(
				"select status from batch.batch_job_execution where job_execution_id = ?", String.class,
				jobExecutionId);
		return "STOPPING".equals(status) || "STOPPED".equals(status);
	}

	/**
	 * Runs a stop while no publication can start or be running: holds the gate on a
	 * session of its own, waiting briefly for another stop to leave it.
	 * @param stop asks the run to stop unless it found it publishing; returns whether it
	 * asked
	 * @return true when the run was asked to stop; false when it publishes (a publication
	 * holds the gate, or the stop found its step running)
	 * @throws WarehouseUnavailableException when the database cannot be reached
	 */
	public boolean outsidePublication(BooleanSupplier stop) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!tryLock(connection)) {
				return false;
			}
			try {
				return stop.getAsBoolean();
			}
			finally {
				try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
					statement.setLong(1, KEY);
					statement.execute();
				}
			}
		}
		catch (SQLException ex) {
			throw new WarehouseUnavailableException("Could not stop the run: " + ex.getMessage(), ex);
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			while (true) {
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next() && rs.getBoolean(1)) {
						return true;
					}
				}
				if (System.nanoTime() > deadline) {
					return false;
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
	}

}
