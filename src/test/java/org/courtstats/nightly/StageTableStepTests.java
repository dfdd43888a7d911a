package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class StageTableStepTests {

	@Test
	void aPartitionNamingNoTableTheLoadReadsIsRecordedFailedNotLeftStarting() throws Exception {
		// given
		ResourcelessJobRepository jobRepository = new ResourcelessJobRepository();
		JobInstance instance = jobRepository.createJobInstance("eoirReleaseJob", new JobParameters());
		JobExecution job = jobRepository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
		StepExecution partition = jobRepository.createStepExecution("stageTable:tbl_Renamed#7", job);
		partition.getExecutionContext().putString("tableName", "tbl_Renamed");
		partition.getExecutionContext().putLong("sourceFileId", 7);
		partition.getExecutionContext().putString("path", "inbox/tbl_Renamed.csv");
		partition.getExecutionContext().putString("fileName", "tbl_Renamed.csv");
		NightlyLoadSettings settings = new NightlyLoadSettings(Path.of("inbox"), 5000, 2, 0.01, 5,
				Duration.ofSeconds(60), "", null, NightlyLoadSettings.StagingWriter.COPY);
		StageTableStep step = new StageTableStep("stageTable", jobRepository, new ResourcelessTransactionManager(),
				ObservationRegistry.NOOP, null, null, settings);

		// when
		step.execute(partition);

		// then
		assertThat(partition.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(partition.getEndTime()).isNotNull();
		assertThat(partition.getFailureExceptions()).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessageContaining("tbl_Renamed"));
	}

}
