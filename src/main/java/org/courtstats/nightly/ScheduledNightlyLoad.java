package org.courtstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.courtstats.intake.Inbox;
import org.courtstats.warehouse.RunLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The nightly load on a schedule ({@code courtstats schedule}): it fires on the cron
 * expression {@code courtstats.nightly-load.schedule}, one run at a time. A run still
 * going when the next fires makes that one skip, and so does another process holding the
 * warehouse's run lock. When the process is asked to stop (SIGTERM), the running job is
 * stopped after its current chunk commits, so that the next run resumes from there.
 */
@Component
@Profile(ScheduledNightlyLoad.PROFILE)
@EnableScheduling
public class ScheduledNightlyLoad implements SmartLifecycle {

	/** The profile the {@code schedule} command runs with. */
	public static final String PROFILE = "schedule";

	/** The setting that holds the cron expression. */
	public static final String SCHEDULE = "courtstats.nightly-load.schedule";

	/** 02:00 every night. */
	public static final String DEFAULT_SCHEDULE = "0 0 2 * * *";

	private static final Logger logger = LoggerFactory.getLogger(ScheduledNightlyLoad.class);

	private final NightlyLoad nightlyLoad;

	private final NightlyLoadSettings settings;

	private final LoadsInProgress loads;

	private final AtomicBoolean loading = new AtomicBoolean();

	private volatile boolean running;

	ScheduledNightlyLoad(NightlyLoad nightlyLoad, NightlyLoadSettings settings, LoadsInProgress loads,
			@Value("${" + SCHEDULE + ":" + DEFAULT_SCHEDULE + "}") String schedule) {
		verifySchedule(schedule);
		verifyInbox(settings.inbox());
		NightlyLoad.verifyArchive(settings.inbox(), settings.archiveFolder());
		this.nightlyLoad = nightlyLoad;
		this.settings = settings;
		this.loads = loads;
	}

	/**
	 * Refuses a schedule that is neither a cron expression Spring reads nor {@code -}
	 * (Spring's schedule that never fires), naming it and what it takes: a five-field
	 * Unix cron line is the likely mistake.
	 * @param schedule the value of {@code courtstats.nightly-load.schedule}
	 * @throws InvalidSettingException when it is not one
	 */
	static void verifySchedule(String schedule) {
		if (Scheduled.CRON_DISABLED.equals(schedule)) {
			return;
		}
		CronExpression expression;
		try {
			expression = CronExpression.parse(schedule);
		}
		catch (IllegalArgumentException ex) {
			String fields = schedule.strip().split("\\s+").length == 5
					? " It has five fields, as a Unix crontab line: add the seconds first, as in '0 " + schedule.strip()
							+ "'."
					: "";
			throw InvalidSettingException.refused(SCHEDULE, schedule,
					", which is not a cron expression: " + ex.getMessage() + "." + fields
							+ " It takes six fields, seconds first ('" + DEFAULT_SCHEDULE
							+ "' is 02:00 every night), or a macro such as @daily.",
					ex);
		}
		if (expression.next(LocalDateTime.now()) == null) {
			throw InvalidSettingException.refused(SCHEDULE, schedule,
					", which names no time to come (a day no month has, such as 31 February): the load would never "
							+ "run. '-' turns the schedule off on purpose.",
					null);
		}
	}

	/**
	 * Refuses an inbox that is not a folder when the schedule starts, where every run
	 * would fail the same way while the process looked healthy.
	 * @param inbox the value of {@code courtstats.nightly-load.inbox}
	 * @throws InvalidSettingException when it is not a folder
	 */
	static void verifyInbox(Path inbox) {
		if (!Files.isDirectory(inbox)) {
			throw InvalidSettingException.refused("courtstats.nightly-load.inbox", inbox,
					", which " + Inbox.notAFolder(inbox) + " (" + inbox.toAbsolutePath()
							+ "): set it to the folder deliveries " + "land in.",
					null);
		}
	}

	/**
	 * Loads the inbox, unless a load is still going in this process or another.
	 * @return what happened to each release, or an empty list when the run was skipped
	 */
	@Scheduled(cron = "${" + SCHEDULE + ":" + DEFAULT_SCHEDULE + "}")
	public List<ReleaseOutcome> fire() {
		if (!this.running) {
			logger.info("Nightly load not started: the process is stopping");
			return List.of();
		}
		if (!this.loading.compareAndSet(false, true)) {
			logger.warn("Nightly load skipped: the previous run is still going");
			return List.of();
		}
		try (LoadsInProgress.Load load = this.loads.begin()) {
			logger.info("Nightly load started on schedule over {}", this.settings.inbox().toAbsolutePath());
			List<ReleaseOutcome> outcomes = this.nightlyLoad.run(this.settings.inbox(), null);
			for (ReleaseOutcome outcome : outcomes) {
				String line = outcome.source() + " release '" + outcome.releaseLabel() + "': " + outcome.status()
						+ ((outcome.message() != null) ? ": " + outcome.message() : "");
				if (outcome.isFailure()) {
					logger.warn(line);
				}
				else {
					logger.info(line);
				}
			}
			logger.info("Nightly load ended: {} releases ({})", outcomes.size(),
					outcomes.stream()
						.collect(Collectors.groupingBy(ReleaseOutcome::status, TreeMap::new, Collectors.counting()))
						.entrySet()
						.stream()
						.map((count) -> count.getValue() + " " + count.getKey())
						.collect(Collectors.joining(", ")));
			return outcomes;
		}
		catch (RunLockException ex) {
			logger.warn("Nightly load skipped: {}", ex.getMessage());
			return List.of();
		}
		catch (RuntimeException ex) {
			// The schedule goes on: the next run resumes what this one left.
			logger.error("Nightly load failed: {}", LoadFailures.rootMessage(ex), ex);
			return List.of();
		}
		finally {
			this.loading.set(false);
		}
	}

	/**
	 * Whether a run is going in this process.
	 * @return true while a load runs
	 */
	public boolean isLoading() {
		return this.loading.get();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Fires no further load; {@link LoadShutdown} winds down the one going.
	 */
	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops before the web server and the scheduler: the health endpoint answers while
	 * the running job winds down.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
