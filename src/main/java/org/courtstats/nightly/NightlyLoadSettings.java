package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.courtstats.staging.CopyStagingWriter;
import org.courtstats.staging.JdbcBatchStagingWriter;
import org.courtstats.staging.SourceFileSlice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nightly load ({@code jobs/nightly-load/nightly-load.yml}).
 *
 * @param inbox the folder deliveries arrive in
 * @param chunkSize rows per chunk: one transaction, one {@code COPY}, one restart point
 * @param stagingThreads files staged at the same time (and fingerprinted at the same time
 * when a release is registered)
 * @param maxRejectedShare the share of a table's rows read that may be rejected before
 * its release is held back (0.01 = 1%)
 * @param rejectedRowsFloor rejected rows a table may have whatever its size, so that a
 * small table's one bad line does not hold its release back
 * @param settleTime how long a delivery must have gone unmodified before it is read, so
 * that a file still being written is not; a {@code <name>.done} marker beside it makes it
 * ready at once
 * @param archive the folder loaded deliveries are moved to once published; blank to leave
 * them in the inbox
 * @param databaseRetry how long a release's run waits for an unreachable database before
 * it gives up
 * @param stagingWriter how staged rows are written: {@code copy} (PostgreSQL
 * {@code COPY}, the default) or {@code jdbc-batch} (batched {@code INSERT}s, kept to
 * measure {@code COPY} against)
 */
@ConfigurationProperties("courtstats.nightly-load")
public record NightlyLoadSettings(@DefaultValue("./inbox") Path inbox, @DefaultValue("20000") int chunkSize,
		@DefaultValue("2") int stagingThreads, @DefaultValue("0.01") double maxRejectedShare,
		@DefaultValue("5") long rejectedRowsFloor, @DefaultValue("60s") Duration settleTime,
		@DefaultValue("") String archive, @DefaultValue DatabaseRetry databaseRetry,
		@DefaultValue("copy") StagingWriter stagingWriter) {

	private static final String PREFIX = "courtstats.nightly-load.";

	public NightlyLoadSettings {
		InvalidSettingException.require(PREFIX + "chunk-size", chunkSize, chunkSize >= 1, "rows per chunk, 1 or more");
		InvalidSettingException.require(PREFIX + "staging-threads", stagingThreads, stagingThreads >= 1,
				"1 or more threads");
		InvalidSettingException.require(PREFIX + "max-rejected-share", maxRejectedShare,
				maxRejectedShare >= 0 && maxRejectedShare <= 1, "a share from 0 to 1 (0.01 is 1%)");
		InvalidSettingException.require(PREFIX + "rejected-rows-floor", rejectedRowsFloor, rejectedRowsFloor >= 0,
				"0 or more rows");
		InvalidSettingException.require(PREFIX + "settle-time", settleTime,
				settleTime != null && !settleTime.isNegative(), "a duration of 0s or more");
	}

	/**
	 * The archive folder, when loaded deliveries are to be moved out of the inbox.
	 * @return the folder, or empty to leave deliveries in place
	 */
	public Optional<Path> archiveFolder() {
		return (this.archive == null || this.archive.isBlank()) ? Optional.empty() : Optional.of(Path.of(this.archive));
	}

	/**
	 * A writer for one file's staged rows, of the kind these settings name.
	 * @param dataSource the data source of the chunk transactions
	 * @param slice the file's rows
	 * @return the writer
	 */
	public CopyStagingWriter stagingWriterFor(DataSource dataSource, SourceFileSlice slice) {
		return (this.stagingWriter == StagingWriter.JDBC_BATCH) ? new JdbcBatchStagingWriter(dataSource, slice)
				: new CopyStagingWriter(dataSource, slice);
	}

	/**
	 * How staged rows reach PostgreSQL.
	 */
	public enum StagingWriter {

		/** {@code COPY ... FROM STDIN}, one per chunk and table. */
		COPY,

		/** Batched {@code INSERT}s, a chunk's rows sent in batches of 5,000. */
		JDBC_BATCH

	}

	/**
	 * How a release's run is resumed when the database connection fails (PostgreSQL
	 * restarted, a network cut): the run is restarted from its last committed chunk after
	 * a pause that doubles each time, up to a number of attempts.
	 *
	 * @param attempts runs of the release in all, the first included; 1 gives up at once
	 * @param initialBackoff the pause before the second attempt
	 * @param maxBackoff the longest pause between two attempts
	 */
	public record DatabaseRetry(@DefaultValue("6") int attempts, @DefaultValue("5s") Duration initialBackoff,
			@DefaultValue("2m") Duration maxBackoff) {

		public DatabaseRetry {
			InvalidSettingException.require(PREFIX + "database-retry.attempts", attempts, attempts >= 1,
					"1 or more runs of the release");
			InvalidSettingException.require(PREFIX + "database-retry.initial-backoff", initialBackoff,
					initialBackoff != null && !initialBackoff.isNegative(), "a duration of 0s or more");
			InvalidSettingException.require(PREFIX + "database-retry.max-backoff", maxBackoff,
					maxBackoff != null && !maxBackoff.isNegative(), "a duration of 0s or more");
		}

	}

}
