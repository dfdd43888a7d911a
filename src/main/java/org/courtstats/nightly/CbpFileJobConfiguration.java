package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.courtstats.cbp.CbpFileCoverage;
import org.courtstats.cbp.CbpFileReader;
import org.courtstats.cbp.CbpRecord;
import org.courtstats.cbp.EncounterRowProcessor;
import org.courtstats.intake.BorderFile;
import org.courtstats.intake.CountingResource;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.observability.RunObservation;
import org.courtstats.observability.StagingProgress;
import org.courtstats.staging.CopyStagingWriter;
import org.courtstats.staging.SourceFileSlice;
import org.courtstats.staging.StagedRecord;
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
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles the job that loads one CBP encounters file: {@code registerEncounterFile}
 * (fingerprint the file, find the months it covers) → {@code stageEncounterFile} (rows
 * COPY'd in chunks, bad rows quarantined) → {@code publishEncounterFile} (replace the
 * fiscal years the file covers in {@code fct_encounter}, unless a newer file holds them;
 * check and publish, in one transaction).
 */
@Configuration(proxyBeanMethods = false)
class CbpFileJobConfiguration {

	static final String SOURCE = BorderFile.CBP;

	private static final Logger logger = LoggerFactory.getLogger(CbpFileJobConfiguration.class);

	// job configuration

	@Bean
	Job cbpFileJob(JobRepository jobRepository, Step registerEncounterFile, Step stageEncounterFile,
			Step publishEncounterFile, LoadRunLedger loadRunLedger, RunObservation runObservation) {
		return new JobBuilder(jobRepository).listener(new LoadRunListener(loadRunLedger))
			.listener(runObservation)
			.start(registerEncounterFile)
			.on(EoirReleaseJobConfiguration.DUPLICATE)
			.end()
			.from(registerEncounterFile)
			.on(ExitStatus.COMPLETED.getExitCode())
			.to(stageEncounterFile)
			.next(publishEncounterFile)
			.from(registerEncounterFile)
			.on("*")
			.fail()
			.end()
			.build();
	}

	// step 1: fingerprint the file and find what it covers, or recognise bytes loaded
	// before

	@Bean
	Step registerEncounterFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Releases releases, SourceFileRegistry sourceFiles) {
		return new StepBuilder(jobRepository)
			.tasklet(BorderJobs.register(SOURCE, EncounterRowProcessor.TABLE_NAME, "CBP file", releases, sourceFiles,
					CbpFileJobConfiguration::asOfDate), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/** The last day of the latest month the file has a row for, or null for none. */
	private static LocalDate asOfDate(BorderFile file) {
		CbpFileCoverage coverage = CbpFileCoverage.scan(file.path());
		LocalDate asOfDate = (coverage.lastMonthStart() != null) ? coverage.lastMonthStart().plusMonths(1).minusDays(1)
				: null;
		logger.info("CBP file '{}': {} layout, {} rows in fiscal years {}, through {}", file.label(),
				coverage.variant(), String.format("%,d", coverage.rows()), coverage.fiscalYears(), asOfDate);
		return asOfDate;
	}

	// step 2: stage the rows

	@Bean
	Step stageEncounterFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CbpFileReader cbpFileReader, EncounterRowProcessor encounterRowProcessor,
			CopyStagingWriter cbpStagingWriter, StagingProgress stagingProgress, NightlyLoadSettings settings) {
		return new StepBuilder(jobRepository).<CbpRecord, StagedRecord>chunk(settings.chunkSize())
			.transactionManager(transactionManager)
			.reader(cbpFileReader)
			.processor(encounterRowProcessor)
			.writer(cbpStagingWriter)
			.listener(cbpStagingWriter)
			.listener(stagingProgress)
			.listener(BorderJobs.fileNameOfStep())
			.build();
	}

	@Bean
	@StepScope
	CbpFileReader cbpFileReader(@Value("#{jobParameters['filePath']}") String filePath,
			@Value("#{stepExecution.id}") long stepExecutionId, StagingProgress stagingProgress) {
		Path file = Path.of(filePath);
		return new CbpFileReader("cbpFileReader",
				new CountingResource(new FileSystemResource(file), stagingProgress.bytesReadBy(stepExecutionId)),
				file.getFileName().toString());
	}

	@Bean
	EncounterRowProcessor encounterRowProcessor() {
		return new EncounterRowProcessor();
	}

	@Bean
	@StepScope
	CopyStagingWriter cbpStagingWriter(DataSource dataSource,
			@Value("#{jobExecutionContext['" + BorderJobs.SOURCE_FILE_ID + "']}") long sourceFileId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId, NightlyLoadSettings settings) {
		return settings.stagingWriterFor(dataSource, new SourceFileSlice(sourceFileId, EncounterRowProcessor.TABLE_NAME,
				EncounterRowProcessor.STAGING_TABLE, jobExecutionId));
	}

	// step 3: replace the fiscal years the file covers, check and publish, in one
	// transaction

	@Bean
	Step publishEncounterFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Releases releases, WarehouseBuild warehouseBuild, WarehouseChecks warehouseChecks, RunLock runLock,
			RejectedRows rejectedRows, NightlyLoadSettings settings, SourceFileRegistry sourceFiles,
			DataSource dataSource, PublicationGate publicationGate) {
		return new StepBuilder(jobRepository).tasklet(BorderJobs.publish(SOURCE, "CBP file", releases, warehouseChecks,
				runLock, rejectedRows, settings, EncounterRowProcessor.STAGING_TABLE, sourceFiles, dataSource,
				transactionManager, publicationGate, warehouseBuild::buildCbpFile), transactionManager)
			.build();
	}

}
