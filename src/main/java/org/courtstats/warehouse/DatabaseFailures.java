package org.courtstats.warehouse;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a lost or refused database connection (PostgreSQL restarting, a network cut),
 * which the same work may get past once the server is back, from a failure that repeating
 * the work would only repeat.
 */
public final class DatabaseFailures {

	/** admin_shutdown, crash_shutdown, cannot_connect_now. */
	private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

	/** disk_full: a write the server could not make for want of space. */
	private static final String DISK_FULL = "53100";

	private DatabaseFailures() {
	}

	/**
	 * Whether a failure, or any of its causes, is a write the database could not make
	 * because its disk is full (SQLState 53100): its message names a file of PostgreSQL's
	 * own, relative to a data folder the operator may not know of.
	 * @param failure a failure
	 * @return true when freeing space on the database's disk is the fix
	 */
	public static boolean isDiskFull(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && DISK_FULL.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failure, or any of its causes, is a lost, refused or timed-out connection
	 * to the database: SQLState class 08 (connection exception), 57P01-57P03 (the server
	 * shutting down or starting up), or a connection the pool could not give in time. A
	 * deadlock, a serialization failure or a statement timeout is none of these: it is
	 * reported as what it is rather than waited out as an unreachable server.
	 * @param failure a failure
	 * @return true when trying again later may succeed
	 */
	public static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
