package org.courtstats.nightly;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class LoadFailuresTests {

	@Test
	void aWriteTheDatabaseCouldNotMakeForAFullDiskSaysToFreeSpace() {
		SQLException full = new SQLException("ERROR: could not extend file \"base/16384/16995\": No space left on "
				+ "device\n  Hint: Check free disk space.", "53100");

		String message = LoadFailures.describe(new DataAccessResourceFailureException("insert", full), "A_TblCase.csv",
				"Fix the cause.");

		assertThat(message).isEqualTo("A_TblCase.csv failed: ERROR: could not extend file \"base/16384/16995\": No "
				+ "space left on device. The disk the warehouse database writes to is full: free space on it, then "
				+ "run the load again: it resumes where it stopped.");
	}

	@Test
	void anotherDatabaseErrorKeepsTheAdviceGiven() {
		SQLException unique = new SQLException("ERROR: duplicate key value violates unique constraint", "23505");

		String message = LoadFailures.describe(new DataAccessResourceFailureException("insert", unique),
				"A_TblCase.csv", "Fix the cause.");

		assertThat(message)
			.isEqualTo("A_TblCase.csv failed: ERROR: duplicate key value violates unique constraint. Fix the cause.");
	}

}
