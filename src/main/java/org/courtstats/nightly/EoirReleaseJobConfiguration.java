package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import org.courtstats.eoir.EoirTables;
import org.courtstats.intake.EoirRelease;
import org.courtstats.intake.Inbox;
import org.courtstats.intake.IntakeException;
import org.courtstats.intake.ReleaseLabels;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.observability.RunObservation;
import org.courtstats.observability.StagingProgress;
import org.courtstats.warehouse.LoadRunLedger;
import org.courtstats.warehouse.PublicationGate;
import org.courtstats.warehouse.RejectedRows;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseBuild;
import org.courtstats.warehouse.WarehouseChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles the job that loads one EOIR release: {@code registerRelease} (fingerprint and
 * record the files) → {@code stageRelease} (one partition per file, staged with COPY in
 * chunks) → {@code publishRelease} (integrate with set-based SQL and publish, in one
 * transaction).
 */
@Configuration(proxyBeanMethods = false)
class EoirReleaseJobConfiguration implements DisposableBean {

	static final String SOURCE = "eoir";

	/**
	 * Exit status of {@code registerRelease} when the release repeats one loaded before.
	 */
	static final String DUPLICATE = "DUPLICATE";

	/** Job execution context key: the release a duplicate delivery repeats. */
	static final String DUPLICATE_OF = "duplicateOf";

	private static final Logger logger = LoggerFactory.getLogger(EoirReleaseJobConfiguration.class);

	// job configuration

	@Bean
	Job eoirReleaseJob(JobRepository jobRepository, Step registerRelease, Step stageRelease, Step publishRelease,
			LoadRunLedger loadRunLedger, RunObservation runObservation) {
		return new JobBuilder(jobRepository).listener(new LoadRunListener(loadRunLedger))
			.listener(runObservation)
			.start(registerRelease)
			.on(DUPLICATE)
			.end()
			.from(registerRelease)
			.on(ExitStatus.COMPLETED.getExitCode())
			.to(stageRelease)
			.next(publishRelease)
			.from(registerRelease)
			.on("*")
			.fail()
			.end()
			.build();
	}

	// step 1: register the release and its files, or recognise bytes loaded before

