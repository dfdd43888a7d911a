package org.courtstats.nightly;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.courtstats.staging.StagedRecord;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.observability.BatchMetrics;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * One chunk of a staging partition per call, in the transaction its tasklet step opens
 * for each call: reads up to {@code chunkSize} cleaned rows, writes them, and counts them
 * as read and written, as Spring Batch's chunk-oriented step does. The step's streams
 * (the reader and the writer) save the position a restart resumes from in the same
 * transaction, so that a chunk is staged and recorded together or not at all. A file
 * whose rows fill its last chunk exactly ends with a call that reads nothing: its step
 * counts one commit more than the chunks it wrote, where the chunk-oriented step counted
 * none for it.
 * <p>
 * The chunk-oriented step creates an observation for every item it reads and processes,
 * disabled or not: two for each of the millions of rows of a release, a tenth of the
 * staging's time. Here only the chunk's write is observed, under the name and keys of
 * Spring Batch's own ({@code spring.batch.chunk.write}).
 */
final class StagingChunkTasklet implements Tasklet {

	private static final String CHUNK_WRITE = BatchMetrics.METRICS_PREFIX + "chunk.write";

	private final ItemReader<StagedRecord> reader;

	private final ItemWriter<StagedRecord> writer;

	private final ItemWriteListener<Object> writeListener;

	private final int chunkSize;

	private final ObservationRegistry observationRegistry;

	StagingChunkTasklet(ItemReader<StagedRecord> reader, ItemWriter<StagedRecord> writer,
			ItemWriteListener<Object> writeListener, int chunkSize, ObservationRegistry observationRegistry) {
		this.reader = reader;
		this.writer = writer;
		this.writeListener = writeListener;
		this.chunkSize = chunkSize;
		this.observationRegistry = observationRegistry;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		Chunk<StagedRecord> chunk = new Chunk<>();
		StagedRecord record = null;
		while (chunk.size() < this.chunkSize && (record = this.reader.read()) != null) {
			chunk.add(record);
			contribution.incrementReadCount();
		}
		if (!chunk.isEmpty()) {
			write(chunk, contribution);
		}
		// A full chunk may have more behind it; the reader's end finishes the step.
		return (record != null) ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
	}

	private void write(Chunk<StagedRecord> chunk, StepContribution contribution) throws Exception {
		StepExecution stepExecution = contribution.getStepExecution();
		Observation observation = Observation.createNotStarted(CHUNK_WRITE, this.observationRegistry)
			.lowCardinalityKeyValue(CHUNK_WRITE + ".job.name",
					stepExecution.getJobExecution().getJobInstance().getJobName())
			.lowCardinalityKeyValue(CHUNK_WRITE + ".step.name", stepExecution.getStepName())
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			this.writer.write(chunk);
			contribution.incrementWriteCount(chunk.size());
			this.writeListener.afterWrite(chunk);
			observation.lowCardinalityKeyValue(CHUNK_WRITE + ".status", BatchMetrics.STATUS_SUCCESS);
		}
		catch (Exception ex) {
			observation.lowCardinalityKeyValue(CHUNK_WRITE + ".status", BatchMetrics.STATUS_FAILURE);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
