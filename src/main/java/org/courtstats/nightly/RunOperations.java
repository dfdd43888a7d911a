package org.courtstats.nightly;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.courtstats.intake.ReleaseLabels;
import org.courtstats.warehouse.LoadRunLedger;
import org.courtstats.warehouse.PublicationGate;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunHistory;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does to the runs of the nightly load: look at them, restart, stop or
 * abandon one, recover those a dead process left marked as running, and purge old ones
 * from the job repository. Everything that changes a run but {@code stop} holds the run
 * lock, so it never races a live load.
 */
@Service
public class RunOperations {

	private static final Logger logger = LoggerFactory.getLogger(RunOperations.class);

	/**
	 * The publication step of each job: integration, checks and publication, in one
	 * transaction.
	 */
	private static final Set<String> PUBLICATION_STEPS = Set.of("publishRelease", "publishEdition",
			"publishEncounterFile");

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, Job> jobs;

	private final RunLock runLock;

	private final RunHistory runHistory;

	private final InterruptedRuns interruptedRuns;

	private final LoadRunLedger loadRunLedger;

	private final Releases releases;

	private final NightlyLoad nightlyLoad;

	private final PublicationGate publicationGate;

	private final TransactionTemplate transaction;

	RunOperations(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, RunLock runLock,
			RunHistory runHistory, InterruptedRuns interruptedRuns, LoadRunLedger loadRunLedger, Releases releases,
			NightlyLoad nightlyLoad, PublicationGate publicationGate, PlatformTransactionManager transactionManager) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
		this.runLock = runLock;
		this.runHistory = runHistory;
		this.interruptedRuns = interruptedRuns;
		this.loadRunLedger = loadRunLedger;
		this.releases = releases;
		this.nightlyLoad = nightlyLoad;
		this.publicationGate = publicationGate;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * The latest runs, those marked as running, and whether a live load holds the run
	 * lock (then they run; else a dead process left them).
	 * @param limit how many recent runs
	 * @return the status
	 */
	public Status status(int limit) {
		List<RunHistory.Run> recent = this.runHistory.recent(limit);
		return new Status(recent, this.runHistory.markedRunning(), this.runLock.isHeldElsewhere(),
				this.runHistory.flaggedChecks(recent.stream().map(RunHistory.Run::executionId).toList()),
				recent.isEmpty() ? this.runHistory.runsInLedger() : recent.size());
	}

	/**
	 * The data-quality checks a run made over its release, passed or not.
	 * @param run a job execution id
	 * @return its results, in the order the checks ran; none when it did not reach its
	 * publish step
	 */
	public List<WarehouseChecks.CheckResult> checks(long run) {
		return this.runHistory.checks(run);
	}

