package org.courtstats.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.cbp.EncounterRowProcessor;
import org.courtstats.eoir.EoirFileReader;
import org.courtstats.eoir.EoirLine;
import org.courtstats.eoir.EoirRowProcessor;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.courtstats.ohss.OhssCellProcessor;
import org.courtstats.samples.EoirSampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The COPY writer and the JDBC batch writer stage the same rows, repairs and rejects from
 * the same file of a sample release, quirks included.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class StagingWritersIntegrationTests {

	static String url = TestWarehouse.newDatabase("writers");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A_TblCase", "B_TblProceeding", "tbl_schedule", "tbl_Court_Appln", "tbl_CustodyHistory",
			"B_TblProceedCharges" })
	void bothWritersStageIdenticalRows(String tableName, @TempDir Path inbox) throws Exception {
		// Given the records the processor makes of a sample file, with its repairs and
		// rejects
		Path file = sampleFile(inbox, tableName);
		EoirTable table = EoirTables.named(tableName);
		List<StagedRecord> records = records(file, table);
		long copyFile = sourceFile(tableName, "copy", file);
		long batchFile = sourceFile(tableName, "batch", file);

		// When each writer writes them, in chunks of 100
		write(new CopyStagingWriter(TestWarehouse.dataSource(url),
				new SourceFileSlice(copyFile, tableName, table.stagingTable(), 1)), records);
		write(new JdbcBatchStagingWriter(TestWarehouse.dataSource(url),
				new SourceFileSlice(batchFile, tableName, table.stagingTable(), 1)), records);

		// Then staging, etl.repaired_row and etl.rejected_row hold the same rows for both
		String columns = "line_number, " + String.join(", ", table.stagingTable().dataColumns());
		long rows = records.stream().filter((record) -> record instanceof StagedRecord.Row).count();
		assertThat(rows).isGreaterThan(100);
		assertSame(table.stagingTable().name(), columns, copyFile, batchFile, rows);
		assertSame("etl.rejected_row",
				"table_name, sheet_name, line_number, reason_code, message, raw_record, record_key, job_execution_id",
				copyFile, batchFile, records.size() - rows);
		long repairs = records.stream()
			.filter((record) -> record instanceof StagedRecord.Row row && row.repair() != null)
			.count();
		assertSame("etl.repaired_row", "table_name, line_number, repair_code, message, raw_record, job_execution_id",
				copyFile, batchFile, repairs);
		if (!List.of("tbl_Court_Appln", "tbl_CustodyHistory", "B_TblProceedCharges").contains(tableName)) {
			assertThat(records.size() - rows + repairs)
				.as("the sample plants a repair or a reject in each of these files")
				.isPositive();
		}

		// And each recorded the distinct codes and dates of the used-value columns, once
		// each
		for (long sourceFile : List.of(copyFile, batchFile)) {
			assertUsedValues(table, sourceFile, true);
		}
	}

	@Test
	void chunksOfOneBatchOrMoreAreStagedWhole(@TempDir Path inbox) throws Exception {
		// Given the rows of a file, more than two of the JDBC writer's batches
		Path release = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 4000, 7).folder();
		Path file = release.resolve("EOIR Case Data").resolve("tbl_schedule.csv");
		EoirTable table = EoirTables.named("tbl_schedule");
		List<StagedRecord> rows = records(file, table).stream()
			.filter((record) -> record instanceof StagedRecord.Row)
			.toList();
		int batch = JdbcBatchStagingWriter.BATCH_ROWS;
		assertThat(rows).hasSizeGreaterThan(2 * batch);

		for (int size : List.of(batch, batch + 1, 2 * batch, 2 * batch + 1)) {
			long copyFile = sourceFile("tbl_schedule", "chunk of " + size + " copy", file);
			long batchFile = sourceFile("tbl_schedule", "chunk of " + size + " batch", file);

			// When each writer writes that many as one chunk
			List<StagedRecord> chunk = rows.subList(0, size);
			new CopyStagingWriter(TestWarehouse.dataSource(url),
					new SourceFileSlice(copyFile, "tbl_schedule", table.stagingTable(), 1))
				.write(new Chunk<>(chunk));
			new JdbcBatchStagingWriter(TestWarehouse.dataSource(url),
					new SourceFileSlice(batchFile, "tbl_schedule", table.stagingTable(), 1))
				.write(new Chunk<>(chunk));

			// Then both staged every row
			assertSame(table.stagingTable().name(),
					"line_number, " + String.join(", ", table.stagingTable().dataColumns()), copyFile, batchFile, size);
		}
	}

	private void assertUsedValues(EoirTable table, long sourceFile, boolean onceEach) {
		List<String> columns = table.stagingTable().usedValueColumns();
		assertThat(columns).isNotEmpty();
		long recorded = 0;
		for (String column : columns) {
			// A combination of columns is recorded as a text[] when any of its values is
			// there.
			String members = String.join(", ", StagingTable.members(column));
			boolean combination = column.contains("+");
			List<String> staged = this.jdbc
				.queryForList("select distinct " + (combination ? "array[" + members + "]::text" : column + "::text")
						+ " from " + table.stagingTable().name() + " where source_file_id = ? and num_nonnulls("
						+ members + ") > 0 order by 1", String.class, sourceFile);
			// A resumed file records again the values of its chunks after the restart.
			List<String> values = this.jdbc.queryForList("select " + (onceEach ? "" : "distinct ")
					+ (combination ? "code::text[]::text" : "coalesce(code, day::text)")
					+ " from staging.used_value where source_file_id = ? and table_name = ? and column_name = ? "
					+ "order by 1", String.class, sourceFile, table.name(), column);
			assertThat(values).as(table.name() + "." + column).isEqualTo(staged);
			recorded += values.size();
		}
		assertThat(recorded).isPositive();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from staging.used_value
				where source_file_id = ? and ((code is null) = (day is null) or column_name <> all (?::text[]))
				""", Long.class, sourceFile, columns.toArray(String[]::new)))
			.as("a code or a day each, of the table's used-value columns")
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "copy", "jdbc-batch" })
	void aFileStagedAgainAfterARollbackOrACrashHasEveryValueOfItsRowsRecorded(String writer, @TempDir Path inbox)
			throws Exception {
		// Given a file staged in chunks of 50 rows, one chunk per transaction
		Path file = sampleFile(inbox, "tbl_schedule");
		EoirTable table = EoirTables.SCHEDULE;
		List<StagedRecord> records = records(file, table);
		long sourceFile = sourceFile(table.name(), "restarted " + writer, file);
		SourceFileSlice slice = new SourceFileSlice(sourceFile, table.name(), table.stagingTable(), 1);
		DataSource dataSource = TestWarehouse.dataSource(url);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		List<List<StagedRecord>> chunks = new ArrayList<>();
		for (int from = 0; from < records.size(); from += 50) {
			chunks.add(records.subList(from, Math.min(records.size(), from + 50)));
		}
		int half = chunks.size() / 2;
		assertThat(half).isGreaterThan(5);
		Set<Object> elsewhere = new HashSet<>();
		chunks.stream()
			.filter((chunk) -> chunk != chunks.get(half))
			.forEach((chunk) -> elsewhere.addAll(values(table, chunk)));
		assertThat(values(table, chunks.get(half))).as("values the rolled-back chunk alone holds")
			.isNotEmpty()
			.anyMatch((value) -> !elsewhere.contains(value));
		ExecutionContext saved = new ExecutionContext();

		// When the first half commits, the next chunk is rolled back and staged again by
		// the same writer, and after a crash a new writer resumes from the saved context
		CopyStagingWriter first = writer(writer, dataSource, slice);
		first.open(saved);
		for (List<StagedRecord> chunk : chunks.subList(0, half + 1)) {
			if (chunk == chunks.get(half)) {
				assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult((status) -> {
					writeChunk(first, chunk, saved);
					throw new IllegalStateException("rolled back");
				}));
			}
			transaction.executeWithoutResult((status) -> writeChunk(first, chunk, saved));
		}
		CopyStagingWriter resumed = writer(writer, dataSource, slice);
		resumed.open(saved);
		for (List<StagedRecord> chunk : chunks.subList(half + 1, chunks.size())) {
			transaction.executeWithoutResult((status) -> writeChunk(resumed, chunk, saved));
		}

		// Then every row is staged once, and every code and date of the rows recorded
		long rows = records.stream().filter((record) -> record instanceof StagedRecord.Row).count();
		assertThat(this.jdbc.queryForObject("select count(*) from staging.eoir_schedule where source_file_id = ?",
				Long.class, sourceFile))
			.isEqualTo(rows);
		assertUsedValues(table, sourceFile, false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "copy", "jdbc-batch" })
	void aFileWhoseRowsCannotBeCountedFailsItsStepAndIsCountedWhenTheStepRunsAgain(String writer, @TempDir Path inbox)
			throws Exception {
		// Given a file staged whole, then a database that refuses connections
		Path file = sampleFile(inbox, "tbl_Court_Appln");
		EoirTable table = EoirTables.named("tbl_Court_Appln");
		List<StagedRecord> records = records(file, table);
		long sourceFile = sourceFile(table.name(), "uncounted " + writer, file);
		SourceFileSlice slice = new SourceFileSlice(sourceFile, table.name(), table.stagingTable(), 1);
		AtomicBoolean refusing = new AtomicBoolean();
		DataSource dataSource = new DelegatingDataSource(TestWarehouse.dataSource(url)) {

			@Override
			public Connection getConnection() throws SQLException {
				if (refusing.get()) {
					throw new SQLException("connection refused", "08001");
				}
				return super.getConnection();
			}

		};
		CopyStagingWriter staging = writer(writer, dataSource, slice);
		write(staging, records);
		refusing.set(true);

		// When the step ends and its rows cannot be counted
		StepExecution step = new StepExecution(7L, "stageTable:" + table.name(),
				new JobExecution(1L, new JobInstance(1L, "eoirRelease"), new JobParameters()));
		step.setStatus(BatchStatus.COMPLETED);
		ExitStatus exit = staging.afterStep(step);

		// Then the step fails, naming the table, and the file has no counts
		assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
		assertThat(step.getFailureExceptions()).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessageContaining(table.name()));
		assertThat(this.jdbc.queryForObject("select rows_read from etl.source_file where source_file_id = ?",
				Long.class, sourceFile))
			.isNull();

		// And when the step runs again with the database back, the rows are counted
		refusing.set(false);
		StepExecution again = new StepExecution(8L, "stageTable:" + table.name(),
				new JobExecution(2L, new JobInstance(1L, "eoirRelease"), new JobParameters()));
		again.setStatus(BatchStatus.COMPLETED);
		assertThat(writer(writer, dataSource, slice).afterStep(again)).isNull();
		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("select rows_read from etl.source_file where source_file_id = ?",
				Long.class, sourceFile))
			.isEqualTo(records.size());
	}

	@ParameterizedTest
	@ValueSource(strings = { "copy", "jdbc-batch" })
	void aCombinationRecordedReadsBackAsItsValuesWhateverTheirCharacters(String writer, @TempDir Path inbox)
			throws Exception {
		// Given a proceeding whose case type, decision and other completion hold a quote,
		// a backslash, braces, a comma, spaces and the word NULL, and one with a null
		Path file = sampleFile(inbox, "B_TblProceeding");
		EoirTable table = EoirTables.PROCEEDING;
		List<String> columns = table.stagingTable().dataColumns();
		StagedRecord.Row first = (StagedRecord.Row) records(file, table).stream()
			.filter((record) -> record instanceof StagedRecord.Row)
			.findFirst()
			.orElseThrow();
		List<List<String>> combinations = List.of(Arrays.asList("a\"b\\c", "{x}, y", " NULL "),
				Arrays.asList("NULL", null, "O"));
		List<StagedRecord> rows = new ArrayList<>();
		for (List<String> combination : combinations) {
			Object[] values = first.values().clone();
			values[columns.indexOf("case_type")] = combination.get(0);
			values[columns.indexOf("dec_code")] = combination.get(1);
			values[columns.indexOf("other_comp")] = combination.get(2);
			rows.add(new StagedRecord.Row(first.lineNumber() + rows.size(), values));
		}
		long sourceFile = sourceFile(table.name(), "combination " + writer, file);

		// When a writer stages them
		write(writer(writer, TestWarehouse.dataSource(url),
				new SourceFileSlice(sourceFile, table.name(), table.stagingTable(), 1)), rows);

		// Then each combination recorded reads back, as a text[], as the values staged
		List<List<String>> recorded = this.jdbc.query("""
				select (code::text[])[1], (code::text[])[2], (code::text[])[3], cardinality(code::text[])
				from staging.used_value where source_file_id = ? and column_name = 'case_type+dec_code+other_comp'
				""", (rs, n) -> {
			assertThat(rs.getInt(4)).isEqualTo(3);
			return Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
		}, sourceFile);
		assertThat(recorded).containsExactlyInAnyOrderElementsOf(combinations);
	}

	@ParameterizedTest
	@ValueSource(strings = { "copy", "jdbc-batch" })
	void aFileStagedWholeRecordsWhetherItHeldEachKeyOnce(String writer, @TempDir Path inbox) throws Exception {
		// Given the rows of a hearings file, and the same rows with the last hearing's
		// line repeated after it
		Path file = sampleFile(inbox, "tbl_schedule");
		EoirTable table = EoirTables.SCHEDULE;
		List<StagedRecord> records = records(file, table);
		StagedRecord.Row last = records.stream()
			.filter((record) -> record instanceof StagedRecord.Row)
			.map(StagedRecord.Row.class::cast)
			.reduce((first, second) -> second)
			.orElseThrow();
		List<StagedRecord> repeating = new ArrayList<>(records);
		repeating.add(new StagedRecord.Row(last.lineNumber() + 1, last.values()));
		DataSource dataSource = TestWarehouse.dataSource(url);

		// When each is staged whole by a writer, and the first again by a writer that
		// resumes it after its first chunk
		long distinctFile = sourceFile(table.name(), "distinct keys " + writer, file);
		long repeatingFile = sourceFile(table.name(), "repeated key " + writer, file);
		long resumedFile = sourceFile(table.name(), "resumed " + writer, file);
		for (long sourceFile : List.of(distinctFile, repeatingFile)) {
			CopyStagingWriter staging = writer(writer, dataSource,
					new SourceFileSlice(sourceFile, table.name(), table.stagingTable(), 1));
			staging.open(new ExecutionContext());
			write(staging, (sourceFile == repeatingFile) ? repeating : records);
			staging.countRows();
		}
		ExecutionContext saved = new ExecutionContext();
		SourceFileSlice resumedSlice = new SourceFileSlice(resumedFile, table.name(), table.stagingTable(), 1);
		CopyStagingWriter first = writer(writer, dataSource, resumedSlice);
		first.open(saved);
		writeChunk(first, records.subList(0, 100), saved);
		CopyStagingWriter resumed = writer(writer, dataSource, resumedSlice);
		resumed.open(saved);
		write(resumed, records.subList(100, records.size()));
		resumed.countRows();

		// Then the file of distinct keys is recorded as such, the other as repeating one,
		// and the resumed file's answer is not known
		String distinct = "select keys_distinct from etl.source_file where source_file_id = ?";
		assertThat(this.jdbc.queryForObject(distinct, Boolean.class, distinctFile)).isTrue();
		assertThat(this.jdbc.queryForObject(distinct, Boolean.class, repeatingFile)).isFalse();
		assertThat(this.jdbc.queryForObject(distinct, Boolean.class, resumedFile)).isNull();
		assertThat(this.jdbc.queryForObject("select rows_read from etl.source_file where source_file_id = ?",
				Long.class, resumedFile))
			.isEqualTo(records.size());

		// And a file counted by a writer that staged none of it (as at publication, for a
		// count lost) has no answer either
		writer(writer, dataSource, new SourceFileSlice(repeatingFile, table.name(), table.stagingTable(), 1))
			.countRows();
		assertThat(this.jdbc.queryForObject(distinct, Boolean.class, repeatingFile)).isNull();

		// And a file staged again from its start is not known until it is counted again
		writer(writer, dataSource, new SourceFileSlice(distinctFile, table.name(), table.stagingTable(), 1))
			.open(new ExecutionContext());
		assertThat(this.jdbc.queryForObject(distinct, Boolean.class, distinctFile)).isNull();
	}

	private static CopyStagingWriter writer(String kind, DataSource dataSource, SourceFileSlice slice) {
		return kind.equals("copy") ? new CopyStagingWriter(dataSource, slice)
				: new JdbcBatchStagingWriter(dataSource, slice);
	}

	private static Set<Object> values(EoirTable table, List<StagedRecord> chunk) {
		Set<Object> values = new HashSet<>();
		for (StagedRecord record : chunk) {
			if (record instanceof StagedRecord.Row row) {
				for (String column : table.stagingTable().usedValueColumns()) {
					List<Object> members = new ArrayList<>();
					StagingTable.members(column)
						.forEach((member) -> members
							.add(row.values()[table.stagingTable().dataColumns().indexOf(member)]));
					if (members.stream().anyMatch(Objects::nonNull)) {
						values.add(column + "=" + members);
					}
				}
			}
		}
		return values;
	}

	private static void writeChunk(CopyStagingWriter writer, List<StagedRecord> chunk, ExecutionContext saved) {
		try {
			writer.write(new Chunk<>(chunk));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		writer.update(saved);
	}

	@Test
	void everyEoirAndCbpTableIsCopiedInBinaryTheOhssCellsInText() {
		List<StagingTable> binary = new ArrayList<>(EoirTables.ALL.stream().map(EoirTable::stagingTable).toList());
		binary.add(EncounterRowProcessor.STAGING_TABLE);

		for (StagingTable table : binary) {
			assertThat(new CopyStagingWriter(TestWarehouse.dataSource(url), new SourceFileSlice(1, "t", table, 1))
				.rowEncoding()).as(table.name()).isInstanceOf(CopyBinary.class);
		}
		assertThat(new CopyStagingWriter(TestWarehouse.dataSource(url),
				new SourceFileSlice(1, "t", OhssCellProcessor.STAGING_TABLE, 1))
			.rowEncoding()).isInstanceOf(CopyText.class);
	}

	private void assertSame(String table, String columns, long copyFile, long batchFile, long expected) {
		String select = "select " + columns + " from " + table + " where source_file_id = ?";
		assertThat(this.jdbc.queryForList(select, copyFile)).hasSize((int) expected);
		assertThat(this.jdbc.queryForList(select, batchFile)).hasSize((int) expected);
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from ((" + select + " except all " + select + ") union all (" + select
								+ " except all " + select + ")) as difference",
						Long.class, copyFile, batchFile, batchFile, copyFile))
			.isZero();
	}

	/**
	 * A file of the sample release (300 cases, seed 7) generated into a folder.
	 */
	private static Path sampleFile(Path inbox, String tableName) {
		Path release = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 7).folder();
		return release.resolve("EOIR Case Data").resolve(tableName + ".csv");
	}

	private static List<StagedRecord> records(Path file, EoirTable table) throws Exception {
		EoirFileReader reader = new EoirFileReader("reader", file, table);
		EoirRowProcessor processor = new EoirRowProcessor();
		List<StagedRecord> records = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (EoirLine line = reader.read(); line != null; line = reader.read()) {
				StagedRecord record = processor.process(line);
				// A blank line is filtered out, as in the step.
				if (record != null) {
					records.add(record);
				}
			}
		}
		finally {
			reader.close();
		}
		return records;
	}

	private long sourceFile(String tableName, String writer, Path file) throws Exception {
		return this.jdbc.queryForObject("""
				insert into etl.source_file (source, release_label, relative_path, path, file_name, table_name,
				    size_bytes, sha256, status)
				values ('eoir', ?, ?, ?, ?, ?, ?, 'test', 'registered')
				returning source_file_id
				""", Long.class, "writers " + writer, tableName + ".csv", file.toString(),
				file.getFileName().toString(), tableName, Files.size(file));
	}

	private static void write(CopyStagingWriter writer, List<StagedRecord> records) throws Exception {
		for (int from = 0; from < records.size(); from += 100) {
			writer.write(new Chunk<>(records.subList(from, Math.min(records.size(), from + 100))));
		}
	}

}
