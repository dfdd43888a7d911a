package org.courtstats.staging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes the same rows as {@link CopyStagingWriter}, in the same chunk transaction, with
 * JDBC batched {@code INSERT}s instead of {@code COPY}: the yardstick the benchmark
 * measures {@code COPY} against ({@code courtstats.nightly-load.staging-writer:
 * jdbc-batch}).
 */
public class JdbcBatchStagingWriter extends CopyStagingWriter {

	private static final String REJECT_INSERT = "insert into " + REJECT_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String REPAIR_INSERT = "insert into " + REPAIR_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?)";

	private static final String USED_VALUE_INSERT = "insert into " + UsedValues.COLUMNS + " values (?, ?, ?, ?, ?)";

	/**
	 * Rows sent per {@code executeBatch}: the driver holds every row of a batch, its
	 * values encoded, until the batch is sent. With chunks of 20,000 rows sent as one
	 * batch each, the benchmark's JDBC-batch load held up to 319 MB after a collection;
	 * sent 5,000 at a time, 236 MB (47 MB with chunks of 5,000 rows: a chunk's own
	 * records are held too).
	 */
	static final int BATCH_ROWS = 5000;

	private final String rowInsert;

	public JdbcBatchStagingWriter(DataSource dataSource, SourceFileSlice slice) {
		super(dataSource, slice);
		int columns = slice.table().copyColumns().size();
		this.rowInsert = "insert into " + slice.table().name() + " (" + String.join(", ", slice.table().copyColumns())
				+ ") values (" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
	}

	@Override
	public void write(Chunk<? extends StagedRecord> chunk) throws Exception {
		SourceFileSlice slice = slice();
		Connection connection = DataSourceUtils.getConnection(dataSource());
		try (PreparedStatement rows = connection.prepareStatement(this.rowInsert);
				PreparedStatement rejects = connection.prepareStatement(REJECT_INSERT);
				PreparedStatement repairs = connection.prepareStatement(REPAIR_INSERT);
				PreparedStatement usedValues = connection.prepareStatement(USED_VALUE_INSERT)) {
			int rowCount = 0;
			int rejectCount = 0;
			int repairCount = 0;
			for (StagedRecord item : chunk) {
				if (item instanceof StagedRecord.Row row) {
					bind(rows, 1, slice.sourceFileId());
					bind(rows, 2, row.lineNumber());
					for (int i = 0; i < row.values().length; i++) {
						bind(rows, i + 3, row.values()[i]);
					}
					rows.addBatch();
					rowCount++;
					if (rowCount % BATCH_ROWS == 0) {
						rows.executeBatch();
					}
					note(row.values());
					StagedRecord.Repair repair = row.repair();
					if (repair != null) {
						bindAll(repairs, slice.sourceFileId(), slice.tableName(), row.lineNumber(), repair.repairCode(),
								repair.message(), repair.rawRecord(), slice.jobExecutionId());
						repairs.addBatch();
						repairCount++;
					}
				}
				else if (item instanceof StagedRecord.Rejected rejected) {
					bindAll(rejects, slice.sourceFileId(), slice.tableName(), rejected.sheetName(),
							rejected.lineNumber(), rejected.reasonCode(), rejected.message(), rejected.rawRecord(),
							rejected.recordKey(), slice.jobExecutionId());
					rejects.addBatch();
					rejectCount++;
				}
			}
			if (rowCount % BATCH_ROWS != 0) {
				rows.executeBatch();
			}
			if (rejectCount > 0) {
				rejects.executeBatch();
			}
			if (repairCount > 0) {
				repairs.executeBatch();
			}
			int usedValueCount = usedValues().drainTo(slice.sourceFileId(), slice.tableName(), (values) -> {
				bindAll(usedValues, values);
				usedValues.addBatch();
			});
			if (usedValueCount > 0) {
				usedValues.executeBatch();
			}
			usedValues().written();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource());
		}
	}

	private static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			bind(statement, i + 1, values[i]);
		}
	}

	/**
	 * Binds a value as {@code COPY} would render it: the types {@link CopyText} accepts,
	 * NUL dropped from text.
	 */
	private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.NULL);
		}
		else if (value instanceof String text) {
			statement.setString(index, (text.indexOf('\0') >= 0) ? text.replace("\0", "") : text);
		}
		else if (value instanceof Long number) {
			statement.setLong(index, number);
		}
		else if (value instanceof Integer number) {
			statement.setInt(index, number);
		}
		else if (value instanceof java.time.LocalDate || value instanceof Boolean) {
			statement.setObject(index, value);
		}
		else {
			throw new IllegalArgumentException("Cannot stage a value of " + value.getClass());
		}
	}

}
