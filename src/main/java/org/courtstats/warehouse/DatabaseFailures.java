package org.courtstats.warehouse;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Tells a lost or refused database connection (PostgreSQL restarting, a network cut),
 * which the same work may get past once the server is back, from a failure that repeating
 * the work would only repeat.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Whether a failure, or any of its causes, is a lost, refused or timed-out connection
	 * to the database: SQLState class 08 (connection exception), 57P01-57P03 (the server
	 * shutting down or starting up), a connection the pool could not give in time, or
	 * another failure Spring calls transient.
	 * @param failure a failure
	 * @return true when trying again later may succeed
	 */
	public static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof TransientDataAccessException || cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof SQLTransientException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}

}
