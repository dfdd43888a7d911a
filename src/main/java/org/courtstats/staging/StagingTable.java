package org.courtstats.staging;

import java.util.ArrayList;
import java.util.List;

/**
 * A staging table: its qualified name and the data columns a staged row fills, in order.
 * Every staging table also has {@code source_file_id} and {@code line_number} first.
 *
 * @param name qualified table name, e.g. {@code staging.eoir_case}
 * @param dataColumns the columns after {@code source_file_id, line_number}
 */
public record StagingTable(String name, List<String> dataColumns) {

	public StagingTable {
		dataColumns = List.copyOf(dataColumns);
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
