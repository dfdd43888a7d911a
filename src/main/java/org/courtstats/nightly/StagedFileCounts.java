package org.courtstats.nightly;

import java.util.function.Function;

import javax.sql.DataSource;

import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.staging.CopyStagingWriter;
import org.courtstats.staging.SourceFileSlice;
import org.courtstats.staging.StagingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts, at publication, the rows of each staged file whose count at the end of its
 * staging was lost: a file's step fails when its count fails, but the count runs after
 * the step is recorded complete, so a database lost for good at that moment, or a process
 * killed then, leaves a completed step and no count. Without it, the file would escape
 * the rejected-rows threshold and the {@code Count.txt} check.
 */
final class StagedFileCounts {

	private static final Logger logger = LoggerFactory.getLogger(StagedFileCounts.class);

	private StagedFileCounts() {
	}

	/**
	 * Counts the release's uncounted files, each in a transaction of its own, committed
	 * before the publication goes on: the counts stay when the release is then held back.
	 * @param files the registry of delivered files
	 * @param dataSource the warehouse
	 * @param transactionManager the warehouse's transactions
	 * @param releaseKey the release
	 * @param run the run publishing it
	 * @param stagingTable the staging table of a file's table
	 */
	static void complete(SourceFileRegistry files, DataSource dataSource, PlatformTransactionManager transactionManager,
			long releaseKey, long run, Function<String, StagingTable> stagingTable) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		for (SourceFileRegistry.RegisteredFile file : files.uncountedFiles(releaseKey)) {
			logger.warn("{}: its rows were not counted when it was staged; counting them now", file.relativePath());
			CopyStagingWriter counter = new CopyStagingWriter(dataSource, new SourceFileSlice(file.sourceFileId(),
					file.tableName(), stagingTable.apply(file.tableName()), run));
			ownTransaction.executeWithoutResult((status) -> counter.countRows());
		}
	}

}
