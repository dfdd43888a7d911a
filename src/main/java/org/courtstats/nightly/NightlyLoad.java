package org.courtstats.nightly;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.courtstats.intake.BorderFile;
import org.courtstats.intake.EoirRelease;
import org.courtstats.intake.Inbox;
import org.courtstats.intake.InboxUnreadableException;
import org.courtstats.intake.IntakeException;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.pull.PullOutcome;
import org.courtstats.pull.SourcePull;
import org.courtstats.warehouse.DatabaseFailures;
import org.courtstats.warehouse.EmbeddedWarehouse;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs the nightly load over an inbox: each release found, oldest first, is loaded by its
 * own run, identified by source and release. A release already published is left alone; a
 * release whose run failed is resumed by launching it again. After a failure, newer
 * releases wait, since each snapshot is compared with the one before it.
 */
@Service
public class NightlyLoad {

	private static final Logger logger = LoggerFactory.getLogger(NightlyLoad.class);

	/**
	 * The label of the one outcome that stands for every EOIR release of an inbox the
	 * load cannot place in date order.
	 */
	public static final String EOIR_RELEASES_REFUSED = "EOIR releases in the inbox";

	private final JobOperator jobOperator;

	private final Job eoirReleaseJob;

	private final Job ohssEditionJob;

	private final Job cbpFileJob;

	private final Releases releases;

	private final RunLock runLock;

	private final SourceFileRegistry sourceFiles;

	private final JobRepository jobRepository;

	private final InterruptedRuns interruptedRuns;

	/** The server this process started, when the warehouse is the embedded one. */
	private final ObjectProvider<EmbeddedWarehouse> embeddedWarehouse;

	private final NightlyLoadSettings settings;

	private final SourcePull sourcePull;

	/**
	 * Set when the process is asked to end: no further run starts.
	 */
	private volatile boolean ending;

	NightlyLoad(JobOperator jobOperator, Job eoirReleaseJob, Job ohssEditionJob, Job cbpFileJob, Releases releases,
			RunLock runLock, SourceFileRegistry sourceFiles, JobRepository jobRepository,
			InterruptedRuns interruptedRuns, NightlyLoadSettings settings, SourcePull sourcePull,
			ObjectProvider<EmbeddedWarehouse> embeddedWarehouse) {
		this.settings = settings;
		this.embeddedWarehouse = embeddedWarehouse;
		this.sourcePull = sourcePull;
		this.sourceFiles = sourceFiles;
		this.jobOperator = jobOperator;
		this.eoirReleaseJob = eoirReleaseJob;
		this.ohssEditionJob = ohssEditionJob;
		this.cbpFileJob = cbpFileJob;
		this.releases = releases;
		this.runLock = runLock;
		this.jobRepository = jobRepository;
		this.interruptedRuns = interruptedRuns;
	}

	/**
	 * Refuses an archive folder inside the inbox, where the archived deliveries would be
	 * found again.
	 * @param inbox the inbox folder
	 * @param archive the value of {@code courtstats.nightly-load.archive}, if set
	 * @throws InvalidSettingException when it lies inside the inbox
	 */
	static void verifyArchive(Path inbox, Optional<Path> archive) {
		if (archive.isPresent()
				&& archive.get().toAbsolutePath().normalize().startsWith(inbox.toAbsolutePath().normalize())) {
			throw InvalidSettingException.refused("courtstats.nightly-load.archive", archive.get(),
					", which lies inside the inbox " + inbox.toAbsolutePath() + " (" + archive.get().toAbsolutePath()
							+ "), where the archived deliveries would be found again. Set "
							+ "courtstats.nightly-load.archive to a folder outside the inbox.",
					null);
		}
	}

	/**
	 * Loads the releases in an inbox.
	 * @param inbox the inbox folder
	 * @param releaseLabel a label for the one release in the inbox, or null to take
	 * folder names
	 * @return what happened to each release, oldest first
	 */
	public List<ReleaseOutcome> run(Path inbox, String releaseLabel) {
		return run(inbox, releaseLabel, false);
	}