	/**
	 * Restarts a failed or stopped run from its failed step and last committed chunk.
	 * @param executionId the run
	 * @return what the restart did
	 * @throws IllegalArgumentException when the run is unknown or cannot be restarted
	 * @throws org.courtstats.warehouse.RunLockException when a load is running
	 */
	public ReleaseOutcome restart(long executionId) {
		try (RunLock.Lease lease = this.runLock.acquire()) {
			JobExecution execution = find(executionId);
			String source = execution.getJobParameters().getString("source");
			String release = execution.getJobParameters().getString("release");
			String run = "Run " + executionId + " (" + source + " release '" + release + "')";
			BatchStatus status = execution.getStatus();
			if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
				throw new IllegalArgumentException(
						run + " is " + status + " and cannot be restarted" + ((status == BatchStatus.ABANDONED)
								? ": an abandoned release loads again only under a new label." : "."));
			}
			if (status.isRunning()) {
				throw new IllegalArgumentException(run + " is still marked " + status + ", but no load holds the "
						+ "run lock: the process running it ended. Run `courtstats recover` first, then restart it.");
			}
			JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			if (last != null && last.getId() != executionId) {
				throw new IllegalArgumentException(run + " is not the latest run of its release: "
						+ laterRun(last, "restart that one", "nothing is left to restart"));
			}
			if (source != null && release != null && this.releases.isPublished(source, release)) {
				// A run stopped between the staging's end and the publication's start by
				// a version that let a stop through there: it reads STOPPED, the release
				// is loaded.
				throw new IllegalArgumentException(run + " is " + status + ", but its release is published: "
						+ "nothing is left to load. Abandon the run to close it.");
			}
			if (EoirReleaseJobConfiguration.SOURCE.equals(source) && release != null) {
				// The label's date, as a load reads it: a run that failed before it
				// registered its release has no row in dim_release.
				Optional<LocalDate> asOf = Optional.ofNullable(ReleaseLabels.asOfDate(release))
					.or(() -> this.releases.asOfDate(source, release));
				Optional<Releases.Published> newest = this.releases.newestPublished(source);
				if (asOf.isPresent() && newest.isPresent() && newest.get().asOfDate().isAfter(asOf.get())) {
					// As a load refuses it: a full snapshot older than the one published
					// would take the warehouse back in time.
					throw new IllegalArgumentException(run + " is older than release '" + newest.get().label()
							+ "' (as of " + newest.get().asOfDate() + "), published since: restarting it would "
							+ "take the warehouse back in time. Abandon it (courtstats abandon " + executionId
							+ "), or, if it is to replace the newer snapshot, put it in the inbox and run load "
							+ "--allow-older.");
				}
			}
			Job job = this.jobs.get(execution.getJobInstance().getJobName());
			if (job == null) {
				throw new IllegalArgumentException(run + " belongs to job '" + execution.getJobInstance().getJobName()
						+ "', which this version of courtstats does not have.");
			}
			logger.info("Restarting run {} of release '{}'", executionId, release);
			return this.nightlyLoad.launch(job, source, release, execution.getJobParameters());
		}
	}

	/**
	 * Asks a running run, which may be in another process, to stop: it is marked STOPPING
	 * in the job repository, and each of its steps stops after its current chunk commits,
	 * when it next writes its progress there.
	 * @param executionId the run
	 * @return the run as marked
	 * @throws IllegalArgumentException when the run is unknown or not running
	 */
	public JobExecution stop(long executionId) {
		JobExecution execution = find(executionId);
		String run = "Run " + executionId + " (release '" + execution.getJobParameters().getString("release") + "')";
		if (!execution.isRunning()) {
			throw new IllegalArgumentException(run + " is not running (" + execution.getStatus() + ").");
		}
		// A run left marked by a process that ended is told as such, whether it was
		// marked stopping or not: no stop will ever end it.
		if (!this.runLock.isHeldElsewhere()) {
			throw new IllegalArgumentException(run + " is marked " + execution.getStatus() + ", but no load holds "
					+ "the run lock: the process running it ended. Run `courtstats recover` to mark it failed.");
		}
		if (execution.getStatus() == BatchStatus.STOPPING) {
			throw new IllegalArgumentException(run + " is already stopping.");
		}
		if (!stopUnlessPublishing(executionId)) {
			if (isPublished(find(executionId))) {
				throw new IllegalArgumentException(run + " has published its release and is recording its end: "
						+ "there is nothing left to stop. `courtstats status` shows how it ended.");
			}
			throw new IllegalArgumentException(run + " is publishing its release, in one transaction that does not "
					+ "stop part way: the run ends once it commits, or rolls back if it fails. `courtstats status` "
					+ "shows how it ended.");
		}
		logger.info("Run {} asked to stop", executionId);
		return find(executionId);
	}

	/**
	 * Asks the runs of this process to stop after their current chunk, as the process
	 * ends: while it holds the run lock, the runs marked running are its own; otherwise
	 * it runs none and nothing is stopped. A run that is publishing its release is left
	 * to end.
	 */
	void stopRunsOfThisProcess() {
		if (!this.runLock.isHeldHere()) {
			// Before this process took the lock, or after it let it go: the runs marked
			// running are another process's.
			return;
		}
		for (Job job : this.jobs.values()) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(job.getName())) {
				String release = execution.getJobParameters().getString("release");
				try {
					if (stopUnlessPublishing(execution.getId())) {
						logger.warn("Stopping run {} of release '{}' after its current chunk; the next run resumes it",
								execution.getId(), release);
					}
					else {
						logger.warn("Run {} is publishing release '{}', in one transaction: waiting for it to end",
								execution.getId(), release);
					}
				}
				catch (Exception ex) {
					logger.warn("Could not stop run {}: {}", execution.getId(), ex.getMessage());
				}
			}
		}
	}

	/**
	 * Asks a run to stop after its current chunk unless it publishes its release, or has
	 * just published it and is ending, through the publication's gate: a publication that
	 * starts after the stop sees it and publishes nothing.
	 * @param executionId the run
	 * @return true when the run was asked to stop; false when it publishes
	 * @throws IllegalArgumentException when the run ended meanwhile
	 */
	private boolean stopUnlessPublishing(long executionId) {
		return this.publicationGate.outsidePublication(() -> {
			JobExecution latest = find(executionId);
			requireRunning(latest);
			if (isPublishing(latest) || isPublished(latest)) {
				return false;
			}
			try {
				requestStop(latest);
			}
			catch (OptimisticLockingFailureException ex) {
				// The run recorded its end, or another stop marked it, since it was read.
				JobExecution now = find(executionId);
				requireRunning(now);
				throw new IllegalArgumentException("Run " + executionId + " (release '"
						+ now.getJobParameters().getString("release") + "') is " + now.getStatus() + " already.", ex);
			}
			return true;
		});
	}

	private static void requireRunning(JobExecution execution) {
		if (!execution.isRunning()) {
			throw new IllegalArgumentException(
					"Run " + execution.getId() + " (release '" + execution.getJobParameters().getString("release")
							+ "') is not running (" + execution.getStatus() + ").");
		}
	}

	/**
	 * Whether a run's release is published: once its publication committed, the run only
	 * records its end, and a stop then would record it STOPPED.
	 */
	private boolean isPublished(JobExecution execution) {
		String source = execution.getJobParameters().getString("source");
		String release = execution.getJobParameters().getString("release");
		return source != null && release != null && this.releases.isPublished(source, release);
	}

	/**
	 * Whether a run is in its publication step: one transaction, which a stop would not
	 * cut short but would record, once it committed, as a run STOPPED with its release
	 * published.
	 * @param execution the run, as last read from the repository
	 * @return true while the run publishes
	 */
	static boolean isPublishing(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.anyMatch((step) -> PUBLICATION_STEPS.contains(step.getStepName()) && step.getStatus().isRunning());
	}

	/**
	 * Starts a publication: holds the publication's gate for its transaction, so that no
	 * stop lands during it, and ends the step STOPPED, publishing nothing, when a stop
	 * landed before it started. Spring Batch would look for that stop only once the
	 * publication had committed, and record the run STOPPED with its release published.
	 * @param publicationGate the gate
	 * @param run the publishing run
	 * @throws JobInterruptedException when the run was asked to stop
	 */
	static void enterPublication(PublicationGate publicationGate, long run) throws JobInterruptedException {
		if (publicationGate.stopRequestedBeforePublication(run)) {
			throw new JobInterruptedException("Run " + run + " was asked to stop before its publication started");
		}
	}

	/**
	 * Asks a running run to stop after its current chunk commits, wherever it runs.
	 * <p>
	 * Not {@code JobOperator.stop}: it stamps an end time, which
	 * {@code JobRepository.update} turns into STOPPED at once, while the run still
	 * finishes its chunk. Marked STOPPING, the run's steps see it when they next record
	 * their progress (each chunk), stop, and the load records STOPPED itself.
	 * @param execution the run, as last read from the repository
	 */
	void requestStop(JobExecution execution) {
		execution.setStatus(BatchStatus.STOPPING);
		this.jobRepository.update(execution);
	}

	/**
	 * Marks a failed or stopped run ABANDONED: Spring Batch never restarts it, nor runs
	 * its release (its job instance) again, so the release loads again only under a new
	 * label. Its staged rows are deleted in the same transaction, since nothing would
	 * ever load or clear them; its rejected and repaired rows stay, with the run.
	 * @param executionId the run
	 * @return the run as marked
	 * @throws IllegalArgumentException when the run is unknown, running or completed
	 */
	public JobExecution abandon(long executionId) {
		try (RunLock.Lease lease = this.runLock.acquire()) {
			JobExecution execution = find(executionId);
			String run = "Run " + executionId + " (release '" + execution.getJobParameters().getString("release")
					+ "')";
			BatchStatus status = execution.getStatus();
			if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
				throw new IllegalArgumentException(run + " is " + status + " already: there is nothing to abandon.");
			}
			if (status.isRunning()) {
				throw new IllegalArgumentException(run + " is still marked " + status + ", but no load holds the "
						+ "run lock: run `courtstats recover` first, then abandon it.");
			}
			JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
			if (last != null && last.getId() != executionId) {
				// A later run of the release decides what becomes of it.
				throw new IllegalArgumentException(run + " is not the latest run of its release: "
						+ laterRun(last, "abandon that one, if it is to be abandoned", "there is nothing to abandon"));
			}
			this.transaction.executeWithoutResult((transactionStatus) -> {
				try {
					this.jobOperator.abandon(execution);
				}
				catch (Exception ex) {
					throw new IllegalArgumentException(run + " could not be abandoned: " + ex.getMessage(), ex);
				}
				this.loadRunLedger.markStatus(executionId, BatchStatus.ABANDONED.name());
				clearStaged(execution);
			});
			logger.info("Run {} abandoned", executionId);
			return find(executionId);
		}
	}

	/**
	 * Deletes the staged rows of an abandoned run's release: its job instance never runs
	 * again, and the same files delivered under a new label are registered anew, so
	 * nothing would ever clear them, and every load would read past them.
	 */
	private void clearStaged(JobExecution execution) {
		String source = execution.getJobParameters().getString("source");
		String release = execution.getJobParameters().getString("release");
		if (source != null && release != null) {
			this.releases.recorded(source, release).ifPresent(this.releases::clearStaged);
		}
	}

	/**
	 * Marks failed every run left marked as running by a process that ended, and records
	 * the end of every run that {@code etl.load_run} still shows running.
	 * @return the runs marked failed and the ends recorded
	 * @throws org.courtstats.warehouse.RunLockException when a load is running (then the
	 * runs marked as running are its own)
	 */
	public InterruptedRuns.Recovery recover() {
		try (RunLock.Lease lease = this.runLock.acquire()) {
			return this.interruptedRuns.recover();
		}
	}

	/**
	 * Deletes from the job repository the runs that ended longer ago than an age, except
	 * those of a release that can still be restarted; {@code etl.load_run} keeps them.
	 * @param olderThan the age
	 * @return the runs deleted
	 */
	public List<RunHistory.Run> purge(Duration olderThan) {
		try (RunLock.Lease lease = this.runLock.acquire()) {
			return this.runHistory.purge(LocalDateTime.now().minus(olderThan));
		}
	}

	private JobExecution find(long executionId) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(executionId);
		}
		catch (EmptyResultDataAccessException ex) {
			// The JDBC job repository throws for an unknown id rather than return null.
			execution = null;
		}
		if (execution == null) {
			throw new IllegalArgumentException("There is no run " + executionId
					+ " in the job repository (`courtstats status` lists the runs; a purged run is only in "
					+ "etl.load_run).");
		}
		return execution;
	}

	/**
	 * What {@code status} shows.
	 *
	 * @param recent the latest runs, newest first
	 * @param markedRunning the runs marked as running, oldest first
	 * @param lockHeld whether a live load holds the run lock
	 * @param flaggedChecks per recent run, the checks it failed or warned about
	 * @param runsInLedger the runs etl.load_run keeps, when the job repository holds none
	 * (purged); else the recent runs' count
	 */
	public record Status(List<RunHistory.Run> recent, List<RunHistory.Run> markedRunning, boolean lockHeld,
			Map<Long, List<WarehouseChecks.CheckResult>> flaggedChecks, long runsInLedger) {

	}

	/**
	 * The later run of a release that decides what becomes of it, and what the operator
	 * may do with that one.
	 * @param last the release's latest run
	 * @param resumable what to do when it failed or stopped
	 * @param otherwise what holds when it completed or was abandoned
	 * @return the run, its status and what to do
	 */
	private static String laterRun(JobExecution last, String resumable, String otherwise) {
		BatchStatus status = last.getStatus();
		String run = "run " + last.getId() + " is " + status;
		if (status == BatchStatus.COMPLETED) {
			return run + ": it loaded the release, " + otherwise + ".";
		}
		if (status == BatchStatus.ABANDONED) {
			return run + ": the release loads again only under a new label, " + otherwise + ".";
		}
		if (status.isRunning()) {
			return run + ": wait for it to end (or 'courtstats recover' if its process ended), then " + resumable + ".";
		}
		return run + ": " + resumable + ".";
	}

}
