package org.courtstats.nightly;

import java.nio.file.Path;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import org.courtstats.eoir.EoirFileReader;
import org.courtstats.eoir.EoirRecordReader;
import org.courtstats.eoir.EoirRowProcessor;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.courtstats.intake.CountingResource;
import org.courtstats.intake.ZipEntryResource;
import org.courtstats.observability.StagingProgress;
import org.courtstats.staging.CopyStagingWriter;
import org.courtstats.staging.SourceFileSlice;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker step of {@code stageRelease}: stages the one file its partition names. Each
 * execution builds its own step, a chunk per transaction ({@link StagingChunkTasklet}),
 * whose reader and writer are plain objects made from the partition's execution context
 * ({@code sourceFileId}, {@code tableName}, {@code path}, or {@code zip} and
 * {@code zipEntry}); its reader cleans each line as it reads it
 * ({@link EoirRecordReader}). Step-scoped beans would do the same through a proxy that
 * looks the step's scope up on every call: once per line read, about a tenth of the
 * staging threads' time in a CPU profile of a large release. It also keeps the partitions
 * that run at once on separate step instances.
 */
final class StageTableStep implements Step {

	/** The name of the reader's position in the step's execution context. */
	static final String READER_NAME = "eoirTableReader";

	private final String name;

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final ObservationRegistry observationRegistry;

	private final DataSource dataSource;

	private final StagingProgress stagingProgress;

	private final NightlyLoadSettings settings;

	StageTableStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ObservationRegistry observationRegistry, DataSource dataSource, StagingProgress stagingProgress,
			NightlyLoadSettings settings) {
		this.name = name;
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.observationRegistry = observationRegistry;
		this.dataSource = dataSource;
		this.stagingProgress = stagingProgress;
		this.settings = settings;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public void execute(StepExecution stepExecution) throws JobInterruptedException {
		Step step;
		try {
			step = chunkStep(stepExecution);
		}
		catch (RuntimeException ex) {
			// A partition whose context names no table or file the load can read fails
			// as a step fails, recorded FAILED and restartable, not left STARTING.
			step = new StepBuilder(this.name, this.jobRepository).tasklet((contribution, chunkContext) -> {
				throw ex;
			}, this.transactionManager).observationRegistry(this.observationRegistry).build();
		}
		step.execute(stepExecution);
	}

	private Step chunkStep(StepExecution stepExecution) {
		ExecutionContext partition = stepExecution.getExecutionContext();
		EoirTable table = EoirTables.named(partition.getString("tableName"));
		CopyStagingWriter writer = this.settings.stagingWriterFor(this.dataSource,
				new SourceFileSlice(partition.getLong("sourceFileId"), table.name(), table.stagingTable(),
						stepExecution.getJobExecutionId()));
		// A processor of its own: it keeps the codes of the file it cleans.
		EoirRecordReader reader = new EoirRecordReader(reader(stepExecution, table), new EoirRowProcessor());
		return new StepBuilder(this.name, this.jobRepository)
			.tasklet(new StagingChunkTasklet(reader, writer, this.stagingProgress, this.settings.chunkSize(),
					this.observationRegistry), this.transactionManager)
			.stream(reader)
			.stream(writer)
			.listener(writer)
			.listener(this.stagingProgress)
			.observationRegistry(this.observationRegistry)
			.build();
	}

	/**
	 * Reads the partition's file, or its entry of the release zip in place: each
	 * (re)opening streams the entry from the start.
	 */
	private EoirFileReader reader(StepExecution stepExecution, EoirTable table) {
		ExecutionContext partition = stepExecution.getExecutionContext();
		Resource resource = partition.containsKey("zip")
				? new ZipEntryResource(Path.of(partition.getString("zip")), partition.getString("zipEntry"))
				: new FileSystemResource(Path.of(partition.getString("path")));
		return new EoirFileReader(READER_NAME,
				new CountingResource(resource, this.stagingProgress.bytesReadBy(stepExecution.getId())),
				partition.getString("fileName"), table);
	}

}
