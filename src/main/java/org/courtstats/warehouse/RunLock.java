package org.courtstats.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.concurrent.atomic.AtomicReference;

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

	private final AtomicReference<Lease> current = new AtomicReference<>();

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock, or refuses at once.
	 * @return the held lock; close it to release
	 * @throws RunLockException when another process holds it
	 */
	public Lease acquire() {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new WarehouseUnavailableException("Could not take the run lock: " + ex.getMessage(), ex);
		}
		boolean locked = false;
		try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			try (ResultSet rs = statement.executeQuery()) {
				locked = rs.next() && rs.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new WarehouseUnavailableException("Could not take the run lock: " + ex.getMessage(), ex);
		}
		finally {
			if (!locked) {
				closeQuietly(connection);
			}
		}
		if (!locked) {
			throw new RunLockException("Another courtstats load is running against this warehouse "
					+ "(it holds the run lock). Let it finish; this run did nothing.");
		}
		Lease lease = new Lease(connection);
		this.current.set(lease);
		return lease;
	}

	/**
	 * Takes the lock again on a new session after the database connection was lost (its
	 * session, and the lock with it, ended), unless this process still holds it.
	 * @throws RunLockException when another load took the lock meanwhile
	 * @throws WarehouseUnavailableException when the database still cannot be reached
	 */
	public void reacquire() {
		Lease lease = this.current.get();
		if (lease == null) {
			throw new IllegalStateException("The run lock is not held by this process");
		}
		if (lease.isHeld()) {
			return;
		}
		lease.release();
		try {
			acquire();
		}
		catch (RunLockException ex) {
			throw new RunLockException("The run lock was lost while the database could not be reached, and another "
					+ "load has taken it: this run stops, and that load resumes the release.");
		}
	}

	/**
	 * Checks that this process still holds the lock before it publishes: a lock lost with
	 * its session (a dropped connection, an idle-session timeout) lets another load take
	 * it.
	 * @throws RunLockException when the lock is no longer held
	 */
	public void verifyHeld() {
		Lease lease = this.current.get();
		if (lease == null || !lease.isHeld()) {
			throw new RunLockException("The run lock was lost (its database session ended), so another load may "
					+ "have started: this run stops before publishing. Run the load again.");
		}
	}

	/**
	 * Whether this process holds the lock: a load of its own is running.
	 * @return true between the lock's acquisition here and its release
	 */
	public boolean isHeldHere() {
		return this.current.get() != null;
	}

	/**
	 * Whether another session holds the lock, without taking it: taking it even briefly
	 * could turn away a load starting at that moment.
	 * @return true while a live load holds it
	 */
	public boolean isHeldElsewhere() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						select count(*) from pg_locks
						where locktype = 'advisory' and granted and objsubid = 1
						    and database = (select oid from pg_database where datname = current_database())
						    and classid::bigint = ? and objid::bigint = ? and pid <> pg_backend_pid()
						""")) {
			// A bigint advisory key shows in pg_locks as its high and low 32 bits.
			statement.setLong(1, KEY >>> 32);
			statement.setLong(2, KEY & 0xffffffffL);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getLong(1) > 0;
			}
		}
		catch (SQLException ex) {
			throw new WarehouseUnavailableException("Could not look at the run lock: " + ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Nothing more to release.
		}
	}

	/**
	 * The held lock.
	 */
	public final class Lease implements AutoCloseable {

		private final Connection connection;

		private Lease(Connection connection) {
			this.connection = connection;
		}

		private boolean isHeld() {
			try (PreparedStatement statement = this.connection.prepareStatement(
					"select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted");
					ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getLong(1) > 0;
			}
			catch (SQLException ex) {
				return false;
			}
		}

		private void release() {
			closeQuietly(this.connection);
		}

		@Override
		public void close() {
			Lease latest = RunLock.this.current.get();
			if (latest != null && latest != this) {
				// Taken again on a new session after the first was lost.
				latest.close();
			}
			RunLock.this.current.compareAndSet(this, null);
			try (PreparedStatement statement = this.connection.prepareStatement("select pg_advisory_unlock(?)")) {
				statement.setLong(1, KEY);
				statement.execute();
			}
			catch (SQLException ex) {
				// The session is gone, and its lock with it.
			}
			finally {
				closeQuietly(this.connection);
			}
		}

	}

}
