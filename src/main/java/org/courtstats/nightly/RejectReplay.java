package org.courtstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.courtstats.cbp.CbpFileReader;
import org.courtstats.cbp.EncounterRowProcessor;
import org.courtstats.eoir.EoirFileReader;
import org.courtstats.eoir.EoirLine;
import org.courtstats.eoir.EoirRowProcessor;
import org.courtstats.eoir.EoirTables;
import org.courtstats.intake.BorderFile;
import org.courtstats.intake.EoirRelease;
import org.courtstats.intake.Inbox;
import org.courtstats.intake.IntakeException;
import org.courtstats.intake.ReleaseLabels;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.intake.ZipEntryResource;
import org.courtstats.normalize.ControlCharacters;
import org.courtstats.ohss.OhssCellProcessor;
import org.courtstats.ohss.OhssEditionReader;
import org.courtstats.staging.CopyStagingWriter;
import org.courtstats.staging.SourceFileSlice;
import org.courtstats.staging.StagedRecord;
import org.courtstats.warehouse.DatabaseFailures;
import org.courtstats.warehouse.LoadRunLedger;
import org.courtstats.warehouse.RejectedRows;
import org.courtstats.warehouse.RejectedRowsOverThresholdException;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseBuild;
import org.courtstats.warehouse.WarehouseCheckException;
import org.courtstats.warehouse.WarehouseChecks;
import org.courtstats.warehouse.WarehouseReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the rejected rows of a release again, once their cause is fixed: the operator
 * corrected {@code etl.rejected_row.raw_record}, or a newer version of the loader reads
 * what an older one rejected.
 * <p>
 * A release is a full snapshot, and its load derives facts across tables (a proceeding's
 * representation from {@code tbl_RepsAssigned}, a case's MPP signals from its
 * identifiers, proceedings and hearings, the collapsed duplicates), so a replayed line is
 * not integrated alone: the whole release is staged again from its delivered files (in
 * the inbox or the archive), each rejected line read as its {@code raw_record} now
 * stands, and the release's integration, threshold, checks and publication run over it in
 * one transaction. The load files being keyed upserts, every row that did not change
 * stays as it was; lines that now read leave {@code etl.rejected_row}, lines that still
 * fail stay in it. Only the latest EOIR release can be replayed: integrating an older one
 * would write its rows over a newer snapshot's. An OHSS edition or a CBP file is replayed
 * from its one file, whichever release it is.
 */
@Service
public class RejectReplay {

	private static final Logger logger = LoggerFactory.getLogger(RejectReplay.class);

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Releases releases;

	private final RejectedRows rejectedRows;

	private final SourceFileRegistry sourceFiles;

	private final WarehouseBuild warehouseBuild;

	private final WarehouseChecks warehouseChecks;

	private final LoadRunLedger loadRunLedger;

	private final RunLock runLock;

	private final NightlyLoadSettings settings;

	private final JobRepository jobRepository;

	private final WarehouseReports warehouseReports;

