package org.courtstats.eoir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courtstats.staging.StagingTable;

/**
 * A table of the EOIR release that the load reads: the file names it comes under, and how
 * its columns map by header name onto a staging table.
 *
 * @param name logical table name, e.g. {@code A_TblCase}
 * @param fileNames file names without extension, matched case-insensitively
 * @param stagingTableName qualified staging table
 * @param columns the columns read, by header name
 * @param usedValueColumns the staging columns whose distinct values are recorded as the
 * rows are staged (see {@link StagingTable#usedValueColumns()})
 * @param keyColumn the staging column naming a row, checked for repeats as the rows are
 * staged (see {@link StagingTable#keyColumn()}), or null
 */
public record EoirTable(String name, List<String> fileNames, String stagingTableName, List<EoirColumn> columns,
		List<String> usedValueColumns, String keyColumn) {

	public EoirTable {
		fileNames = List.copyOf(fileNames);
		columns = List.copyOf(columns);
		usedValueColumns = List.copyOf(usedValueColumns);
	}

	/**
	 * A table none of whose values are recorded as they are staged.
	 * @param name logical table name
	 * @param fileNames file names without extension
	 * @param stagingTableName qualified staging table
	 * @param columns the columns read, by header name
	 */
	public EoirTable(String name, List<String> fileNames, String stagingTableName, List<EoirColumn> columns) {
		this(name, fileNames, stagingTableName, columns, List.of(), null);
	}

	/**
	 * This table, with the distinct values of some of its staging columns recorded as its
	 * rows are staged.
	 * @param stagingColumns the staging columns
	 * @return the table
	 */
	EoirTable recordingUsedValuesOf(String... stagingColumns) {
		return new EoirTable(this.name, this.fileNames, this.stagingTableName, this.columns, List.of(stagingColumns),
				this.keyColumn);
	}

	/**
	 * This table, with the staging column that names a row checked for repeats as its
	 * rows are staged.
	 * @param stagingColumn the key's staging column
	 * @return the table
	 */
	EoirTable keyedBy(String stagingColumn) {
		return new EoirTable(this.name, this.fileNames, this.stagingTableName, this.columns, this.usedValueColumns,
				stagingColumn);
	}

	/**
	 * Whether a file name (with or without {@code .csv}) is this table's, ignoring case.
	 * @param fileName the delivered file name
	 * @return true when the file holds this table
	 */
	public boolean matches(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".csv")) {
			lower = lower.substring(0, lower.length() - 4);
		}
		for (String candidate : this.fileNames) {
			if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The staging table the cleaned rows go to.
	 * @return the staging table with its data columns
	 */
	public StagingTable stagingTable() {
		List<String> dataColumns = new ArrayList<>();
		for (EoirColumn column : this.columns) {
			dataColumns.add(column.stagingColumn());
			if (column.kind().keepsRaw()) {
				dataColumns.add(column.stagingColumn() + "_raw");
			}
		}
		return new StagingTable(this.stagingTableName, dataColumns, this.usedValueColumns, this.keyColumn);
	}

}
