package org.courtstats.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release folder disappears from the inbox while the load stages it (moved away by
 * another process, an unmounted share). The test moves it rather than taking its read
 * permission away: tests run as root, whom permissions do not stop, and a rename is what
 * an operator or a sync tool does. A file already open is still read to its end (Linux
 * keeps an open file readable), so the files not yet opened are the ones that fail.
 */
class UnreadableInboxFunctionalTests {

	@TempDir
	static Path inbox;

	@TempDir
	static Path elsewhere;

	@Test
	void aReleaseMovedAwayWhileStagedFailsNamingAFileAndResumesOnceBack() throws Exception {
		// given: the delivery, a warehouse, and a first staged chunk that commits slowly
		FaultRuns.deliver(inbox);
		WarehouseComparison.Snapshot clean = FaultRuns.clean();
		String url = TestWarehouse.newDatabase("faults_inbox");
		JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));
		FaultRuns.Load migrate = FaultRuns.start(url, List.of(), "inbox-migrate", "recover");
		assertThat(migrate.exitCode(Duration.ofMinutes(2))).as(migrate.describe()).isZero();
		FaultRuns.createSleepFunction(jdbc);
		FaultRuns.sleepOnce(jdbc, "slow_first_chunk", "before update on batch.batch_step_execution for each row",
				"new.step_name like 'stageTable:%' and new.commit_count = 1", 1, 5);

		// when: the load stages its first file, one at a time, and the release folder is
		// moved out of the inbox meanwhile
		FaultRuns.Load load = FaultRuns.start(url, List.of("-Dcourtstats.nightly-load.staging-threads=1"),
				"inbox-moved", "load", "--inbox", inbox.toString());
		FaultRuns.await(() -> {
			assertThat(load.process().isAlive()).as(load.describe()).isTrue();
			return FaultRuns.sleepingQuery(jdbc) != null;
		}, Duration.ofMinutes(2));
		Path release = inbox.resolve(FaultRuns.RELEASE);
		Path moved = Files.move(release, elsewhere.resolve(FaultRuns.RELEASE));

		// then: the release fails, naming a file it could not read, and nothing is
		// published
		assertThat(load.exitCode(Duration.ofMinutes(3))).as(load.describe()).isEqualTo(1);
		assertThat(load.text().lines().filter((line) -> line.startsWith("courtstats: release")))
			.as("the release's failure, in one line")
			.singleElement()
			.asString()
			.contains("failed: ")
			.containsPattern("[A-Za-z_]+\\.csv")
			.contains(release.toString())
			.contains("run the load again");
		assertThat(jdbc.queryForObject("select count(*) from warehouse.fct_case", Long.class)).isZero();

		// and when: the release is put back, and the load runs again
		Files.move(moved, release);
		FaultRuns.Load again = FaultRuns.start(url, List.of(), "inbox-restored", "load", "--inbox", inbox.toString());

		// then: it resumes, and the warehouse equals a clean load's
		assertThat(again.exitCode(Duration.ofMinutes(3))).as(again.describe()).isZero();
		WarehouseComparison.Difference difference = WarehouseComparison.compare(clean, WarehouseComparison.take(jdbc));
		assertThat(difference.tables()).isEmpty();
		assertThat(difference.views()).isEmpty();
		assertThat(difference.lost() + difference.duplicated()).isZero();
	}

}
