package org.courtstats.staging;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct values a file's staged rows hold in its table's
 * {@link StagingTable#usedValueColumns() used-value columns}, recorded chunk by chunk
 * into {@code staging.used_value}: the codes and dates the dimensions look for
 * ({@code load/used_code.sql}), found while the rows are staged rather than by reading
 * millions of staged rows again. A chunk records the values no earlier chunk of the file
 * recorded, in its own transaction: a value counts as recorded once that transaction
 * commits, and what a transaction rolled back noted is forgotten, so that the chunk
 * records its values again when it is staged again. A restart records afresh whatever the
 * file's later chunks hold; a value recorded twice is read once.
 * <p>
 * A combination of columns ({@code case_type+dec_code+other_comp}) is recorded when any
 * of its values is present, as the text of a PostgreSQL {@code text[]}
 * ({@code {"RMV","X",NULL}}), which {@code code::text[]} reads back.
 */
final class UsedValues {

	/** The columns {@code staging.used_value} is written with. */
	static final String COLUMNS = "staging.used_value (source_file_id, table_name, column_name, code, day)";

	private final Column[] columns;

	private final TransactionEnd transactionEnd = new TransactionEnd(this::settle);

	UsedValues(StagingTable table) {
		this.columns = table.usedValueColumns()
			.stream()
			.map((name) -> new Column(name,
					StagingTable.members(name).stream().mapToInt(table.dataColumns()::indexOf).toArray()))
			.toArray(Column[]::new);
	}

	/**
	 * Notes a staged row's values.
	 * @param values the row's values, aligned with the table's data columns
	 */
	void add(Object[] values) {
		boolean noted = false;
		for (Column column : this.columns) {
			Object value = column.value(values);
			if (value != null && !column.isRecorded(value) && column.noted.add(value)) {
				column.unwritten.add(value);
				noted = true;
			}
		}
		if (noted) {
			this.transactionEnd.watch();
		}
	}

	/**
	 * Hands the values noted since the last call to a sink, one row of {@link #COLUMNS}
	 * each (a code or a date, the other null). They count as recorded when the current
	 * transaction commits, or without one once {@link #written()} is called.
	 * @param sourceFileId the file the rows are staged from
	 * @param tableName the file's table
	 * @param sink receives each row's values
	 * @return how many rows the sink received
	 */
	int drainTo(long sourceFileId, String tableName, RowSink sink) throws Exception {
		int rows = 0;
		for (Column column : this.columns) {
			for (Object value : column.unwritten) {
				boolean date = value instanceof LocalDate;
				Object code = (value instanceof List<?> combination) ? arrayText(combination) : value;
				sink.accept(sourceFileId, tableName, column.name, date ? null : code, date ? value : null);
				rows++;
			}
		}
		for (Column column : this.columns) {
			column.unwritten.clear();
		}
		return rows;
	}

	/**
	 * Says that the rows handed to the sink are written: without a transaction, their
	 * values now count as recorded (in a transaction, at its commit).
	 */
	void written() {
		if (!this.transactionEnd.watching()) {
			settle(true);
		}
	}

	/**
	 * Counts the values noted and written as recorded, or forgets them: those noted and
	 * not written belong to rows that were not staged.
	 */
	private void settle(boolean committed) {
		for (Column column : this.columns) {
			if (committed) {
				column.noted.stream().filter((value) -> !column.unwritten.contains(value)).forEach(column::recorded);
			}
			column.noted.clear();
			column.unwritten.clear();
		}
	}

	/**
	 * A combination's values as a PostgreSQL array literal: each value quoted, its quotes
	 * and backslashes escaped; a null as {@code NULL}.
	 */
	static String arrayText(List<?> combination) {
		StringBuilder text = new StringBuilder("{");
		for (Object value : combination) {
			if (text.length() > 1) {
				text.append(',');
			}
			if (value == null) {
				text.append("NULL");
			}
			else {
				text.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		}
		return text.append('}').toString();
	}

	/** Receives one row of {@link #COLUMNS}. */
	@FunctionalInterface
	interface RowSink {

		void accept(Object... values) throws Exception;

	}

	/**
	 * One column's values: those recorded by committed chunks, those noted since (and of
	 * those, the ones not yet handed to a sink). Whether a value is recorded already is
	 * asked of every value of every row, so the usual answers are quick: a date's by a
	 * bit for its day, a code's by the identity of the string last found recorded in its
	 * slot (a file's codes are kept as one string each).
	 */
	private static final class Column {

		private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();

		private static final int DAYS = 1 << 17;

		private static final int CODE_SLOTS = 256;

		private final String name;

		private final int[] indexes;

		private final Set<Object> recorded = new HashSet<>();

		private final BitSet recordedDays = new BitSet();

		private final Object[] recordedCodes = new Object[CODE_SLOTS];

		private final Set<Object> noted = new HashSet<>();

		private final Set<Object> unwritten = new LinkedHashSet<>();

		Column(String name, int[] indexes) {
			this.name = name;
			this.indexes = indexes;
		}

		/**
		 * The row's value of this column: the value of its one data column, or the list
		 * of a combination's values when any is present; null otherwise.
		 */
		Object value(Object[] values) {
			if (this.indexes.length == 1) {
				return values[this.indexes[0]];
			}
			Object[] combination = new Object[this.indexes.length];
			boolean present = false;
			for (int i = 0; i < this.indexes.length; i++) {
				combination[i] = values[this.indexes[i]];
				present |= combination[i] != null;
			}
			return present ? Arrays.asList(combination) : null;
		}

		boolean isRecorded(Object value) {
			if (value instanceof LocalDate date) {
				int day = dayBit(date);
				return (day >= 0) ? this.recordedDays.get(day) : this.recorded.contains(value);
			}
			int slot = value.hashCode() & (CODE_SLOTS - 1);
			if (this.recordedCodes[slot] == value) {
				return true;
			}
			if (this.recorded.contains(value)) {
				this.recordedCodes[slot] = value;
				return true;
			}
			return false;
		}

		void recorded(Object value) {
			int day = (value instanceof LocalDate date) ? dayBit(date) : -1;
			if (day >= 0) {
				this.recordedDays.set(day);
			}
			else {
				this.recorded.add(value);
			}
		}

		/**
		 * The bit of a day in {@link #recordedDays}, or -1 for a day out of its range.
		 */
		private static int dayBit(LocalDate date) {
			long day = date.toEpochDay() - FIRST_DAY;
			return (day >= 0 && day < DAYS) ? (int) day : -1;
		}

	}

}
