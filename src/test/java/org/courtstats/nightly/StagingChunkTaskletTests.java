package org.courtstats.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.courtstats.staging.StagedRecord;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A staging partition's tasklet reads and writes one chunk per call and counts its rows,
 * as a chunk-oriented step would.
 */
class StagingChunkTaskletTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final List<Integer> written = new ArrayList<>();

	private final List<Integer> heard = new ArrayList<>();

	private final StepContribution contribution = new StepContribution(new StepExecution(7L, "stageTable:A_TblCase",
			new JobExecution(1L, new JobInstance(1L, "eoirReleaseJob"), new JobParameters())));

	StagingChunkTaskletTests() {
		this.observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
	}

	@Test
	void aChunkPerCallUntilTheReaderEnds() throws Exception {
		StagingChunkTasklet tasklet = tasklet(rows(7), (chunk) -> this.written.add(chunk.size()));

		assertThat(List.of(execute(tasklet), execute(tasklet), execute(tasklet)))
			.containsExactly(RepeatStatus.CONTINUABLE, RepeatStatus.CONTINUABLE, RepeatStatus.FINISHED);
		assertThat(this.written).containsExactly(3, 3, 1);
		assertThat(this.heard).containsExactly(3, 3, 1);
		assertThat(this.contribution.getReadCount()).isEqualTo(7);
		assertThat(this.contribution.getWriteCount()).isEqualTo(7);
		assertThat(chunkWrites("SUCCESS").count()).isEqualTo(3);
	}

	@Test
	void aFileOfWholeChunksEndsWithACallThatWritesNothing() throws Exception {
		StagingChunkTasklet tasklet = tasklet(rows(6), (chunk) -> this.written.add(chunk.size()));

		assertThat(List.of(execute(tasklet), execute(tasklet), execute(tasklet)))
			.containsExactly(RepeatStatus.CONTINUABLE, RepeatStatus.CONTINUABLE, RepeatStatus.FINISHED);
		assertThat(this.written).containsExactly(3, 3);
		assertThat(this.contribution.getReadCount()).isEqualTo(6);
	}

	@Test
	void aFailedWriteIsThrownObservedAsAFailureAndNotCountedAsWritten() {
		StagingChunkTasklet tasklet = tasklet(rows(2), (chunk) -> {
			throw new IllegalStateException("COPY refused");
		});

		assertThatIllegalStateException().isThrownBy(() -> execute(tasklet)).withMessage("COPY refused");
		assertThat(this.contribution.getReadCount()).isEqualTo(2);
		assertThat(this.contribution.getWriteCount()).isZero();
		assertThat(this.heard).isEmpty();
		assertThat(chunkWrites("FAILURE").count()).isEqualTo(1);
	}

	private StagingChunkTasklet tasklet(List<StagedRecord> rows, ItemWriter<StagedRecord> writer) {
		ItemWriteListener<Object> listener = new ItemWriteListener<>() {
			@Override
			public void afterWrite(Chunk<?> items) {
				StagingChunkTaskletTests.this.heard.add(items.size());
			}
		};
		return new StagingChunkTasklet(new ListItemReader<>(rows), writer, listener, 3, this.observations);
	}

	private RepeatStatus execute(StagingChunkTasklet tasklet) throws Exception {
		return tasklet.execute(this.contribution, null);
	}

	private Timer chunkWrites(String status) {
		return this.meters.get("spring.batch.chunk.write")
			.tag("spring.batch.chunk.write.job.name", "eoirReleaseJob")
			.tag("spring.batch.chunk.write.step.name", "stageTable:A_TblCase")
			.tag("spring.batch.chunk.write.status", status)
			.timer();
	}

	private static List<StagedRecord> rows(int count) {
		return LongStream.rangeClosed(1, count)
			.<StagedRecord>mapToObj((line) -> new StagedRecord.Row(line, new Object[] { line }))
			.toList();
	}

}