	RejectReplay(DataSource dataSource, PlatformTransactionManager transactionManager, Releases releases,
			RejectedRows rejectedRows, SourceFileRegistry sourceFiles, WarehouseBuild warehouseBuild,
			WarehouseChecks warehouseChecks, LoadRunLedger loadRunLedger, RunLock runLock, NightlyLoadSettings settings,
			JobRepository jobRepository, WarehouseReports warehouseReports) {
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactionManager);
		this.releases = releases;
		this.rejectedRows = rejectedRows;
		this.sourceFiles = sourceFiles;
		this.warehouseBuild = warehouseBuild;
		this.warehouseChecks = warehouseChecks;
		this.loadRunLedger = loadRunLedger;
		this.runLock = runLock;
		this.settings = settings;
		this.jobRepository = jobRepository;
		this.warehouseReports = warehouseReports;
	}

	/**
	 * Replays the rejected rows of the release of a run, or of each source's latest
	 * release.
	 * @param run a job execution id, or null
	 * @param table only this table's corrected records (any case), or null for all
	 * @return what happened to each release that holds rejected rows
	 */
	public List<Outcome> replay(Long run, String table) {
		if (run != null && !this.rejectedRows.isKnownRun(run)) {
			throw new IllegalArgumentException("Run " + run + " is not in etl.load_run. "
					+ "'courtstats rejects' names the runs; reporting.load_history lists them all.");
		}
		this.rejectedRows.requireTableRead(table);
		try (RunLock.Lease lease = this.runLock.acquire()) {
			List<Outcome> outcomes = new ArrayList<>();
			if (run == null) {
				// An abandoned release is never published: the latest release before it
				// is replayed instead, and the operator told which was passed over.
				for (RejectedRows.Abandoned abandoned : this.rejectedRows.abandonedSinceLatest(table)) {
					outcomes.add(new Outcome(abandoned.source(), abandoned.releaseLabel(), false, 0,
							abandoned.rowsRejected(),
							"passed over: its run " + abandoned.abandonedRun() + " was abandoned (courtstats abandon), "
									+ "and an abandoned release is never published; `courtstats rejects --run "
									+ abandoned.abandonedRun() + "` lists its rejected rows",
							false, true));
				}
			}
			List<RejectedRows.Release> releases = this.rejectedRows.releases(run, table);
			for (int i = 0; i < releases.size(); i++) {
				RejectedRows.Release release = releases.get(i);
				try {
					outcomes.add(replay(release, table));
				}
				catch (RuntimeException ex) {
					// One release failing or held back leaves the others to replay, and
					// the operator told of each.
					boolean heldBack = LoadFailures.isHeldBack(ex);
					String message = heldBack ? heldBack(ex) : LoadFailures.describe(ex, "the replay",
							"Nothing of it was published: fix the cause, then replay again.");
					Outcome outcome = new Outcome(release.source(), release.releaseLabel(), false, 0,
							release.rowsRejected(), heldBack ? message : "not replayed: " + message, heldBack, false);
					logger.warn("{} release '{}': {}", release.source(), release.releaseLabel(), outcome.message(), ex);
					outcomes.add(outcome);
					if (DatabaseFailures.isConnectionFailure(ex)) {
						// The run lock went with the connection, and another load may
						// hold it now: no other release is replayed.
						for (RejectedRows.Release untried : releases.subList(i + 1, releases.size())) {
							outcomes.add(new Outcome(untried.source(), untried.releaseLabel(), false, 0,
									untried.rowsRejected(),
									"not replayed: not tried, the database connection was lost "
											+ "before it; run replay-rejects again once the database is back",
									false, false));
						}
						break;
					}
				}
			}
			return outcomes;
		}
	}

	/**
	 * Why a replay was held back, with what to do about a replay: its transaction was
	 * rolled back, so the release stays as it was and nothing of the replay is kept.
	 */
	static String heldBack(RuntimeException failure) {
		String rolledBack = ". The replay was rolled back: the release stays as it was.";
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RejectedRowsOverThresholdException rejects) {
				return "held back: " + rejects.findings() + rolledBack + " Correct more of the rows and replay "
						+ "again, or replay with a higher threshold (java -Dcourtstats.nightly-load.max-rejected-share="
						+ rejects.raisedShare() + " -jar courtstats.jar replay-rejects).";
			}
			if (cause instanceof WarehouseCheckException check) {
				return "held back by a check: " + check.findings() + rolledBack;
			}
		}
		return "held back: " + failure.getMessage() + rolledBack;
	}

	private Outcome replay(RejectedRows.Release release, String table) {
		String label = release.releaseLabel();
		Optional<Long> abandoned = this.releases.abandonedRun(release.source(), label);
		if (abandoned.isPresent() && !this.releases.isPublished(release.source(), label)) {
			return refused(release, "its run " + abandoned.get() + " was abandoned (courtstats abandon): an abandoned "
					+ "release is never published. Deliver it under a new label, then replay that release's rejects.");
		}
		if (!release.source().equals(EoirReleaseJobConfiguration.SOURCE)) {
			return replayFile(release, table);
		}
		Optional<String> later = this.releases.publishedAfter(release.releaseKey());
		if (later.isPresent()) {
			return refused(release,
					"release '" + later.get() + "' was published after it, and a release is a full "
							+ "snapshot: integrating '" + label + "' again would write its rows over the newer one's. "
							+ "Only the latest release of a source is replayed; the newer snapshot carries these rows "
							+ "if EOIR delivered them correctly.");
		}
		Optional<Path> loadedFrom = loadedFrom(release.releaseKey());
		Optional<Path> location = loadedFrom.flatMap(this::fileLocation);
		if (location.isEmpty()) {
			return refused(release,
					"its delivered files are not where they were loaded from" + lookedIn(loadedFrom)
							+ ". The release is staged again from them: put the release folder or zip back there as "
							+ "delivered, then replay.");
		}
		Optional<String> empty = emptyCorrections(release.releaseKey(), table,
				this.sourceFiles.filesToStage(release.releaseKey()));
		if (empty.isPresent()) {
			return refused(release, empty.get());
		}
		Long jobExecutionId = this.releases.lastRun(release.releaseKey());
		EoirRelease delivered = new EoirRelease(label, ReleaseLabels.asOfDate(label), location.get(),
				Inbox.filesOf(location.get()));
		List<SourceFileRegistry.Fingerprint> fingerprints = this.sourceFiles.fingerprint(delivered,
				this.settings.stagingThreads());
		long rejectedBefore = this.rejectedRows.count(release.releaseKey(), null);
		long collapsedBefore = collapsed(release);
		long[] stillRejected = new long[1];
		List<String> kept = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			// Refuses a file whose bytes changed since the release was loaded, and
			// records where the files are now.
			this.sourceFiles.register(delivered, fingerprints, release.releaseKey());
			Map<Long, Map<Long, String>> rejected = this.rejectedRows.records(release.releaseKey(), null);
			Map<Long, Map<Long, String>> records = this.rejectedRows.records(release.releaseKey(), table);
			Map<Long, Map<Long, String>> corrections = this.rejectedRows.corrections(release.releaseKey());
			for (SourceFileRegistry.RegisteredFile file : this.sourceFiles.filesToStage(release.releaseKey())) {
				// A line of a table not replayed is read as delivered, and a correction
				// written into its raw_record waits there for a replay of its table.
				Map<Long, String> waiting = (table == null || file.tableName().equalsIgnoreCase(table)) ? Map.of()
						: rejected.getOrDefault(file.sourceFileId(), Map.of());
				Map<Long, String> pending = new HashMap<>();
				Map<Long, RejectedRows.Correction> applied = stage(file,
						toRead(corrections, records, file.sourceFileId()), waiting, pending, jobExecutionId);
				this.rejectedRows.rememberCorrections(file.sourceFileId(), file.tableName(), applied, jobExecutionId);
				keepCorrections(file, pending, kept);
			}
			LocalDate asOfDate = this.releases.asOfDate(release.releaseKey());
			this.warehouseBuild.buildEoirRelease(release.releaseKey(),
					this.releases.versionDate((asOfDate != null) ? asOfDate : LocalDate.now()));
			this.warehouseChecks.verifyRejectedShare(this.rejectedRows, release.releaseKey(),
					EoirReleaseJobConfiguration.SOURCE, jobExecutionId, this.settings.maxRejectedShare(),
					this.settings.rejectedRowsFloor());
			this.warehouseChecks.verify(release.releaseKey(), EoirReleaseJobConfiguration.SOURCE, jobExecutionId);
			this.releases.publish(release.releaseKey(), jobExecutionId);
			stillRejected[0] = this.rejectedRows.count(release.releaseKey(), null);
			this.loadRunLedger.replayed(jobExecutionId,
					"rejected rows replayed: " + Math.max(0, rejectedBefore - stillRejected[0]) + " loaded, "
							+ stillRejected[0] + " still rejected"
							+ (kept.isEmpty() ? "" : "; " + correctionsKept(kept)));
		});
		completed(jobExecutionId);
		long loaded = Math.max(0, rejectedBefore - stillRejected[0]);
		logger.info("Release '{}': {} rejected rows loaded, {} still rejected", label, loaded, stillRejected[0]);
		List<String> notes = new ArrayList<>();
		long collapsed = collapsed(release) - collapsedBefore;
		if (collapsed > 0) {
			// A corrected line whose key another line holds replaces that line's row.
			notes.add("%,d more line%s than before collapsed into another line of the same key (the last line of a "
				.formatted(collapsed, (collapsed == 1) ? "" : "s") + "key wins; etl.dedup_decision names them)");
		}
		if (!kept.isEmpty()) {
			notes.add(correctionsKept(kept));
		}
		return new Outcome(release.source(), label, true, loaded, stillRejected[0],
				notes.isEmpty() ? null : String.join("; ", notes), false, false);
	}

	/**
	 * The lines of a release its facts collapsed into others (repeated keys, exact
	 * duplicates), as the load's summary counts them.
	 */
	private long collapsed(RejectedRows.Release release) {
		return this.warehouseReports.dedupCounts(release.source(), release.releaseLabel())
			.stream()
			.mapToLong(WarehouseReports.DedupCount::rows)
			.sum();
	}

	/**
	 * Why a replay is refused when a record it would read a line as is empty (or blank):
	 * an empty line is neither loaded nor rejected, so the delivered line would be lost.
	 * @return what to correct, naming each such line by table and line, if any
	 */
	private Optional<String> emptyCorrections(long releaseKey, String table,
			List<SourceFileRegistry.RegisteredFile> files) {
		Map<Long, Map<Long, String>> records = this.rejectedRows.records(releaseKey, table);
		Map<Long, Map<Long, String>> corrections = this.rejectedRows.corrections(releaseKey);
		List<String> rejected = new ArrayList<>();
		List<String> corrected = new ArrayList<>();
		for (SourceFileRegistry.RegisteredFile file : files) {
			Map<Long, String> ofFile = records.getOrDefault(file.sourceFileId(), Map.of());
			List<Long> emptyRejected = blankLines(ofFile);
			if (!emptyRejected.isEmpty()) {
				rejected.add(lines(file.tableName(), emptyRejected));
			}
			Map<Long, String> correctedOfFile = new HashMap<>(corrections.getOrDefault(file.sourceFileId(), Map.of()));
			correctedOfFile.keySet().removeAll(ofFile.keySet());
			List<Long> emptyCorrected = blankLines(correctedOfFile);
			if (!emptyCorrected.isEmpty()) {
				corrected.add(lines(file.tableName(), emptyCorrected));
			}
		}
		List<String> why = new ArrayList<>();
		if (!rejected.isEmpty()) {
			why.add("etl.rejected_row.raw_record is empty for " + String.join(", ", rejected)
					+ ": write the corrected line there, or set raw_record to null to read the line as delivered");
		}
		if (!corrected.isEmpty()) {
			why.add("etl.corrected_row.corrected_record is empty for " + String.join(", ", corrected)
					+ ": write the corrected line there, or delete its row to read the line as delivered");
		}
		if (why.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(String.join("; ", why) + ". A line read empty would be neither loaded nor kept "
				+ "rejected, and the delivered line lost. Then replay.");
	}

	private static List<Long> blankLines(Map<Long, String> records) {
		return records.entrySet()
			.stream()
			.filter((line) -> ControlCharacters.strip(line.getValue()).isBlank())
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * Writes the corrections of a file whose table was not replayed back into
	 * {@code etl.rejected_row}, once its lines were rejected again as delivered; a line
	 * that now loads as delivered would lose its correction, so the replay is refused.
	 */
	private void keepCorrections(SourceFileRegistry.RegisteredFile file, Map<Long, String> pending, List<String> kept) {
		if (pending.isEmpty()) {
			return;
		}
		List<Long> loadedAsDelivered = this.rejectedRows.keepCorrections(file.sourceFileId(), pending);
		if (!loadedAsDelivered.isEmpty()) {
			throw new IllegalStateException(lines(file.tableName(), loadedAsDelivered)
					+ ", corrected in etl.rejected_row.raw_record, now read"
					+ ((loadedAsDelivered.size() > 1) ? "" : "s") + " as delivered, and the correction would be lost "
					+ "replaying another table alone. Replay with --table " + file.tableName()
					+ ", or without --table, to load the correction.");
		}
		kept.add(lines(file.tableName(), pending.keySet()));
	}

	/**
	 * What a replay of one table says of the corrections of other tables it left waiting
	 * in {@code etl.rejected_row}.
	 */
	private static String correctionsKept(List<String> kept) {
		return "corrections of other tables kept in etl.rejected_row, not loaded: " + String.join(", ", kept)
				+ "; replay without --table to load them";
	}

	/**
	 * Lines of a table, as the messages name them: {@code tbl_schedule line 42} or
	 * {@code tbl_schedule lines 42, 57}.
	 */
	private static String lines(String table, Collection<Long> lines) {
		return table + ((lines.size() > 1) ? " lines " : " line ")
				+ String.join(", ", lines.stream().sorted().map(String::valueOf).toList());
	}

	/**
	 * Replays an OHSS edition or a CBP file: a release of one file, whose integration
	 * does not depend on the order releases load in (the latest edition of a table year
	 * and the file holding a fiscal year are decided by as-of month, then by layout and
	 * file name), so any release of these sources can be replayed, not only the latest.
	 */
	private Outcome replayFile(RejectedRows.Release release, String table) {
		String source = release.source();
		String label = release.releaseLabel();
		List<SourceFileRegistry.RegisteredFile> files = this.sourceFiles.filesToStage(release.releaseKey());
		Optional<Path> loadedFrom = files.stream().findFirst().map((file) -> Path.of(file.path()));
		Optional<Path> location = loadedFrom.flatMap(this::fileLocation);
		if (location.isEmpty()) {
			return refused(release, "its file is not where it was loaded from" + lookedIn(loadedFrom)
					+ ". The file is read again: put it back there under the same name, then replay.");
		}
		Optional<String> empty = source.equals(OhssEditionJobConfiguration.SOURCE) ? Optional.empty()
				: emptyCorrections(release.releaseKey(), table, files);
		if (empty.isPresent()) {
			return refused(release, empty.get());
		}
		SourceFileRegistry.RegisteredFile registered = files.get(0);
		Long jobExecutionId = this.releases.lastRun(release.releaseKey());
		BorderFile delivered = new BorderFile(source, label, location.get());
		SourceFileRegistry.Fingerprint fingerprint = this.sourceFiles.fingerprint(delivered);
		long rejectedBefore = this.rejectedRows.count(release.releaseKey(), null);
		long[] stillRejected = new long[1];
		this.transaction.executeWithoutResult((status) -> {
			this.sourceFiles.register(delivered, fingerprint, registered.tableName(), release.releaseKey());
			Map<Long, String> records = toRead(this.rejectedRows.corrections(release.releaseKey()),
					this.rejectedRows.records(release.releaseKey(), table), registered.sourceFileId());
			LocalDate asOfDate = this.releases.asOfDate(release.releaseKey());
			try {
				if (source.equals(OhssEditionJobConfiguration.SOURCE)) {
					stage(new SourceFileSlice(registered.sourceFileId(), OhssCellProcessor.TABLE_NAME,
							OhssCellProcessor.STAGING_TABLE, jobExecutionId),
							new OhssEditionReader("replayReader", location.get()), new OhssCellProcessor());
					this.warehouseBuild.buildOhssEdition(release.releaseKey(), asOfDate);
				}
				else {
					CbpFileReader reader = new CbpFileReader("replayReader", location.get());
					reader.setCorrectedRecords(records);
					stage(new SourceFileSlice(registered.sourceFileId(), EncounterRowProcessor.TABLE_NAME,
							EncounterRowProcessor.STAGING_TABLE, jobExecutionId), reader, new EncounterRowProcessor());
					Map<Long, RejectedRows.Correction> applied = new HashMap<>();
					reader.correctedLines()
						.forEach((line, asDelivered) -> applied.put(line,
								new RejectedRows.Correction(asDelivered, records.get(line))));
					this.rejectedRows.rememberCorrections(registered.sourceFileId(), registered.tableName(), applied,
							jobExecutionId);
					this.warehouseBuild.buildCbpFile(release.releaseKey(), asOfDate);
				}
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(location.get() + " could not be staged again: " + ex.getMessage(), ex);
			}
			this.warehouseChecks.verifyRejectedShare(this.rejectedRows, release.releaseKey(), source, jobExecutionId,
					this.settings.maxRejectedShare(), this.settings.rejectedRowsFloor());
			this.warehouseChecks.verify(release.releaseKey(), source, jobExecutionId);
			this.releases.publish(release.releaseKey(), jobExecutionId);
			stillRejected[0] = this.rejectedRows.count(release.releaseKey(), null);
			this.loadRunLedger.replayed(jobExecutionId,
					"rejected rows replayed: " + Math.max(0, rejectedBefore - stillRejected[0]) + " loaded, "
							+ stillRejected[0] + " still rejected");
		});
		completed(jobExecutionId);
		long loaded = Math.max(0, rejectedBefore - stillRejected[0]);
		logger.info("Release '{}': {} rejected rows loaded, {} still rejected", label, loaded, stillRejected[0]);
		return new Outcome(source, label, true, loaded, stillRejected[0], null, false, false);
	}

	/**
	 * Marks the run of a release the replay published COMPLETED in the job repository,
	 * when it had failed or stopped (held back, say, then replayed with a raised
	 * threshold), as etl.load_run records it: its release is published, and nothing of it
	 * is left to restart or abandon. An abandoned run stays abandoned. Done once the
	 * publication committed: should it fail, the run reads as before.
	 * @param jobExecutionId the release's run, or null
	 */
	private void completed(Long jobExecutionId) {
		if (jobExecutionId == null) {
			return;
		}
		try {
			JobExecution execution = this.jobRepository.getJobExecution(jobExecutionId);
			if (execution == null
					|| (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
				return;
			}
			execution.setStatus(BatchStatus.COMPLETED);
			execution.setExitStatus(ExitStatus.COMPLETED.addExitDescription("published by courtstats replay-rejects"));
			this.jobRepository.update(execution);
		}
		catch (RuntimeException ex) {
			// The release is published whatever the job repository says of its run.
			logger.warn("Run {} stays marked as it was in the job repository, its release published by the replay: {}",
					jobExecutionId, ex.getMessage(), ex);
		}
	}

	/**
	 * Stages one file again from the start: the writer, opened with a fresh context,
	 * first clears the file's staged, rejected and repaired rows.
	 */
	private <T> void stage(SourceFileSlice slice, ItemStreamReader<T> reader,
			ItemProcessor<? super T, StagedRecord> processor) throws Exception {
		CopyStagingWriter writer = new CopyStagingWriter(this.dataSource, slice);
		writer.open(new ExecutionContext());
		try {
			reader.open(new ExecutionContext());
			List<StagedRecord> chunk = new ArrayList<>();
			for (T item = reader.read(); item != null; item = reader.read()) {
				StagedRecord record = processor.process(item);
				if (record != null) {
					chunk.add(record);
				}
				if (chunk.size() >= this.settings.chunkSize()) {
					writer.write(new Chunk<>(chunk));
					chunk.clear();
				}
			}
			writer.write(new Chunk<>(chunk));
		}
		finally {
			reader.close();
		}
		writer.countRows();
	}

	/**
	 * The records to read a file's lines as: the corrections earlier replays loaded, and
	 * the rejected rows as they now stand, which win over them (a line corrected before
	 * and rejected again holds its latest record there).
	 */
	private static Map<Long, String> toRead(Map<Long, Map<Long, String>> corrections,
			Map<Long, Map<Long, String>> records, long sourceFileId) {
		Map<Long, String> toRead = new HashMap<>(corrections.getOrDefault(sourceFileId, Map.of()));
		toRead.putAll(records.getOrDefault(sourceFileId, Map.of()));
		return toRead;
	}

	/**
	 * Stages an EOIR file again, its given lines read as their records; a waiting line
	 * whose record differs from the file's is read as delivered and its record put in
	 * {@code pending}.
	 * @return the lines read otherwise than the file holds them
	 */
	private Map<Long, RejectedRows.Correction> stage(SourceFileRegistry.RegisteredFile file, Map<Long, String> records,
			Map<Long, String> waiting, Map<Long, String> pending, Long jobExecutionId) {
		Map<Long, RejectedRows.Correction> applied = new HashMap<>();
		Resource resource = (file.archivePath() != null)
				? new ZipEntryResource(Path.of(file.archivePath()), file.relativePath())
				: new FileSystemResource(Path.of(file.path()));
		if (!resource.exists()) {
			String where = (file.archivePath() != null) ? file.relativePath() + " in " + file.archivePath()
					: file.path();
			throw new IntakeException(where + ", a file of the release when it was loaded, is missing. The release "
					+ "is staged again from all its files: put it back as delivered, then replay.");
		}
		EoirFileReader reader = new EoirFileReader("replayReader", resource, file.fileName(),
				EoirTables.named(file.tableName()));
		SourceFileSlice slice = new SourceFileSlice(file.sourceFileId(), file.tableName(),
				EoirTables.named(file.tableName()).stagingTable(), jobExecutionId);
		reader.setLineMapper((line, lineNumber) -> {
			String read = ControlCharacters.strip(line);
			String waitingRecord = waiting.get((long) lineNumber);
			if (waitingRecord != null && !ControlCharacters.strip(waitingRecord).equals(read)) {
				pending.put((long) lineNumber, waitingRecord);
			}
			String text = ControlCharacters.strip(records.getOrDefault((long) lineNumber, line));
			if (!text.equals(read)) {
				applied.put((long) lineNumber, new RejectedRows.Correction(read, text));
			}
			// A line corrected in etl.rejected_row is whole; one as the file holds it
			// is as cut as it was.
			return new EoirLine(lineNumber, text, reader.header(),
					text.equals(read) && reader.lineEndedTheFileUnbroken());
		});
		try {
			stage(slice, reader, new EoirRowProcessor());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(file.path() + " could not be staged again: " + ex.getMessage(), ex);
		}
		return applied;
	}

	/**
	 * Where the release's files are now: where they were loaded from, or else in the
	 * archive folder under the same name.
	 */
	private Optional<Path> loadedFrom(long releaseKey) {
		List<SourceFileRegistry.RegisteredFile> files = this.sourceFiles.filesToStage(releaseKey);
		if (files.isEmpty()) {
			return Optional.empty();
		}
		SourceFileRegistry.RegisteredFile file = files.get(0);
		if (file.archivePath() != null) {
			return Optional.of(Path.of(file.archivePath()));
		}
		String path = file.path();
		return Optional.of(Path.of(path.substring(0, path.length() - file.relativePath().length() - 1)));
	}

	/**
	 * Where a replay looked for a delivery it did not find: where it was loaded from, and
	 * the archive folder, when one is set.
	 */
	private String lookedIn(Optional<Path> loadedFrom) {
		if (loadedFrom.isEmpty()) {
			return " (no file of it is recorded)";
		}
		Optional<Path> archive = this.settings.archiveFolder();
		return " (" + loadedFrom.get() + ")" + archive
			.map((folder) -> " nor in the archive (" + folder.resolve(loadedFrom.get().getFileName().toString()) + ")")
			.orElse(", and no archive is set (courtstats.nightly-load.archive)");
	}

	/**
	 * Where a delivered file or folder is now: where it was loaded from, or else in the
	 * archive folder under the same name.
	 */
	private Optional<Path> fileLocation(Path loadedFrom) {
		if (Files.exists(loadedFrom)) {
			return Optional.of(loadedFrom);
		}
		return this.settings.archiveFolder()
			.map((archive) -> archive.resolve(loadedFrom.getFileName().toString()))
			.filter(Files::exists);
	}

	private static Outcome refused(RejectedRows.Release release, String why) {
		return new Outcome(release.source(), release.releaseLabel(), false, 0, release.rowsRejected(),
				"not replayed: " + why, false, false);
	}

	/**
	 * What a replay did with one release.
	 *
	 * @param source eoir, ohss or cbp
	 * @param releaseLabel the release
	 * @param replayed whether it was staged and integrated again
	 * @param rowsLoaded rejected rows that now read and were loaded
	 * @param rowsStillRejected rejected rows that still fail (all of them when not
	 * replayed)
	 * @param message why it was not replayed or was passed over, what a replay of one
	 * table left waiting in {@code etl.rejected_row}, or null
	 * @param heldBack whether it was staged and integrated again but held back, not
	 * published: it still rejects more rows than the threshold allows, or an error check
	 * failed
	 * @param passedOver whether it was not tried, being abandoned, when no run was chosen
	 */
	public record Outcome(String source, String releaseLabel, boolean replayed, long rowsLoaded, long rowsStillRejected,
			String message, boolean heldBack, boolean passedOver) {
	}

}