	/**
	 * Loads the releases in an inbox.
	 * @param inbox the inbox folder
	 * @param releaseLabel a label for the one release in the inbox, or null to take
	 * folder names
	 * @param allowOlder load a release older than the latest one loaded, instead of
	 * refusing it: its snapshot then replaces the newer one's
	 * @return what happened to each release, oldest first (the EOIR releases as one
	 * outcome, {@link #EOIR_RELEASES_REFUSED}, when the inbox cannot place them in date
	 * order)
	 */
	public List<ReleaseOutcome> run(Path inbox, String releaseLabel, boolean allowOlder) {
		verifyArchive(inbox, this.settings.archiveFolder());
		long started = System.nanoTime();
		boolean ended = false;
		// A load refused the lock did not start: its caller says so.
		RunLock.Lease lease = this.runLock.acquire();
		try (lease) {
			// Pulled under the run lock, so that two loads never write the same file.
			List<PullOutcome> pulled = this.sourcePull.enabledForLoad() ? this.sourcePull.pull(inbox, null) : List.of();
			List<EoirRelease> found;
			IntakeException eoirRefused = null;
			try {
				found = Inbox.eoirReleases(inbox, releaseLabel);
			}
			catch (InboxUnreadableException ex) {
				throw ex;
			}
			catch (IntakeException ex) {
				// A release the inbox cannot order (a name without a date, the same
				// release twice, a folder that cannot be read) keeps every EOIR release
				// from loading, since they load in date order; the OHSS and CBP files do
				// not depend on them.
				found = List.of();
				eoirRefused = ex;
			}
			List<BorderFile> borderFiles = Inbox.borderFiles(inbox);
			Instant now = Instant.now();
			// A run still marked as running while this process holds the run lock was
			// left by a process that ended: marked failed, its release resumes below.
			this.interruptedRuns.recover();
			List<ReleaseOutcome> outcomes = new ArrayList<>();
			pulled.stream()
				.filter(PullOutcome::isFailure)
				.forEach((failure) -> outcomes.add(new ReleaseOutcome(failure.kind(), failure.url(),
						ReleaseOutcome.Status.FAILED, null, "pull of source " + failure.message())));
			if (eoirRefused != null) {
				outcomes.add(new ReleaseOutcome(EoirReleaseJobConfiguration.SOURCE, EOIR_RELEASES_REFUSED,
						ReleaseOutcome.Status.REFUSED, null, eoirRefused.getMessage()
								+ " No EOIR release in the inbox loads until this is fixed; the other deliveries do."));
			}
			else if (pulled.stream().anyMatch((outcome) -> outcome.isFailure() && outcome.kind().equals("eoir"))) {
				// The EOIR part starts only on a complete, verified release: yesterday's
				// warehouse stays as it is.
				logger.warn("The EOIR source was not pulled; no EOIR release is loaded this run");
			}
			else {
				outcomes.addAll(load(inbox, found, allowOlder, now));
			}
			for (BorderFile file : borderFiles) {
				try {
					if (!Inbox.isSettled(file.path(), this.settings.settleTime(), now)) {
						outcomes.add(waiting(file.source(), file.label(), file.path()));
						continue;
					}
					ReleaseOutcome outcome = load(inbox, file);
					outcomes.add(outcome);
					archive(inbox, file.path(), outcome);
				}
				catch (IntakeException ex) {
					// One unreadable file does not keep the others of the night from
					// loading.
					outcomes.add(new ReleaseOutcome(file.source(), file.label(), ReleaseOutcome.Status.FAILED, null,
							ex.getMessage()));
				}
			}
			// A release refused or failed before a job ran leaves no trace in the job
			// repository: the log says why, for a scheduled run as for a command.
			outcomes.stream()
				.filter((outcome) -> outcome.isFailure() && outcome.jobExecutionId() == null)
				.forEach((outcome) -> logger.warn("{} '{}' {}: {}", outcome.source(), outcome.releaseLabel(),
						outcome.statusText(), outcome.message()));
			ended = true;
			return outcomes;
		}
		finally {
			logger.info("Nightly load of {} {} {} ms", inbox.toAbsolutePath(), ended ? "took" : "failed after",
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	private List<ReleaseOutcome> load(Path inbox, List<EoirRelease> found, boolean allowOlder, Instant now) {
		if (found.isEmpty()) {
			logger.info("No EOIR release in {}", inbox.toAbsolutePath());
		}
		List<ReleaseOutcome> outcomes = new ArrayList<>();
		// The release that did not load: the newer ones wait for it.
		ReleaseOutcome blocking = null;
		String arriving = null;
		for (EoirRelease release : found) {
			String source = EoirReleaseJobConfiguration.SOURCE;
			if (arriving != null) {
				// Releases load in date order: a newer one waits for the older one still
				// arriving.
				outcomes.add(new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.WAITING, null,
						"waits for release '" + arriving + "', still being written"));
				continue;
			}
			boolean settled;
			try {
				settled = blocking != null || Inbox.isSettled(release.location(), this.settings.settleTime(), now);
			}
			catch (IntakeException ex) {
				// Unreadable now (a file removed or locked while it was checked): this
				// release fails, the ones after it wait, the other deliveries load.
				blocking = unreadable(source, release, ex);
				outcomes.add(blocking);
				continue;
			}
			if (!settled) {
				arriving = release.label();
				outcomes.add(waiting(source, release.label(), release.location()));
				continue;
			}
			if (blocking != null) {
				outcomes.add(new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.NOT_STARTED, null,
						"waits for release '" + blocking.releaseLabel() + "' before it, which did not load ("
								+ blocking.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"));
				continue;
			}
			boolean published = this.releases.isPublished(source, release.label());
			if (published || this.sourceFiles.isRecordedDuplicate(source, release.label())) {
				Optional<String> difference;
				try {
					difference = this.sourceFiles.differenceFromRecorded(release);
				}
				catch (IntakeException ex) {
					blocking = unreadable(source, release, ex);
					outcomes.add(blocking);
					continue;
				}
				if (difference.isPresent()) {
					outcomes.add(new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.REFUSED, null,
							"it was loaded before from other files (" + difference.get() + "). A release is loaded "
									+ "once: deliver the new snapshot under its own label, e.g. with its date."));
					continue;
				}
				logger.info("Release '{}' is already loaded; nothing to do", release.label());
				outcomes
					.add(new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.ALREADY_LOADED, null, null));
				if (published) {
					archiveLoadedBefore(inbox, release.location());
				}
				continue;
			}
			Optional<Releases.Published> latest = this.releases.newestPublished(source);
			if (latest.isPresent() && latest.get().asOfDate().isAfter(release.asOfDate()) && allowOlder) {
				logger.warn("Release '{}' is older than release '{}', loaded already; loading it as told",
						release.label(), latest.get().label());
			}
			else if (latest.isPresent() && latest.get().asOfDate().isAfter(release.asOfDate())) {
				outcomes.add(new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.REFUSED, null,
						"it is older than release '" + latest.get().label() + "' (as of " + latest.get().asOfDate()
								+ "), loaded already: loading it now would take the warehouse back in time. "
								+ "Remove it from the inbox, or load it with --allow-older if it is to replace "
								+ "the newer snapshot."));
				continue;
			}
			if (this.ending) {
				outcomes.add(notStartedAsTheProcessEnds(source, release.label()));
				continue;
			}
			ReleaseOutcome outcome = launch(release);
			blocking = outcome.isFailure() ? outcome : null;
			outcomes.add(outcome);
			archive(inbox, release.location(), outcome);
		}
		return outcomes;
	}

