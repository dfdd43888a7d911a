package org.courtstats.warehouse;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class StatementHeartbeatTests {

	private static final String LINE = "warehouse-sql/load/fct_case.sql, line 9: still running, ";

	@Test
	void aStatementStillRunningIsLoggedUntilItEnds(CapturedOutput output) throws InterruptedException {
		StatementHeartbeat heartbeat = new StatementHeartbeat(Duration.ofMillis(50));

		try (StatementHeartbeat.Beat beat = heartbeat.start("warehouse-sql/load/fct_case.sql, line 9")) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (beats(output) < 2 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		long afterEnd = beats(output);
		Thread.sleep(300);

		assertThat(afterEnd).isGreaterThanOrEqualTo(2);
		assertThat(output.getAll()).contains(LINE + "0 s so far");
		assertThat(beats(output)).as("no line once the statement ended").isEqualTo(afterEnd);
	}

	@Test
	void aQuickStatementIsNotLogged(CapturedOutput output) throws InterruptedException {
		StatementHeartbeat heartbeat = new StatementHeartbeat(Duration.ofSeconds(1));

		try (StatementHeartbeat.Beat beat = heartbeat.start("warehouse-sql/load/fct_case.sql, line 9")) {
			Thread.sleep(20);
		}
		Thread.sleep(1500);

		assertThat(beats(output)).isZero();
	}

	private static long beats(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(LINE)).count();
	}

}
