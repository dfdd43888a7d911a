package org.courtstats.pull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import org.courtstats.warehouse.SourceChecks.SourceCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When a source's check-schedule makes it due, from its last check.
 */
class SourceScheduleTests {

	private static final String URL = "https://fileshare.example/EOIR%20Case%20Data.zip";

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Test
	void aDailySourceCheckedTodayIsDueAtMidnightWhateverTimeTheNightlyRunStarts() {
		// given: checked at 04:10 after a long download, tonight's run starts at 02:00
		PullSettings.Source daily = source("@daily");
		ZonedDateTime checked = ZonedDateTime.of(2026, 11, 27, 4, 10, 0, 0, ZONE);

		// then
		assertThat(SourcePull.notDueUntil(daily, last(checked, SourceCheck.NOT_MODIFIED, URL), checked.plusHours(15)))
			.contains(ZonedDateTime.of(2026, 11, 28, 0, 0, 0, 0, ZONE));
		assertThat(SourcePull.notDueUntil(daily, last(checked, SourceCheck.NOT_MODIFIED, URL), checked.plusHours(22)))
			.isEmpty();
	}

	@Test
	void aWeeklySourceIsDueFromMondayOn() {
		// given: checked on Tuesday 24 November 2026
		PullSettings.Source mondays = source("0 0 0 * * MON");
		ZonedDateTime tuesday = ZonedDateTime.of(2026, 11, 24, 2, 0, 0, 0, ZONE);
		Optional<SourceCheck> last = last(tuesday, SourceCheck.DOWNLOADED, URL);

		// then
		assertThat(SourcePull.notDueUntil(mondays, last, tuesday.plusDays(5)))
			.contains(ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, ZONE));
		assertThat(SourcePull.notDueUntil(mondays, last, tuesday.plusDays(6))).isEmpty();
	}

	@Test
	void aSourceNeverCheckedLastFailedMovedOrUnscheduledIsDue() {
		ZonedDateTime now = ZonedDateTime.of(2026, 11, 28, 2, 0, 0, 0, ZONE);
		ZonedDateTime minuteAgo = now.minusMinutes(1);

		assertThat(SourcePull.notDueUntil(source("@daily"), Optional.empty(), now)).isEmpty();
		assertThat(SourcePull.notDueUntil(source("@daily"), last(minuteAgo, SourceCheck.FAILED, URL), now)).isEmpty();
		assertThat(SourcePull.notDueUntil(source("@daily"),
				last(minuteAgo, SourceCheck.DOWNLOADED, "https://old.example/EOIR%20Case%20Data.zip"), now))
			.isEmpty();
		assertThat(SourcePull.notDueUntil(source(" "), last(minuteAgo, SourceCheck.DOWNLOADED, URL), now)).isEmpty();
		assertThat(SourcePull.notDueUntil(source(null), last(minuteAgo, SourceCheck.DOWNLOADED, URL), now)).isEmpty();
	}

	@Test
	void aScheduleThatIsNotACronExpressionIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(source("1d")))
			.withMessageStartingWith("courtstats.pull.sources.eoir.check-schedule '1d' is not a cron expression");
	}

	@Test
	void aReadTimeoutOfZeroIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PullSettings(false, 4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ZERO,
					Map.of()))
			.withMessageContaining("courtstats.pull.read-timeout must be longer than 0 s");
	}

	private static PullSettings settings(PullSettings.Source source) {
		return new PullSettings(false, 4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60),
				Map.of("eoir", source));
	}

	private static PullSettings.Source source(String schedule) {
		return new PullSettings.Source("eoir", URL, null, null, true, Duration.ofHours(4), schedule);
	}

	private static Optional<SourceCheck> last(ZonedDateTime checkedAt, String status, String url) {
		Instant at = checkedAt.toInstant();
		return Optional.of(new SourceCheck("eoir", "eoir", url, at, status, null, "\"e\"", null, null, null,
				"EOIR Case Data 2026-0803.zip", 10L, "ab"));
	}

}