	/**
	 * The failure of a release whose files could not be read as it was looked at.
	 */
	private static ReleaseOutcome unreadable(String source, EoirRelease release, IntakeException ex) {
		return new ReleaseOutcome(source, release.label(), ReleaseOutcome.Status.FAILED, null, ex.getMessage());
	}

	/**
	 * Starts no further run: the process is asked to end once the run going now has
	 * stopped. The releases not started load on the next run.
	 */
	void startNoMoreRuns() {
		this.ending = true;
	}

	private ReleaseOutcome notStartedAsTheProcessEnds(String source, String label) {
		return new ReleaseOutcome(source, label, ReleaseOutcome.Status.NOT_STARTED, null,
				"the process was asked to end before it started; the next load loads it");
	}

	private ReleaseOutcome waiting(String source, String label, Path delivery) {
		String message = "still being written: modified within the last " + this.settings.settleTime().toSeconds()
				+ " s (courtstats.nightly-load.settle-time), and no " + Inbox.doneMarker(delivery).getFileName()
				+ " beside it; the next run reads it";
		logger.info("{}: {}", delivery, message);
		return new ReleaseOutcome(source, label, ReleaseOutcome.Status.WAITING, null, message);
	}

	/**
	 * Moves a delivery its run just published into the archive folder, when one is set. A
	 * delivery that cannot be moved stays in the inbox, where it is recognised as loaded:
	 * the load is not failed for it, and the next load moves it.
	 */
	private void archive(Path inbox, Path delivery, ReleaseOutcome outcome) {
		if (outcome.status() == ReleaseOutcome.Status.LOADED) {
			moveToArchive(inbox, delivery);
		}
	}

