package org.courtstats.nightly;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

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
 * {@code courtstats schedule} asked to stop (SIGTERM, as systemd and Kubernetes send it)
 * while a load runs: the load stops after its current chunk commits and is recorded
 * STOPPED, and the next load resumes it from there.
 */
class ScheduledLoadShutdownFunctionalTests extends NightlyLoadTestSupport {

	private static final int CHUNK = 200;

	@TempDir
	static Path inbox;

	@TempDir
	static Path temporary;

	static String url = TestWarehouse.newDatabase("schedule_sigterm");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> CHUNK);
	}

	@Test
	void sigtermStopsTheRunningLoadAfterItsChunkAndTheNextLoadResumesIt() throws Exception {
		// given: a release, and a proceedings line that takes a few seconds to stage
		SampleRelease sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 3000, 8);
		this.jdbc.execute("""
				create function staging.slow_line() returns trigger language plpgsql as $$
				begin
				    if new.line_number = 2500 then perform pg_sleep(4); end if;
				    return new;
				end $$""");
		this.jdbc.execute("create trigger slow_line before insert on staging.eoir_proceeding "
				+ "for each row execute function staging.slow_line()");

		// when: the schedule fires the load in its own process, and gets SIGTERM while
		// the load stages that line
		File log = TestLogs.file("stopped-schedule.log").toFile();
		Process schedule = ChildJvm.courtstats(
				List.of("-Dcourtstats.database.url=" + url, "-Dcourtstats.database.user=postgres",
						"-Dcourtstats.nightly-load.chunk-size=" + CHUNK, "-Dcourtstats.nightly-load.inbox=" + inbox,
						"-Dcourtstats.nightly-load.schedule=* * * * * *", "-Dserver.port=0",
						"-Djava.io.tmpdir=" + temporary, "-Dcourtstats.log-dir=" + TestLogs.file("stopped-schedule")),
				"schedule")
			.directory(inbox.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		waitFor(() -> {
			assertThat(schedule.isAlive()).as("the schedule process (see " + log + ")").isTrue();
			return count("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") > 0;
		}, Duration.ofSeconds(120));
		schedule.destroy();
		assertThat(schedule.waitFor(60, TimeUnit.SECONDS)).as("the process ends once the load stopped").isTrue();

		// then: the run stopped at a chunk boundary, recorded as stopped, not failed
		assertThat(this.jdbc.queryForList("select status from batch.batch_job_execution", String.class))
			.containsExactly("STOPPED");
		assertThat(count("select count(*) from batch.batch_job_execution where end_time is not null")).isOne();
		assertThat(this.jdbc.queryForList("select status from etl.load_run", String.class)).containsExactly("STOPPED");
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		assertThat(committed).as("staged up to the end of the slow line's chunk").isEqualTo(2600);
		assertThat(Files.readString(log.toPath())).contains("after its current chunk; the next run resumes it")
			.contains("eoir release 'EOIR Case Data 2026-0401': STOPPED: stopped on request")
			.contains("Nightly load ended: 1 releases (1 STOPPED)")
			.doesNotContain("failed or refused");
		try (Stream<Path> left = Files.list(temporary)) {
			assertThat(left).as("left in the process's temporary folder (Tomcat's folder among them)").isEmpty();
		}
		this.jdbc.execute("drop trigger slow_line on staging.eoir_proceeding");

		// when: the next load runs
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then: it resumed the stopped run and loaded the release once
		assertThat(outcomes).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.LOADED);
		assertThat(this.jdbc.queryForList("select status from batch.batch_job_execution order by job_execution_id",
				String.class))
			.containsExactly("STOPPED", "COMPLETED");
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
	}

	private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
