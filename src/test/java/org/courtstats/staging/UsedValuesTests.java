package org.courtstats.staging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsedValuesTests {

	private static final StagingTable TABLE = new StagingTable("staging.eoir_schedule",
			List.of("idnschedule", "lang", "adj_date"), List.of("lang", "adj_date"), null);

	private final UsedValues used = new UsedValues(TABLE);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void eachValueOfAColumnIsRecordedOnce() throws Exception {
		this.used.add(row(1, "SPA", LocalDate.of(2020, 1, 2)));
		this.used.add(row(2, "SPA", null));
		this.used.add(row(3, "ENG", LocalDate.of(2020, 1, 2)));

		assertThat(drain()).containsExactly(List.of(7L, "tbl_schedule", "lang", "SPA", "null"),
				List.of(7L, "tbl_schedule", "lang", "ENG", "null"),
				List.of(7L, "tbl_schedule", "adj_date", "null", LocalDate.of(2020, 1, 2)));
		this.used.add(row(4, "ENG", LocalDate.of(2020, 1, 2)));
		assertThat(drain()).as("recorded by an earlier chunk").isEmpty();
	}

	@Test
	void aValueCountsAsRecordedOnlyOnceItsTransactionCommits() throws Exception {
		// A chunk rolled back: its values are recorded again when it is staged again.
		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(1, "SPA", null));
		assertThat(drain()).hasSize(1);
		this.used.add(row(1, "SPA", null));
		assertThat(drain()).as("noted in this transaction already").isEmpty();
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);

		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(1, "SPA", null));
		assertThat(drain()).hasSize(1);
		complete(TransactionSynchronization.STATUS_COMMITTED);

		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(2, "SPA", null));
		assertThat(drain()).as("committed by the chunk before").isEmpty();
	}

	@Test
	void valuesNotedByAChunkThatFailedBeforeWritingThemAreForgotten() throws Exception {
		// A row noted, then the chunk failed before its values were written: rolled back
		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(1, "SPA", LocalDate.of(2020, 1, 2)));
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);

		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(2, "ENG", null));
		assertThat(drain()).as("the values of the row that was not staged are not written")
			.containsExactly(List.of(7L, "tbl_schedule", "lang", "ENG", "null"));
		complete(TransactionSynchronization.STATUS_COMMITTED);

		// Nor are values noted and never written counted as recorded by a commit
		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(3, "FRE", null));
		complete(TransactionSynchronization.STATUS_COMMITTED);
		TransactionSynchronizationManager.initSynchronization();
		this.used.add(row(4, "FRE", null));
		assertThat(drain()).containsExactly(List.of(7L, "tbl_schedule", "lang", "FRE", "null"));
	}

	@Test
	void equalValuesAreOneWhateverTheirInstanceOrDay() throws Exception {
		// A code cut out of another line is an equal string, not the same one; a day
		// far from today is kept apart from the others.
		this.used.add(row(1, new String("SPA"), LocalDate.of(1850, 7, 1)));
		this.used.add(row(2, "ENG", LocalDate.of(2400, 1, 1)));
		assertThat(drain()).hasSize(4);

		this.used.add(row(3, new String("SPA"), LocalDate.of(1850, 7, 1)));
		this.used.add(row(4, new String("ENG"), LocalDate.of(2400, 1, 1)));
		this.used.add(row(5, "SPA", LocalDate.of(2400, 1, 1)));
		assertThat(drain()).isEmpty();
		this.used.add(row(6, "SPA", LocalDate.of(1850, 7, 2)));
		assertThat(drain()).containsExactly(List.of(7L, "tbl_schedule", "adj_date", "null", LocalDate.of(1850, 7, 2)));
	}

	@Test
	void aCombinationIsRecordedOncePerDistinctValuesWhenAnyIsThereAsAnArrayLiteral() throws Exception {
		StagingTable table = new StagingTable("staging.eoir_proceeding",
				List.of("idnproceeding", "case_type", "dec_code", "other_comp"),
				List.of("case_type", "case_type+dec_code+other_comp"), null);
		UsedValues used = new UsedValues(table);
		used.add(new Object[] { 1L, "RMV", "X", null });
		used.add(new Object[] { 2L, "RMV", "X", null });
		used.add(new Object[] { 3L, "RMV", null, "A" });
		used.add(new Object[] { 4L, null, null, null });
		used.add(new Object[] { 5L, null, "a\"b\\c", null });

		List<List<Object>> rows = new ArrayList<>();
		used.drainTo(7, "B_TblProceeding", (values) -> rows.add(List.of(values[2], String.valueOf(values[3]))));
		assertThat(rows).containsExactly(List.of("case_type", "RMV"),
				List.of("case_type+dec_code+other_comp", "{\"RMV\",\"X\",NULL}"),
				List.of("case_type+dec_code+other_comp", "{\"RMV\",NULL,\"A\"}"),
				List.of("case_type+dec_code+other_comp", "{NULL,\"a\\\"b\\\\c\",NULL}"));
	}

	@Test
	void aCombinationOfColumnsTheTableLacksIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StagingTable("staging.eoir_proceeding",
				List.of("case_type", "dec_code"), List.of("case_type+dec_code+other_comp"), null));
	}

	private List<List<Object>> drain() throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		int count = this.used.drainTo(7, "tbl_schedule", (values) -> rows.add(List.of(values[0], values[1], values[2],
				String.valueOf(values[3]), (values[4] != null) ? values[4] : "null")));
		assertThat(count).isEqualTo(rows.size());
		this.used.written();
		return rows;
	}

	private static void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach((synchronization) -> synchronization.afterCompletion(status));
	}

	private static Object[] row(long key, String lang, LocalDate day) {
		return new Object[] { key, lang, day };
	}

}
