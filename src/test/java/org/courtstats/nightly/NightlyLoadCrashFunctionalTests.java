package org.courtstats.nightly;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.courtstats.ChildJvm;
import org.courtstats.TestLogs;
import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load killed outright (SIGKILL, as by the kernel's OOM killer or a power cut) leaves
 * its run marked as running; the next load finds it dead, marks it failed, and resumes
 * it.
 */
class NightlyLoadCrashFunctionalTests extends NightlyLoadTestSupport {

	private static final int CHUNK = 200;

	@TempDir
	static Path inbox;

	static String url = TestWarehouse.newDatabase("nightly_crash");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> CHUNK);
	}

	@Test
	void aLoadKilledMidFileIsRecoveredAndResumedByTheNextLoad() throws Exception {
		// given: a release, and a proceedings line that takes a few seconds to stage
		SampleRelease sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 3000, 8);
		this.jdbc.execute("""
				create function staging.slow_line() returns trigger language plpgsql as $$
				begin
				    if new.line_number = 2500 then perform pg_sleep(3); end if;
				    return new;
				end $$""");
		this.jdbc.execute("create trigger slow_line before insert on staging.eoir_proceeding "
				+ "for each row execute function staging.slow_line()");

		// when: a load runs in its own process, and is killed while it stages that line
		File log = TestLogs.file("killed-load.log").toFile();
		Process load = ChildJvm
			.courtstats(List.of("-Dcourtstats.database.url=" + url, "-Dcourtstats.database.user=postgres",
					"-Dcourtstats.nightly-load.chunk-size=" + CHUNK, "-Dcourtstats.log-dir=" + TestLogs.folder()),
					"load", "--inbox", inbox.toString())
			.directory(inbox.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		waitFor(() -> {
			assertThat(load.isAlive()).as("the load process (see " + log + ")").isTrue();
			return count("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") > 0;
		}, Duration.ofSeconds(90));
		load.destroyForcibly();
		assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.as("the killed run is left marked as running")
			.isEqualTo("STARTED");
		waitFor(() -> count("select count(*) from pg_locks where locktype = 'advisory'") == 0, Duration.ofSeconds(30));
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		this.jdbc.execute("drop trigger slow_line on staging.eoir_proceeding");

		// and: the next load runs
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then: the killed run is marked failed and its release resumed from the last
		// committed chunk
		assertThat(outcomes).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.LOADED);
		assertThat(this.jdbc.queryForList("select status from batch.batch_job_execution order by job_execution_id",
				String.class))
			.containsExactly("FAILED", "COMPLETED");
		assertThat(this.jdbc.queryForList(
				"select status || ': ' || coalesce(message, '') from etl.load_run " + "order by job_execution_id",
				String.class))
			.containsExactly("FAILED: interrupted: the process running it ended before it finished", "COMPLETED: ");
		List<Map<String, Object>> attempts = this.jdbc.queryForList("""
				select read_count from batch.batch_step_execution
				where step_name like 'stageTable:B_TblProceeding%' order by step_execution_id""");
		assertThat(committed % CHUNK).isZero();
		assertThat(((Number) attempts.get(attempts.size() - 1).get("read_count")).longValue())
			.isEqualTo(sample.expected().proceedings() + 1 - committed);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_represented"))
			.isEqualTo(sample.expected().representedProceedings());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from etl.repaired_row")).as("each repaired line recorded once")
			.isEqualTo(sample.repairs().size());
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
