package org.courtstats.staging;

import java.util.ArrayList;
import java.util.List;

/**
 * A staging table: its qualified name and the data columns a staged row fills, in order.
 * Every staging table also has {@code source_file_id} and {@code line_number} first.
 *
 * @param name qualified table name, e.g. {@code staging.eoir_case}
 * @param dataColumns the columns after {@code source_file_id, line_number}
 * @param usedValueColumns the data columns whose distinct values staging records in
 * {@code staging.used_value} as it goes; a name joining columns with {@code +} (as
 * {@code case_type+dec_code+other_comp}) records their distinct combinations
 * @param keyColumn the data column that names a row, a line repeating another's key
 * replacing it ({@code load/dedup_same_key.sql}), whose values staging checks for repeats
 * as it goes into {@code etl.source_file.keys_distinct}; null for none
 */
public record StagingTable(String name, List<String> dataColumns, List<String> usedValueColumns, String keyColumn) {

	public StagingTable {
		dataColumns = List.copyOf(dataColumns);
		usedValueColumns = List.copyOf(usedValueColumns);
		if (!dataColumns.containsAll(usedValueColumns.stream().flatMap((used) -> members(used).stream()).toList())) {
			throw new IllegalArgumentException(name + " has no column of " + usedValueColumns);
		}
		if (keyColumn != null && !dataColumns.contains(keyColumn)) {
			throw new IllegalArgumentException(name + " has no column " + keyColumn);
		}
	}

	/**
	 * A staging table none of whose values are recorded or checked as they are staged.
	 * @param name qualified table name
	 * @param dataColumns the columns after {@code source_file_id, line_number}
	 */
	public StagingTable(String name, List<String> dataColumns) {
		this(name, dataColumns, List.of(), null);
	}

	/**
	 * The data columns of a used-value column: itself, or the columns a combination
	 * joins.
	 * @param usedValueColumn one of {@link #usedValueColumns()}
	 * @return its data columns, in order
	 */
	public static List<String> members(String usedValueColumn) {
		return List.of(usedValueColumn.split("\\+"));
	}

	/**
	 * All columns a {@code COPY} fills, in order.
	 * @return source_file_id, line_number, then the data columns
	 */
	public List<String> copyColumns() {
		List<String> columns = new ArrayList<>(this.dataColumns.size() + 2);
		columns.add("source_file_id");
		columns.add("line_number");
		columns.addAll(this.dataColumns);
		return columns;
	}

}
