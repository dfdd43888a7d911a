package org.courtstats.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One load at a time per warehouse: a PostgreSQL session-level advisory lock held on a
 * connection of its own for the whole run. PostgreSQL releases it when that session ends,
 * however the process ended, so holding it proves that no other load is alive.
 */
public class RunLock {

	/** The advisory lock key: the bytes of "courtsta". */
	private static final long KEY = 0x636f757274737461L;

	private final DataSource dataSource;

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock, or refuses at once.
	 * @return the held lock; close it to release
	 * @throws RunLockException when another process holds it
	 */
	public Lease acquire() {
		try {
			Connection connection = this.dataSource.getConnection();
			try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				statement.setLong(1, KEY);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						connection.close();
						throw new RunLockException("Another courtstats load is running against this warehouse "
								+ "(it holds the run lock). Let it finish; this run did nothing.");
					}
				}
			}
			return new Lease(connection);
		}
		catch (SQLException ex) {
			throw new WarehouseUnavailableException("Could not take the run lock: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The held lock.
	 */
	public static final class Lease implements AutoCloseable {

		private final Connection connection;

		private Lease(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			try (Connection held = this.connection;
					PreparedStatement statement = held.prepareStatement("select pg_advisory_unlock(?)")) {
				statement.setLong(1, KEY);
				statement.execute();
			}
			catch (SQLException ex) {
				// The session is gone, and its lock with it.
			}
		}

	}

}
