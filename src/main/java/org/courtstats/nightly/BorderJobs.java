package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.courtstats.intake.BorderFile;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.staging.StagingTable;
import org.courtstats.warehouse.PublicationGate;
import org.courtstats.warehouse.RejectedRows;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the register steps of the one-file jobs (an OHSS edition, a CBP file) hand to the
 * steps after them, through the job's execution context.
 */
final class BorderJobs {

	private static final Logger logger = LoggerFactory.getLogger(BorderJobs.class);

	/** Job execution context key: the file's {@code etl.source_file} id. */
	static final String SOURCE_FILE_ID = "sourceFileId";

	private BorderJobs() {
	}

	static void rememberSourceFile(ChunkContext chunkContext, long sourceFileId) {
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putLong(SOURCE_FILE_ID, sourceFileId);
	}

	/**
	 * The register step of a one-file job: fingerprint the file and, unless the same
	 * bytes were loaded before under another name (then the job ends as a duplicate),
	 * record its release with the as-of date the file gives, and the file, for the steps
	 * after it.
	 * @param source ohss or cbp
	 * @param tableName the logical table the file is recorded under
	 * @param what how the log names the file, e.g. {@code Edition}
	 * @param asOfDate reads the file's as-of date (the file is refused by the exception
	 * it throws)
	 */
	static Tasklet register(String source, String tableName, String what, Releases releases,
			SourceFileRegistry sourceFiles, Function<BorderFile, LocalDate> asOfDate) {
		return (contribution, chunkContext) -> {
			Map<String, Object> parameters = chunkContext.getStepContext().getJobParameters();
			BorderFile file = new BorderFile(source, (String) parameters.get("release"),
					Path.of((String) parameters.get("filePath")));
			SourceFileRegistry.Fingerprint fingerprint = sourceFiles.fingerprint(file);
			Optional<String> sameBytes = sourceFiles.publishedWithSameBytes(file, fingerprint);
			if (sameBytes.isPresent()) {
				sourceFiles.register(file, fingerprint, tableName, null);
				markDuplicate(contribution, chunkContext, sameBytes.get());
				logger.info("{} '{}' holds the same bytes as '{}', loaded before; nothing to do", what, file.label(),
						sameBytes.get());
				return RepeatStatus.FINISHED;
			}
			long releaseKey = releases.register(source, file.label(), asOfDate.apply(file));
			rememberSourceFile(chunkContext, sourceFiles.register(file, fingerprint, tableName, releaseKey));
			return RepeatStatus.FINISHED;
		};
	}

	/**
	 * Names the stage step's file in its execution context, where the progress log and
	 * the failure message look for it.
	 * @return the listener to register on the stage step
	 */
	static StepExecutionListener fileNameOfStep() {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				String path = stepExecution.getJobExecution().getJobParameters().getString("filePath");
				if (path != null) {
					stepExecution.getExecutionContext().putString("fileName", Path.of(path).getFileName().toString());
				}
			}
		};
	}

	/**
	 * The publish step of a one-file job: integrate the staged file with the given load,
	 * check it and publish it, in the step's transaction.
	 * @param source ohss or cbp
	 * @param what how the log names the file, e.g. {@code Edition}
	 * @param settings the rejected-row threshold
	 * @param stagingTable the staging table of the source's files
	 * @param transactionManager the warehouse's transactions
	 * @param build the load of the release, given its key and as-of date
	 */
	static Tasklet publish(String source, String what, Releases releases, WarehouseChecks warehouseChecks,
			RunLock runLock, RejectedRows rejectedRows, NightlyLoadSettings settings, StagingTable stagingTable,
			SourceFileRegistry sourceFiles, DataSource dataSource, PlatformTransactionManager transactionManager,
			PublicationGate publicationGate, BiConsumer<Long, LocalDate> build) {
		return (contribution, chunkContext) -> {
			long run = contribution.getStepExecution().getJobExecutionId();
			RunOperations.enterPublication(publicationGate, run);
			String label = (String) chunkContext.getStepContext().getJobParameters().get("release");
			long releaseKey = releases.key(source, label);
			runLock.verifyHeld();
			StagedFileCounts.complete(sourceFiles, dataSource, transactionManager, releaseKey, run,
					(table) -> stagingTable);
			warehouseChecks.verifyRejectedShare(rejectedRows, releaseKey, source, run, settings.maxRejectedShare(),
					settings.rejectedRowsFloor());
			build.accept(releaseKey, releases.asOfDate(releaseKey));
			warehouseChecks.verify(releaseKey, source, run);
			releases.publish(releaseKey, contribution.getStepExecution().getJobExecutionId());
			logger.info("{} '{}' published", what, label);
			return RepeatStatus.FINISHED;
		};
	}

	/**
	 * Ends the job after its register step: the file repeats one loaded before.
	 */
	static void markDuplicate(StepContribution contribution, ChunkContext chunkContext, String duplicateOf) {
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putString(EoirReleaseJobConfiguration.DUPLICATE_OF, duplicateOf);
		contribution.setExitStatus(new ExitStatus(EoirReleaseJobConfiguration.DUPLICATE));
	}

}
