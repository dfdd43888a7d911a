package org.courtstats.cli;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line an operator reads when a command fails in a way courtstats did not word
 * itself.
 */
class ExitCodesTests {

	@Test
	void aLostDatabaseIsNamedWithWhatToDo() {
		Throwable lost = new DataAccessResourceFailureException("could not read",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"));

		assertThat(ExitCodes.describe(lost))
			.isEqualTo("The warehouse database could not be reached (SQLException: An I/O error occurred while "
					+ "sending to the backend.). Check that PostgreSQL is up and reachable, then run the command again.");
		assertThat(ExitCodes.of(lost)).isEqualTo(ExitCodes.FAILED);
	}

	@Test
	void anyOtherFailureSaysWhereItsStackTraceIs() {
		Throwable failure = new IllegalStateException("wrapped", new ArithmeticException("/ by zero"));

		assertThat(ExitCodes.describe(failure)).isEqualTo("ArithmeticException: / by zero. The log (courtstats.log in "
				+ "courtstats.log-dir, data/logs by default) holds the stack trace.");
		assertThat(ExitCodes.describe(new IllegalStateException("The end.")))
			.startsWith("IllegalStateException: The end. The log");
	}

}
