package org.courtstats.warehouse;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

	@Test
	void aLostOrRefusedConnectionIsOneWhereverItSitsInTheCauses() {
		assertThat(DatabaseFailures
			.isConnectionFailure(new IllegalStateException("step failed", new SQLException("I/O error", "08006"))))
			.isTrue();
		assertThat(DatabaseFailures.isConnectionFailure(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseFailures.isConnectionFailure(new SQLException("starting up", "57P03"))).isTrue();
		assertThat(DatabaseFailures.isConnectionFailure(new CannotGetJdbcConnectionException("pool",
				new SQLTransientConnectionException("Connection is not available, request timed out"))))
			.isTrue();
	}

	@Test
	void aDeadlockATimeoutOrAnotherErrorIsNot() {
		assertThat(DatabaseFailures.isConnectionFailure(
				new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01"))))
			.isFalse();
		assertThat(DatabaseFailures.isConnectionFailure(
				new CannotAcquireLockException("lock timeout", new SQLException("could not obtain lock", "55P03"))))
			.isFalse();
		assertThat(DatabaseFailures.isConnectionFailure(
				new QueryTimeoutException("timeout", new SQLException("canceling statement", "57014"))))
			.isFalse();
		assertThat(DatabaseFailures.isConnectionFailure(new SQLException("idle session timeout", "57P05"))).isFalse();
		assertThat(DatabaseFailures.isConnectionFailure(new SQLException("syntax error", "42601"))).isFalse();
	}

}
