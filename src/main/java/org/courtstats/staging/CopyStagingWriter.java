package org.courtstats.staging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes each chunk with PostgreSQL {@code COPY}: staged rows into the file's staging
 * table, what was changed in repaired rows into {@code etl.repaired_row}, rejected rows
 * into {@code etl.rejected_row}, the codes and dates no earlier chunk held
 * ({@link UsedValues}) into {@code staging.used_value}. It uses the chunk transaction's
 * connection, so the rows, the reader's position and the step's execution context commit
 * together, and a restart resumes exactly after the last committed chunk, neither losing
 * nor repeating a repair or a rejection. At the end of the file it counts them into
 * {@code etl.source_file}, with whether the file held each key once, and reconciles the
 * rows read with the release's {@code Count.txt}.
 */
public class CopyStagingWriter implements ItemStreamWriter<StagedRecord>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(CopyStagingWriter.class);

	private static final String STARTED_KEY = "staging.slice.started";

	static final String REJECT_COLUMNS = "etl.rejected_row (source_file_id, table_name, sheet_name, line_number, "
			+ "reason_code, message, raw_record, record_key, job_execution_id)";

	static final String REPAIR_COLUMNS = "etl.repaired_row (source_file_id, table_name, line_number, repair_code, "
			+ "message, raw_record, job_execution_id)";

	private static final String REJECT_COPY = "copy " + REJECT_COLUMNS + " from stdin (format text)";

	private static final String REPAIR_COPY = "copy " + REPAIR_COLUMNS + " from stdin (format text)";

	private static final String USED_VALUE_COPY = "copy " + UsedValues.COLUMNS + " from stdin (format text)";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final SourceFileSlice slice;

	// A writer stages one file, one chunk at a time: its buffers are reused chunk after
	// chunk. The rows' encoding is chosen at the first chunk, by the table's column
	// types.
	private CopyRows rows;

	private String rowCopy;

	private final CopyText rejects = new CopyText(1 << 10);

	private final CopyText repairs = new CopyText(1 << 10);

	private final CopyText usedValueRows = new CopyText(1 << 10);

	private final UsedValues usedValues;

	private final DistinctKeys distinctKeys;

	public CopyStagingWriter(DataSource dataSource, SourceFileSlice slice) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.slice = slice;
		this.usedValues = new UsedValues(slice.table());
		this.distinctKeys = new DistinctKeys(slice.table());
	}

	/**
	 * The file this writer stages.
	 * @return its slice
	 */
	protected SourceFileSlice slice() {
		return this.slice;
	}

	/**
	 * The data source whose chunk transaction the rows are written in.
	 * @return the data source
	 */
	protected DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The distinct values of the file's used-value columns, noted row by row.
	 * @return the file's used values
	 */
	UsedValues usedValues() {
		return this.usedValues;
	}

	/**
	 * Notes a staged row's used values and key.
	 * @param values the row's values, aligned with the table's data columns
	 */
	void note(Object[] values) {
		this.usedValues.add(values);
		this.distinctKeys.add(values);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		if (!executionContext.containsKey(STARTED_KEY)) {
			// A first attempt at this file: drop whatever an abandoned attempt left
			// behind.
			this.jdbc.update("delete from " + this.slice.table().name() + " where source_file_id = ?",
					this.slice.sourceFileId());
			this.jdbc.update("delete from etl.rejected_row where source_file_id = ?", this.slice.sourceFileId());
			this.jdbc.update("delete from etl.repaired_row where source_file_id = ?", this.slice.sourceFileId());
			this.jdbc.update("delete from staging.used_value where source_file_id = ?", this.slice.sourceFileId());
			this.jdbc.update("update etl.source_file set keys_distinct = null "
					+ "where source_file_id = ? and keys_distinct is not null", this.slice.sourceFileId());
			this.distinctKeys.startFile();
		}
		// Else the rows an earlier attempt staged are not seen here: whether the file
		// repeats a key stays unknown.
	}

	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putString(STARTED_KEY, "true");
	}

	@Override
	public void write(Chunk<? extends StagedRecord> chunk) throws Exception {
		if (this.rows == null) {
			this.rows = rowEncoding();
			this.rowCopy = "copy " + this.slice.table().name() + " ("
					+ String.join(", ", this.slice.table().copyColumns()) + ") from stdin " + this.rows.copyOptions();
		}
		this.rows.clear();
		this.rejects.clear();
		this.repairs.clear();
		this.usedValueRows.clear();
		Object[] values = null;
		for (StagedRecord item : chunk) {
			if (item instanceof StagedRecord.Row row) {
				if (values == null) {
					values = new Object[row.values().length + 2];
				}
				values[0] = this.slice.sourceFileId();
				values[1] = row.lineNumber();
				System.arraycopy(row.values(), 0, values, 2, row.values().length);
				note(row.values());
				try {
					this.rows.appendRow(values);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							this.slice.tableName() + ", line " + row.lineNumber() + ": " + ex.getMessage(), ex);
				}
				StagedRecord.Repair repair = row.repair();
				if (repair != null) {
					this.repairs.appendRow(this.slice.sourceFileId(), this.slice.tableName(), row.lineNumber(),
							repair.repairCode(), repair.message(), repair.rawRecord(), this.slice.jobExecutionId());
				}
			}
			else if (item instanceof StagedRecord.Rejected rejected) {
				this.rejects.appendRow(this.slice.sourceFileId(), this.slice.tableName(), rejected.sheetName(),
						rejected.lineNumber(), rejected.reasonCode(), rejected.message(), rejected.rawRecord(),
						rejected.recordKey(), this.slice.jobExecutionId());
			}
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy(copy, this.rowCopy, this.rows);
			copy(copy, REJECT_COPY, this.rejects);
			copy(copy, REPAIR_COPY, this.repairs);
			this.usedValues.drainTo(this.slice.sourceFileId(), this.slice.tableName(), this.usedValueRows::appendRow);
			copy(copy, USED_VALUE_COPY, this.usedValueRows);
			this.usedValues.written();
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Binary rows when every column of the staging table is of a type {@link CopyBinary}
	 * writes, as those of the EOIR tables are: the server then parses no digits and
	 * dates, and the writer formats none. Text rows otherwise.
	 */
	CopyRows rowEncoding() {
		Map<String, CopyBinary.Type> types = new HashMap<>();
		this.jdbc.query("""
				select a.attname, t.typname
				from pg_attribute as a join pg_type as t on t.oid = a.atttypid
				where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped
				""", (rs) -> {
			types.put(rs.getString(1), CopyBinary.Type.of(rs.getString(2)));
		}, this.slice.table().name());
		List<String> columns = this.slice.table().copyColumns();
		List<CopyBinary.Type> columnTypes = columns.stream().map(types::get).toList();
		if (columnTypes.stream().anyMatch(Objects::isNull)) {
			return new CopyText(1 << 20);
		}
		return new CopyBinary(columns, columnTypes, 1 << 20);
	}

	private static void copy(CopyManager copy, String sql, CopyRows data) throws SQLException {
		if (data.isEmpty()) {
			return;
		}
		CopyIn in = copy.copyIn(sql);
		try {
			data.writeTo(in);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	/**
	 * Counts the file's rows once it is staged. A failure to count fails the step: Spring
	 * Batch only logs what a listener throws and leaves the step completed, which would
	 * leave the file's counts empty and keep it out of the rejected-rows threshold and
	 * the {@code Count.txt} check. The failed step's restart reads nothing more (its
	 * reader is at the end of the file) and counts again.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus().isUnsuccessful()) {
			return null;
		}
		try {
			countRows(stepExecution.getStatus() != BatchStatus.STOPPED);
		}
		catch (RuntimeException ex) {
			logger.error("{}", ex.getMessage(), ex);
			stepExecution.setStatus(BatchStatus.FAILED);
			stepExecution.addFailureException(ex);
			return ExitStatus.FAILED.addExitDescription(ex);
		}
		return null;
	}

	/**
	 * Counts the file's staged, rejected and repaired rows into {@code etl.source_file},
	 * once the whole file is written, and reconciles them with {@code Count.txt}.
	 */
	public void countRows() {
		countRows(true);
	}

	/**
	 * Counts the file's staged, rejected and repaired rows into {@code etl.source_file},
	 * with whether its staged rows held each key once ({@link DistinctKeys}).
	 * @param whole whether the whole file is written, so that its rows read are
	 * reconciled with {@code Count.txt}; a step stopped part way counts the rows so far,
	 * and leaves whether its keys repeat unknown
	 */
	private void countRows(boolean whole) {
		try {
			this.jdbc.update("""
					update etl.source_file
					set rows_loaded = (select count(*) from %s where source_file_id = ?),
					    rows_rejected = (select count(*) from etl.rejected_row where source_file_id = ?),
					    rows_repaired = (select count(*) from etl.repaired_row
					        where source_file_id = ? and repair_code <> ?),
					    rows_padded = (select count(*) from etl.repaired_row
					        where source_file_id = ? and repair_code = ?)
					where source_file_id = ?
					""".formatted(this.slice.table().name()), this.slice.sourceFileId(), this.slice.sourceFileId(),
					this.slice.sourceFileId(), StagedRecord.Repair.PADDED, this.slice.sourceFileId(),
					StagedRecord.Repair.PADDED, this.slice.sourceFileId());
			this.jdbc.update(
					"update etl.source_file set rows_read = rows_loaded + rows_rejected, keys_distinct = ? "
							+ "where source_file_id = ?",
					whole ? this.distinctKeys.verdict() : null, this.slice.sourceFileId());
			if (whole) {
				reconcileWithCountTxt();
			}
		}
		catch (RuntimeException ex) {
			throw new ItemStreamException("Could not count the staged rows of " + this.slice.tableName(), ex);
		}
	}

	/**
	 * Compares the rows read with the rows the release's {@code Count.txt} gives for the
	 * table. A difference is reported, not fatal: EOIR's counts are a hint of a cut or
	 * padded delivery, and the rows themselves were checked line by line.
	 */
	private void reconcileWithCountTxt() {
		this.jdbc.query("""
				select relative_path, rows_read, count_txt_rows
				from etl.source_file
				where source_file_id = ? and count_txt_rows is not null and count_txt_rows <> rows_read
				""", (rs) -> {
			long read = rs.getLong(2);
			long expected = rs.getLong(3);
			logger.warn(
					"{} ({}): Count.txt gives {} rows, {} were read ({} {}). Within 5 rows or 1% the release "
							+ "publishes; further short, a check holds it back. If rows are missing, check that the "
							+ "delivery is complete.",
					this.slice.tableName(), rs.getString(1), String.format("%,d", expected), String.format("%,d", read),
					String.format("%,d", Math.abs(expected - read)), (read < expected) ? "fewer" : "more");
		}, this.slice.sourceFileId());
	}

}
