package org.courtstats.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.courtstats.warehouse.LoadStatistics;

/**
 * The load's own meters, tagged by {@code source} and {@code table} only, so that their
 * number stays bounded however many releases and files arrive: rows read, loaded and
 * rejected per staged file, the duration of each successful load, and when each source
 * last published a release.
 */
public class LoadMeters {

	/** Rows read from a staged file: loaded plus rejected. */
	public static final String ROWS_READ = "courtstats.rows.read";

	/** Rows staged from a file. */
	public static final String ROWS_LOADED = "courtstats.rows.loaded";

	/** Rows quarantined in {@code etl.rejected_row}. */
	public static final String ROWS_REJECTED = "courtstats.rows.rejected";

	/** Duration of a release's load that published it. */
	public static final String LOAD_DURATION = "courtstats.load.duration";

	/** When a source last published a release, in seconds since the epoch. */
	public static final String LAST_SUCCESSFUL_LOAD = "courtstats.last.successful.load";

	/** Age of each pulled source's file: time since its publisher last changed it. */
	public static final String SOURCE_AGE = "courtstats.source.age";

	private final MeterRegistry registry;

	private final LoadStatistics statistics;

	private final Map<String, AtomicLong> lastLoads = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> sourcePublications = new ConcurrentHashMap<>();

	public LoadMeters(MeterRegistry registry, LoadStatistics statistics) {
		this.registry = registry;
		this.statistics = statistics;
	}

	/**
	 * Counts the rows of a file whose staging step completed, as {@code etl.source_file}
	 * records them.
	 * @param sourceFileId the file
	 */
	public void fileStaged(long sourceFileId) {
		this.statistics.stagedFile(sourceFileId).ifPresent((file) -> {
			counter(ROWS_READ, "Rows read from the delivered files, loaded plus rejected", file)
				.increment(file.rowsRead());
			counter(ROWS_LOADED, "Rows staged from the delivered files", file).increment(file.rowsLoaded());
			counter(ROWS_REJECTED, "Rows quarantined in etl.rejected_row", file).increment(file.rowsRejected());
		});
	}

	/**
	 * Records the duration of a run that published its release, and the time of the
	 * source's last publication; a run that found its release loaded before records
	 * nothing.
	 * @param jobExecutionId the run
	 * @param source eoir, ohss or cbp
	 * @param duration how long the run took
	 */
	public void loadEnded(long jobExecutionId, String source, Duration duration) {
		if (!this.statistics.publishedBy(jobExecutionId)) {
			return;
		}
		Timer.builder(LOAD_DURATION)
			.description("Duration of the loads that published a release")
			.tag("source", source)
			.register(this.registry)
			.record(duration);
		refreshLastLoads();
	}

	/**
	 * Reads from the warehouse when each source last published a release, so that the
	 * gauge holds across restarts of the process.
	 */
	public void refreshLastLoads() {
		for (Map.Entry<String, Instant> last : this.statistics.lastPublished().entrySet()) {
			this.lastLoads.computeIfAbsent(last.getKey(), (source) -> {
				AtomicLong seconds = new AtomicLong();
				Gauge.builder(LAST_SUCCESSFUL_LOAD, seconds, AtomicLong::get)
					.description("When the source last published a release")
					.baseUnit("seconds")
					.tag("source", source)
					.register(this.registry);
				return seconds;
			}).set(last.getValue().getEpochSecond());
		}
	}

	/**
	 * Records when a pulled source's publisher last changed its file; the gauge gives its
	 * age in seconds when it is read.
	 * @param source the source's name in {@code courtstats.pull.sources}
	 * @param publishedAt the file's Last-Modified time
	 */
	public void sourcePublished(String source, Instant publishedAt) {
		this.sourcePublications.computeIfAbsent(source, (name) -> {
			AtomicLong published = new AtomicLong();
			Gauge.builder(SOURCE_AGE, published, (value) -> Instant.now().getEpochSecond() - value.get())
				.description("Time since the publisher last changed the source's file (its Last-Modified)")
				.baseUnit("seconds")
				.tag("source", name)
				.register(this.registry);
			return published;
		}).set(publishedAt.getEpochSecond());
	}

	private Counter counter(String name, String description, LoadStatistics.StagedFile file) {
		return Counter.builder(name)
			.description(description)
			.tag("source", file.source())
			.tag("table", file.tableName())
			.register(this.registry);
	}

}
