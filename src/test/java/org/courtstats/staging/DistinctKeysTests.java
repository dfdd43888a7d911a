package org.courtstats.staging;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctKeysTests {

	private static final StagingTable TABLE = new StagingTable("staging.eoir_schedule", List.of("lang", "idnschedule"),
			List.of(), "idnschedule");

	private final DistinctKeys keys = started(new DistinctKeys(TABLE));

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void keysOnOneLineEachAreDistinct() {
		for (long key = 1; key <= 200_000; key++) {
			this.keys.add(row(key));
		}
		this.keys.add(row(0xFFFF_FFFFL));
		this.keys.add(row(0L));

		assertThat(this.keys.verdict()).isTrue();
	}

	@Test
	void aKeyOnTwoLinesIsARepeat() {
		this.keys.add(row(5L));
		this.keys.add(row(6L));
		this.keys.add(row(5L));
		this.keys.add(row(7L));

		assertThat(this.keys.verdict()).isFalse();
	}

	@Test
	void keysTheBitmapCannotHoldLeaveTheAnswerUnknown() {
		DistinctKeys negative = started(new DistinctKeys(TABLE));
		negative.add(row(-1L));
		DistinctKeys tooLarge = started(new DistinctKeys(TABLE));
		tooLarge.add(row(1L));
		tooLarge.add(row(1L << 32));
		DistinctKeys notAKey = started(new DistinctKeys(TABLE));
		notAKey.add(new Object[] { "SPA", "12" });

		assertThat(negative.verdict()).isNull();
		assertThat(tooLarge.verdict()).isNull();
		assertThat(notAKey.verdict()).isNull();
	}

	@Test
	void keysTooScatteredToHoldInTheSizeAllowedLeaveTheAnswerUnknown() {
		DistinctKeys small = started(new DistinctKeys(TABLE, 1 << 18));
		DistinctKeys large = started(new DistinctKeys(TABLE, 1 << 20));
		// One key in every 65,536: a container each, about 0.5 MB for 2^16 keys.
		for (long key = 0; key <= 0xFFFF_FFFFL; key += 1 << 16) {
			small.add(row(key));
			large.add(row(key));
		}

		assertThat(small.verdict()).isNull();
		assertThat(large.verdict()).isTrue();
	}

	@Test
	void aTableWithoutAKeyColumnHasNoAnswer() {
		DistinctKeys none = started(new DistinctKeys(new StagingTable("staging.ohss_cell", List.of("value"))));
		none.add(new Object[] { 1L });

		assertThat(none.verdict()).isNull();
	}

	@Test
	void aFileNotStartedFromItsFirstRowHasNoAnswer() {
		DistinctKeys resumed = new DistinctKeys(TABLE);
		resumed.add(row(1L));
		DistinctKeys countedOnly = new DistinctKeys(TABLE);

		assertThat(resumed.verdict()).isNull();
		assertThat(countedOnly.verdict()).isNull();
	}

	@Test
	void anAnswerGivenUpStaysUnknown() {
		this.keys.add(row(1L));
		this.keys.giveUp();
		this.keys.add(row(2L));

		assertThat(this.keys.verdict()).isNull();
	}

	@Test
	void aChunkRolledBackLeavesTheAnswerUnknownItsRowsComingAgain() {
		TransactionSynchronizationManager.initSynchronization();
		this.keys.add(row(1L));
		this.keys.add(row(2L));
		complete(TransactionSynchronization.STATUS_COMMITTED);
		assertThat(this.keys.verdict()).isTrue();

		TransactionSynchronizationManager.initSynchronization();
		this.keys.add(row(3L));
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);
		TransactionSynchronizationManager.initSynchronization();
		this.keys.add(row(3L));
		complete(TransactionSynchronization.STATUS_COMMITTED);

		assertThat(this.keys.verdict()).isNull();
	}

	@Test
	void aRepeatInAChunkThatCommitsStands() {
		TransactionSynchronizationManager.initSynchronization();
		this.keys.add(row(1L));
		this.keys.add(row(1L));
		complete(TransactionSynchronization.STATUS_COMMITTED);
		TransactionSynchronizationManager.initSynchronization();
		this.keys.add(row(2L));
		complete(TransactionSynchronization.STATUS_COMMITTED);

		assertThat(this.keys.verdict()).isFalse();
	}

	private static DistinctKeys started(DistinctKeys keys) {
		keys.startFile();
		return keys;
	}

	private static Object[] row(long key) {
		return new Object[] { "SPA", key };
	}

	private static void complete(int status) {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			synchronization.afterCompletion(status);
		}
		TransactionSynchronizationManager.clearSynchronization();
	}

}