	/**
	 * Moves a delivery published on an earlier run into the archive folder, when one is
	 * set and the delivery is not there: its move failed then (a full disk), or the
	 * archive was set since. The same bytes delivered again once it was archived stay in
	 * the inbox.
	 */
	private void archiveLoadedBefore(Path inbox, Path delivery) {
		Optional<Path> archive = this.settings.archiveFolder();
		if (archive.isPresent()
				&& !Files.exists(archive.get().resolve(delivery.getFileName().toString()), LinkOption.NOFOLLOW_LINKS)) {
			moveToArchive(inbox, delivery);
		}
	}

	private void moveToArchive(Path inbox, Path delivery) {
		Optional<Path> archive = this.settings.archiveFolder();
		if (archive.isEmpty() || delivery.toAbsolutePath().normalize().equals(inbox.toAbsolutePath().normalize())) {
			return;
		}
		try {
			Path target = Inbox.archive(delivery, archive.get());
			logger.info("{}: published, moved to {}", delivery.getFileName(), target);
		}
		catch (IntakeException ex) {
			logger.warn(ex.getMessage());
		}
	}

	/**
	 * Loads a DHS OHSS workbook or a CBP encounters file, unless it was loaded before.
	 * Editions and CBP files load in any order: the warehouse keeps the newest value of
	 * each cell and the newest file's rows of each fiscal year, whatever came first.
	 */
	private ReleaseOutcome load(Path inbox, BorderFile file) {
		String source = file.source();
		boolean published = this.releases.isPublished(source, file.label());
		if (published || this.sourceFiles.isRecordedDuplicate(source, file.label())) {
			Optional<String> difference = this.sourceFiles.differenceFromRecorded(file);
			if (difference.isPresent()) {
				return new ReleaseOutcome(source, file.label(), ReleaseOutcome.Status.REFUSED, null,
						file.fileName() + " was loaded before, and " + difference.get() + ". A file is loaded "
								+ "once: deliver a corrected file under a new name, e.g. with its publication date.");
			}
			logger.info("{} is already loaded; nothing to do", file.fileName());
			if (published) {
				archiveLoadedBefore(inbox, file.path());
			}
			return new ReleaseOutcome(source, file.label(), ReleaseOutcome.Status.ALREADY_LOADED, null, null);
		}
		if (this.ending) {
			return notStartedAsTheProcessEnds(source, file.label());
		}
		JobParameters parameters = new JobParametersBuilder().addString("source", source)
			.addString("release", file.label())
			.addString("filePath", file.path().toAbsolutePath().normalize().toString(), false)
			.toJobParameters();
		logger.info("Loading {} file {}", source.toUpperCase(Locale.ROOT), file.path());
		Job job = source.equals(BorderFile.OHSS) ? this.ohssEditionJob : this.cbpFileJob;
		return launch(job, source, file.label(), parameters);
	}

