package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.courtstats.intake.BorderFile;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.observability.RunObservation;
import org.courtstats.observability.StagingProgress;
import org.courtstats.ohss.OhssCellProcessor;
import org.courtstats.ohss.OhssEdition;
import org.courtstats.ohss.OhssEditionReader;
import org.courtstats.ohss.OhssRecord;
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
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Assembles the job that loads one DHS OHSS edition (a monthly tables workbook):
 * {@code registerEdition} (fingerprint the workbook, read its as-of month) →
 * {@code stageEdition} (every table's cells, COPY in chunks; a table laid out in a way
 * the reader does not know is rejected by name) → {@code publishEdition} (add the cells
 * to {@code fct_border_statistic}, mark the newest values, check and publish, in one
 * transaction).
 */
@Configuration(proxyBeanMethods = false)
class OhssEditionJobConfiguration {

	static final String SOURCE = BorderFile.OHSS;

	private static final Logger logger = LoggerFactory.getLogger(OhssEditionJobConfiguration.class);

	// job configuration

	@Bean
	Job ohssEditionJob(JobRepository jobRepository, Step registerEdition, Step stageEdition, Step publishEdition,
			LoadRunLedger loadRunLedger, RunObservation runObservation) {
		return new JobBuilder(jobRepository).listener(new LoadRunListener(loadRunLedger))
			.listener(runObservation)
			.start(registerEdition)
			.on(EoirReleaseJobConfiguration.DUPLICATE)
			.end()
			.from(registerEdition)
			.on(ExitStatus.COMPLETED.getExitCode())
			.to(stageEdition)
			.next(publishEdition)
			.from(registerEdition)
			.on("*")
			.fail()
			.end()
			.build();
	}

	// step 1: fingerprint the workbook and read its as-of month, or recognise bytes
	// loaded before

	@Bean
	Step registerEdition(JobRepository jobRepository, PlatformTransactionManager transactionManager, Releases releases,
			SourceFileRegistry sourceFiles) {
		return new StepBuilder(jobRepository)
			.tasklet(BorderJobs.register(SOURCE, OhssCellProcessor.TABLE_NAME, "Edition", releases, sourceFiles,
					OhssEditionJobConfiguration::asOfDate), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/** The last day of the month the edition's tables run to. */
	private static LocalDate asOfDate(BorderFile file) {
		try (OhssEdition edition = OhssEdition.open(file.path())) {
			logger.info("Edition '{}': OHSS monthly tables as of {}", file.label(), edition.asOfMonth());
			return edition.asOfMonth().atEndOfMonth();
		}
	}

	// step 2: stage the cells of every table

	@Bean
	Step stageEdition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OhssEditionReader ohssEditionReader, OhssCellProcessor ohssCellProcessor,
			CopyStagingWriter ohssStagingWriter, StagingProgress stagingProgress, NightlyLoadSettings settings) {
		return new StepBuilder(jobRepository).<OhssRecord, StagedRecord>chunk(settings.chunkSize())
			.transactionManager(transactionManager)
			.reader(ohssEditionReader)
			.processor(ohssCellProcessor)
			.writer(ohssStagingWriter)
			.listener(ohssStagingWriter)
			.listener(stagingProgress)
			.listener(BorderJobs.fileNameOfStep())
			.build();
	}

	@Bean
	@StepScope
	OhssEditionReader ohssEditionReader(@Value("#{jobParameters['filePath']}") String filePath) {
		return new OhssEditionReader("ohssEditionReader", Path.of(filePath));
	}

	@Bean
	OhssCellProcessor ohssCellProcessor() {
		return new OhssCellProcessor();
	}

	@Bean
	@StepScope
	CopyStagingWriter ohssStagingWriter(DataSource dataSource,
			@Value("#{jobExecutionContext['" + BorderJobs.SOURCE_FILE_ID + "']}") long sourceFileId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId, NightlyLoadSettings settings) {
		return settings.stagingWriterFor(dataSource, new SourceFileSlice(sourceFileId, OhssCellProcessor.TABLE_NAME,
				OhssCellProcessor.STAGING_TABLE, jobExecutionId));
	}

	// step 3: integrate the edition, check it and publish it, in one transaction

	@Bean
	Step publishEdition(JobRepository jobRepository, PlatformTransactionManager transactionManager, Releases releases,
			WarehouseBuild warehouseBuild, WarehouseChecks warehouseChecks, RunLock runLock, RejectedRows rejectedRows,
			NightlyLoadSettings settings, SourceFileRegistry sourceFiles, DataSource dataSource,
			PublicationGate publicationGate) {
		return new StepBuilder(jobRepository).tasklet(BorderJobs.publish(SOURCE, "Edition", releases, warehouseChecks,
				runLock, rejectedRows, settings, OhssCellProcessor.STAGING_TABLE, sourceFiles, dataSource,
				transactionManager, publicationGate, warehouseBuild::buildOhssEdition), transactionManager)
			.build();
	}

}
