package org.courtstats.bench;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load's own time and its integration statements are read from what the load printed,
 * its console log, a file of its own whenever the log file rolls.
 */
class LoadBenchmarkTests {

	private static final List<String> PRINTED = List.of(
			"23:59:58.101 INFO  Loading release 'EOIR Case Data 2026-0401' from /tmp/inbox/EOIR Case Data 2026-0401",
			"23:59:59.539 INFO  [run 1 EOIR Case Data 2026-0401] load/used_code.sql: 0 rows written in 5561 ms",
			"00:00:17.270 INFO  [run 1 EOIR Case Data 2026-0401] load/fct_proceeding.sql: 2000000 rows written in 17270 ms",
			"00:00:19.320 INFO  [run 1 EOIR Case Data 2026-0401] check fct_case__keys_resolve: passed (0 offending rows,"
					+ " threshold 0)",
			"00:00:20.894 INFO  [run 1 EOIR Case Data 2026-0401] load/dim_court.sql: 1 row written in 2 ms",
			"00:00:39.169 INFO  Nightly load of /tmp/inbox took 42140 ms");

	@Test
	void theStatementsSlowestFirstWithTheirRows() {
		assertThat(LoadBenchmark.statements(PRINTED)).containsExactly(
				new BenchResult.Statement("load/fct_proceeding.sql", 2_000_000, Duration.ofMillis(17270)),
				new BenchResult.Statement("load/used_code.sql", 0, Duration.ofMillis(5561)),
				new BenchResult.Statement("load/dim_court.sql", 1, Duration.ofMillis(2)));
	}

	@Test
	void theLoadsOwnTimeOrNoneWhenItLoggedNone() {
		assertThat(LoadBenchmark.loadTime(PRINTED)).isEqualTo(Duration.ofMillis(42140));
		assertThat(LoadBenchmark.loadTime(PRINTED.subList(0, 5))).isNull();
	}

}