	private ReleaseOutcome launch(EoirRelease release) {
		JobParameters parameters = new JobParametersBuilder().addString("source", EoirReleaseJobConfiguration.SOURCE)
			.addString("release", release.label())
			.addString("releasePath", release.location().toAbsolutePath().normalize().toString(), false)
			.toJobParameters();
		logger.info("Loading release '{}' from {}", release.label(), release.location());
		return launch(this.eoirReleaseJob, EoirReleaseJobConfiguration.SOURCE, release.label(), parameters);
	}

	/**
	 * Starts a release's job, or restarts it from where its last run stopped. When the
	 * database connection fails (PostgreSQL restarting, a network cut), the run is
	 * restarted from its last committed chunk after a pause that doubles each time, up to
	 * {@code courtstats.nightly-load.database-retry.attempts} runs in all.
	 * @throws WarehouseUnavailableException when the database stays unreachable past the
	 * last attempt
	 */
	ReleaseOutcome launch(Job job, String source, String label, JobParameters parameters) {
		Optional<Long> abandoned = this.releases.abandonedRun(source, label);
		if (abandoned.isPresent()) {
			// The job repository's record of the abandoned run may have been purged, and
			// Spring Batch would then run the label again as new.
			return refusedAsAbandoned(source, label, abandoned.get());
		}
		NightlyLoadSettings.DatabaseRetry retry = this.settings.databaseRetry();
		RetryTemplate retryTemplate = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(Math.max(0, retry.attempts() - 1))
			.delay(retry.initialBackoff())
			.multiplier(2)
			.maxDelay(retry.maxBackoff())
			// Nothing but courtstats starts the embedded server again once it has ended.
			.predicate((failure) -> DatabaseFailures.isConnectionFailure(failure) && embeddedServerEnded().isEmpty())
			.build());
		AtomicInteger attempts = new AtomicInteger();
		Instant started = Instant.now();
		try {
			return retryTemplate.execute(() -> attempt(job, source, label, parameters, attempts.incrementAndGet()));
		}
		catch (RetryException ex) {
			Throwable last = (ex.getLastException() != null) ? ex.getLastException() : ex.getCause();
			Optional<WarehouseUnavailableException> ended = serverEnded(label, last);
			if (ended.isPresent()) {
				throw ended.get();
			}
			if (last instanceof RuntimeException runtime && !DatabaseFailures.isConnectionFailure(runtime)) {
				throw runtime;
			}
			throw new WarehouseUnavailableException("The warehouse database is unreachable ("
					+ LoadFailures.rootMessage(last) + "): the load of '" + label + "' gave up after " + attempts.get()
					+ " attempts over " + Duration.between(started, Instant.now()).toSeconds()
					+ " s (courtstats.nightly-load.database-retry). Nothing committed is lost: once PostgreSQL is "
					+ "back, run the same command again; it resumes where it stopped.", last);
		}
	}

	/**
	 * One attempt at a release's run. After a lost connection the run lock is taken again
	 * (its session ended with the connection) and the run left behind is made
	 * restartable; a publication that committed before the connection was lost is not
	 * done again.
	 */
	private ReleaseOutcome attempt(Job job, String source, String label, JobParameters parameters, int attempt) {
		if (attempt > 1) {
			logger.info("Resuming release '{}' after a lost database connection (attempt {} of {})", label, attempt,
					this.settings.databaseRetry().attempts());
			this.runLock.reacquire();
			if (this.releases.isPublished(source, label)) {
				logger.info("Release '{}' was published before the connection was lost", label);
				return new ReleaseOutcome(source, label, ReleaseOutcome.Status.LOADED, null, null);
			}
		}
		this.interruptedRuns.makeRestartable(job.getName(), parameters);
		return launchOnce(job, source, label, parameters);
	}

	private Optional<String> embeddedServerEnded() {
		EmbeddedWarehouse embedded = this.embeddedWarehouse.getIfAvailable();
		return (embedded != null) ? embedded.serverEnded() : Optional.empty();
	}

	/**
	 * The failure of a load whose embedded server ended under it: whatever error the load
	 * met on the way down, that is its cause, and waiting for the server is in vain.
	 */
	private Optional<WarehouseUnavailableException> serverEnded(String label, Throwable cause) {
		return embeddedServerEnded().map((ended) -> new WarehouseUnavailableException(
				"The warehouse database is unreachable, and the load of '" + label + "' stopped: " + ended
						+ ": it starts the server again and resumes where it stopped. Nothing committed is lost.",
				cause));
	}

	private static ReleaseOutcome refusedAsAbandoned(String source, String label, long run) {
		return new ReleaseOutcome(source, label, ReleaseOutcome.Status.REFUSED, run,
				"its run " + run + " was abandoned (courtstats abandon), and an abandoned release is never loaded "
						+ "again under the same label. Deliver it under a new label (e.g. with its date), or remove "
						+ "it from the inbox.");
	}

	private ReleaseOutcome launchOnce(Job job, String source, String label, JobParameters parameters) {
		try {
			JobExecution execution = this.jobOperator.start(job, parameters);
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				Optional<WarehouseUnavailableException> ended = serverEnded(label,
						execution.getAllFailureExceptions().stream().findFirst().orElse(null));
				if (ended.isPresent()) {
					throw ended.get();
				}
			}
			Optional<Throwable> lostConnection = execution.getAllFailureExceptions()
				.stream()
				.filter(DatabaseFailures::isConnectionFailure)
				.findFirst();
			if (execution.getStatus() != BatchStatus.COMPLETED && lostConnection.isPresent()) {
				logger.warn("Release '{}': the database connection was lost ({}); its run {} stops here", label,
						LoadFailures.rootMessage(lostConnection.get()), execution.getId());
				throw new WarehouseUnavailableException(
						"The database connection was lost: " + LoadFailures.rootMessage(lostConnection.get()),
						lostConnection.get());
			}
			String duplicateOf = execution.getExecutionContext()
				.getString(EoirReleaseJobConfiguration.DUPLICATE_OF, null);
			if (execution.getStatus() == BatchStatus.COMPLETED && duplicateOf != null) {
				return new ReleaseOutcome(source, label, ReleaseOutcome.Status.ALREADY_LOADED, execution.getId(),
						"holds the same bytes as release '" + duplicateOf + "', loaded before");
			}
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				return new ReleaseOutcome(source, label, ReleaseOutcome.Status.LOADED, execution.getId(), null);
			}
			if (execution.getStatus() == BatchStatus.STOPPED) {
				return new ReleaseOutcome(source, label, ReleaseOutcome.Status.STOPPED, execution.getId(),
						LoadFailures.describe(execution));
			}
			ReleaseOutcome.Status status = LoadFailures.isHeldBack(execution) ? ReleaseOutcome.Status.HELD_BACK
					: ReleaseOutcome.Status.FAILED;
			String message = LoadFailures.describe(execution);
			EmbeddedWarehouse embedded = this.embeddedWarehouse.getIfAvailable();
			if (embedded != null && LoadFailures.isDiskFull(execution)) {
				message = message + " " + embedded.whereItWrites();
			}
			return new ReleaseOutcome(source, label, status, execution.getId(), message);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), parameters);
			if (last != null && last.getStatus() == BatchStatus.ABANDONED) {
				// Spring Batch never runs an abandoned instance again, and the release's
				// label is its identity: only a new label loads it.
				return refusedAsAbandoned(source, label, last.getId());
			}
			return new ReleaseOutcome(source, label, ReleaseOutcome.Status.ALREADY_LOADED, null, null);
		}
		catch (WarehouseUnavailableException ex) {
			throw ex;
		}
		catch (Exception ex) {
			Optional<WarehouseUnavailableException> ended = serverEnded(label, ex);
			if (ended.isPresent()) {
				throw ended.get();
			}
			if (DatabaseFailures.isConnectionFailure(ex)) {
				logger.warn("Release '{}': the database connection was lost ({})", label, LoadFailures.rootMessage(ex));
				throw (ex instanceof RuntimeException runtime) ? runtime
						: new WarehouseUnavailableException("The database connection was lost", ex);
			}
			return new ReleaseOutcome(source, label, ReleaseOutcome.Status.FAILED, null, "the load of '" + label
					+ "' could not start: " + ex.getMessage() + ". Fix the cause, then run the load again.");
		}
	}

}