	@Bean
	Step registerRelease(JobRepository jobRepository, PlatformTransactionManager transactionManager, Releases releases,
			SourceFileRegistry sourceFiles, NightlyLoadSettings settings) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			Map<String, Object> parameters = chunkContext.getStepContext().getJobParameters();
			String label = (String) parameters.get("release");
			Path location = Path.of((String) parameters.get("releasePath"));
			EoirRelease release = new EoirRelease(label, ReleaseLabels.asOfDate(label), location,
					Inbox.filesOf(location));
			if (!release.missingSnapshotTables().isEmpty()) {
				throw new IntakeException("Release '" + label + "' in " + location + " lacks "
						+ String.join(", ", release.missingSnapshotTables()) + ". A release is a full snapshot: "
						+ "without a table, every row of it would read as deleted. Deliver the release whole.");
			}
			List<String> lacking = sourceFiles.tablesCountTxtListsButLacks(release);
			if (!lacking.isEmpty()) {
				throw new IntakeException("Release '" + label + "' in " + location + " lacks "
						+ String.join(", ", lacking)
						+ ", which its Count.txt lists: a partial delivery, whose missing tables would keep the "
						+ "previous release's rows as this release's. Deliver the release whole.");
			}
			List<SourceFileRegistry.Fingerprint> fingerprints = sourceFiles.fingerprint(release,
					settings.stagingThreads());
			Optional<String> sameBytes = sourceFiles.publishedReleaseWithSameBytes(label, fingerprints);
			if (sameBytes.isPresent()) {
				sourceFiles.registerDuplicate(release, fingerprints);
				chunkContext.getStepContext()
					.getStepExecution()
					.getJobExecution()
					.getExecutionContext()
					.putString(DUPLICATE_OF, sameBytes.get());
				contribution.setExitStatus(new ExitStatus(DUPLICATE));
				logger.info("Release '{}' holds the same bytes as release '{}', loaded before; nothing to do", label,
						sameBytes.get());
				return RepeatStatus.FINISHED;
			}
			long releaseKey = releases.register(SOURCE, label, release.asOfDate());
			sourceFiles.register(release, fingerprints, releaseKey);
			release.skippedFiles()
				.forEach((file) -> logger.info("{}: skipped, not a table the load reads", file.relativePath()));
			logger.info("Release '{}': {} files to stage, {} skipped", label, release.tableFiles().size(),
					release.skippedFiles().size());
			return RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).build();
	}

	// step 2: stage every file of the release, one partition per file

	/**
	 * The staging threads, stopped with the context. Not a bean: an executor bean would
	 * take the place of the application's default one.
	 */
	private volatile ThreadPoolTaskExecutor stagingExecutor;

	@Override
	public void destroy() {
		if (this.stagingExecutor != null) {
			this.stagingExecutor.shutdown();
		}
	}

	@Bean
	Step stageRelease(JobRepository jobRepository, Step stageTable, Partitioner releaseFilesPartitioner,
			NightlyLoadSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(settings.stagingThreads());
		executor.setMaxPoolSize(settings.stagingThreads());
		executor.setThreadNamePrefix("stage-");
		executor.initialize();
		this.stagingExecutor = executor;
		return new StepBuilder(jobRepository).partitioner("stageTable", releaseFilesPartitioner)
			.partitionHandler(new LargestFirstPartitionHandler(stageTable, executor, settings.stagingThreads()))
			.build();
	}

	@Bean
	@JobScope
	Partitioner releaseFilesPartitioner(@Value("#{jobParameters['release']}") String label, Releases releases,
			SourceFileRegistry sourceFiles) {
		return (gridSize) -> {
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (SourceFileRegistry.RegisteredFile file : sourceFiles.filesToStage(releases.key(SOURCE, label))) {
				ExecutionContext context = new ExecutionContext();
				context.putInt(LargestFirstPartitionHandler.ORDER_KEY, partitions.size());
				context.putLong("sourceFileId", file.sourceFileId());
				context.putString("tableName", file.tableName());
				context.putString("path", file.path());
				context.putString("fileName", file.fileName());
				if (file.archivePath() != null) {
					context.putString("zip", file.archivePath());
					context.putString("zipEntry", file.relativePath());
				}
				partitions.put(file.tableName() + "#" + file.sourceFileId(), context);
			}
			return partitions;
		};
	}

	@Bean
	Step stageTable(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ObjectProvider<ObservationRegistry> observationRegistry, DataSource dataSource,
			StagingProgress stagingProgress, NightlyLoadSettings settings) {
		return new StageTableStep("stageTable", jobRepository, transactionManager,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), dataSource, stagingProgress,
				settings);
	}

	// step 3: integrate the staged release, check it and publish it, in one transaction

	@Bean
	Step publishRelease(JobRepository jobRepository, PlatformTransactionManager transactionManager, Releases releases,
			WarehouseBuild warehouseBuild, WarehouseChecks warehouseChecks, RunLock runLock, RejectedRows rejectedRows,
			NightlyLoadSettings settings, SourceFileRegistry sourceFiles, DataSource dataSource,
			PublicationGate publicationGate) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			long run = contribution.getStepExecution().getJobExecutionId();
			RunOperations.enterPublication(publicationGate, run);
			String label = (String) chunkContext.getStepContext().getJobParameters().get("release");
			LocalDate asOfDate = ReleaseLabels.asOfDate(label);
			long releaseKey = releases.key(SOURCE, label);
			runLock.verifyHeld();
			StagedFileCounts.complete(sourceFiles, dataSource, transactionManager, releaseKey, run,
					(table) -> EoirTables.named(table).stagingTable());
			warehouseChecks.verifyRejectedShare(rejectedRows, releaseKey, SOURCE, run, settings.maxRejectedShare(),
					settings.rejectedRowsFloor());
			warehouseBuild.buildEoirRelease(releaseKey,
					releases.versionDate((asOfDate != null) ? asOfDate : LocalDate.now()));
			warehouseChecks.verify(releaseKey, SOURCE, run);
			releases.publish(releaseKey, contribution.getStepExecution().getJobExecutionId());
			logger.info("Release '{}' published", label);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
