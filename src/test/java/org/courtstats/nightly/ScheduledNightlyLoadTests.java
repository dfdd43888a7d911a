package org.courtstats.nightly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduledNightlyLoadTests {

	@Test
	void aSixFieldExpressionOrAMacroIsASchedule() {
		assertThatCode(() -> ScheduledNightlyLoad.verifySchedule(ScheduledNightlyLoad.DEFAULT_SCHEDULE))
			.doesNotThrowAnyException();
		assertThatCode(() -> ScheduledNightlyLoad.verifySchedule("@daily")).doesNotThrowAnyException();
		assertThatCode(() -> ScheduledNightlyLoad.verifySchedule("-")).as("Spring's schedule that never fires")
			.doesNotThrowAnyException();
	}

	@Test
	void anotherExpressionIsRefusedWithWhatTheSettingTakes() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> ScheduledNightlyLoad.verifySchedule("nightly"))
			.withMessageStartingWith("courtstats.nightly-load.schedule is 'nightly', which is not a cron expression: ")
			.withMessageEndingWith("It takes six fields, seconds first ('0 0 2 * * *' is 02:00 every night), "
					+ "or a macro such as @daily.")
			.withMessageNotContaining("Unix crontab");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> ScheduledNightlyLoad.verifySchedule(" 30 1 * * 1-5 "))
			.withMessageContaining(
					"It has five fields, as a Unix crontab line: add the seconds first, as in " + "'0 30 1 * * 1-5'.");
	}

	@Test
	void anExpressionThatNeverFiresIsRefused() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> ScheduledNightlyLoad.verifySchedule("0 0 2 31 2 *"))
			.withMessageStartingWith("courtstats.nightly-load.schedule is '0 0 2 31 2 *', which names no time to come");
		assertThatCode(() -> ScheduledNightlyLoad.verifySchedule("0 0 2 29 2 *")).as("a leap day comes")
			.doesNotThrowAnyException();
	}

}
