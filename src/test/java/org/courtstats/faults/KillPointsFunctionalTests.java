package org.courtstats.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courtstats.TestWarehouse;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a load outright (SIGKILL) at points spread over every step of every job
 * (register, each staging partition, integrate and publish) and checks that, once the
 * load is run again until it is done, the warehouse holds exactly what a clean load of
 * the same delivery gives: no row lost, none duplicated. Each point is a statement made
 * to sleep the first time it runs (a trigger), so the kill lands in the step it names,
 * and the test checks that it did. Every point is armed before the first load, so that no
 * restart gets past one without stopping there (staging partitions run side by side):
 * each load is killed at the first point it reaches and the next load resumes it, until
 * every point has been visited, all on one database.
 */
class KillPointsFunctionalTests {

	@TempDir
	static Path inbox;

	@Test
	void aLoadKilledAtAnyPointIsResumedToTheCleanWarehouse() throws Exception {
		// given: the delivery, the warehouse a clean load of it gives, and a warehouse
		// with every kill point armed
		FaultRuns.deliver(inbox);
		WarehouseComparison.Snapshot clean = FaultRuns.clean();
		String url = TestWarehouse.newDatabase("faults_kill");
		JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));
		FaultRuns.Load migrate = FaultRuns.start(url, List.of(), "migrate", "recover");
		assertThat(migrate.exitCode(Duration.ofMinutes(2))).as(migrate.describe()).isZero();
		FaultRuns.createSleepFunction(jdbc);
		FaultRuns.noticeDeadClients(jdbc);
		List<KillPoint> points = killPoints();
		for (KillPoint point : points) {
			point.arm(jdbc);
		}
		List<KillPoint> pending = new ArrayList<>(points);
		List<String> report = new ArrayList<>();

		// when: each load is killed at the first point it reaches, until all are visited
		while (!pending.isEmpty()) {
			assertThat(report).as("loads killed, with points still ahead: " + pending).hasSizeLessThan(points.size());
			report.add(killAtNextPoint(jdbc, url, pending));
		}
		FaultRuns.Load recover = FaultRuns.start(url, List.of(), "recover", "recover");
		assertThat(recover.exitCode(Duration.ofMinutes(2))).as(recover.describe()).isZero();
		assertThat(recover.text()).as("recover marks the killed run failed").contains("marked FAILED");
		FaultRuns.Load finish = FaultRuns.start(url, List.of(), "finish", "load", "--inbox", inbox.toString());
		assertThat(finish.exitCode(Duration.ofMinutes(3))).as(finish.describe()).isZero();

		// then: the warehouse equals the clean one
		WarehouseComparison.Difference difference = WarehouseComparison.compare(clean, WarehouseComparison.take(jdbc));
		report.forEach(System.out::println);
		System.out.println(report.size() + " kill points survived, " + difference.lost() + " rows lost, "
				+ difference.duplicated() + " rows duplicated (" + clean.rowCount() + " warehouse rows compared)");
		assertThat(difference.tables()).as("tables that differ from the clean load").isEmpty();
		assertThat(difference.views()).as("reporting views whose row counts differ").isEmpty();
		assertThat(difference.lost()).as("rows lost").isZero();
		assertThat(difference.duplicated()).as("rows duplicated").isZero();
		assertThat(jdbc.queryForList("select distinct status from batch.batch_job_execution "
				+ "where job_execution_id in (select max(job_execution_id) from batch.batch_job_execution "
				+ "group by job_instance_id)", String.class))
			.as("each release's last run")
			.containsOnly("COMPLETED");
		assertThat(report).hasSize(points.size()).hasSizeGreaterThanOrEqualTo(20);
	}

	/**
	 * Starts a load, kills it once it sleeps at an armed point, checks what the kill
	 * left, and takes that point off the pending ones. A point of another staging
	 * partition caught asleep in the same instant is armed again: its row was not
	 * committed, so the next load comes back to it.
	 */
	private static String killAtNextPoint(JdbcTemplate jdbc, String url, List<KillPoint> pending) throws Exception {
		FaultRuns.Load load = FaultRuns.start(url, List.of(), "kill", "load", "--inbox", inbox.toString());
		FaultRuns.await(() -> {
			assertThat(load.process().isAlive())
				.as("the load ended with points still ahead: " + pending + " (" + load.describe() + ")")
				.isTrue();
			return FaultRuns.sleepingQuery(jdbc) != null;
		}, Duration.ofMinutes(2));
		String sleeping = FaultRuns.sleepingQuery(jdbc);
		List<String> running = jdbc.queryForList("select step_name || ' (' || commit_count || ' chunks committed)' "
				+ "from batch.batch_step_execution where status = 'STARTED'", String.class);
		load.kill();
		FaultRuns.awaitKilledSessionsGone(jdbc);
		List<KillPoint> fired = pending.stream().filter((point) -> point.fired(jdbc)).toList();
		KillPoint point = fired.stream()
			.filter((candidate) -> sleeping.toLowerCase().contains(candidate.statement().toLowerCase()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("killed while running " + sleeping + ", at none of " + fired));
		fired.stream().filter((other) -> other != point).forEach((other) -> other.rearm(jdbc));
		pending.remove(point);
		assertThat(running).as(point.name() + ": the step the load was killed in")
			.anyMatch((step) -> step.startsWith(point.step()));
		if (point.fact() != null) {
			assertThat(jdbc.queryForObject("select count(*) from warehouse." + point.fact(), Long.class))
				.as(point.name() + ": nothing of a release killed while it publishes is visible")
				.isZero();
		}
		return "killed at " + point.name() + ": in "
				+ running.stream().filter((step) -> step.startsWith(point.step())).findFirst().orElseThrow()
				+ ", while running: " + sleeping.strip().lines().findFirst().orElse("");
	}

	private static List<KillPoint> killPoints() {
		List<KillPoint> points = new ArrayList<>();
		points.add(new KillPoint("eoir register", "eoir", "registerRelease", "insert into etl.source_file",
				"before insert on etl.source_file for each row", "new.table_name = 'B_TblProceeding'", null, 1));
		points.add(staging(EoirTables.PROCEEDING, 101));
		points.add(staging(EoirTables.CASE, 151));
		points.add(staging(EoirTables.PROCEEDING, 451));
		points.add(staging(EoirTables.SCHEDULE, 201));
		points.add(staging(EoirTables.APPLICATION, 51));
		points.add(staging(EoirTables.PROCEEDING_CHARGE, 51));
		points.add(staging(EoirTables.REPS_ASSIGNED, 51));
		points.add(staging(EoirTables.JUDGE, 1));
		points.add(new KillPoint("eoir integrate: dimensions", "eoir", "publishRelease", "dim_judge",
				"before insert on warehouse.dim_judge for each statement", null, "fct_case", 1));
		points.add(new KillPoint("eoir integrate: facts", "eoir", "publishRelease", "fct_proceeding",
				"before insert on warehouse.fct_proceeding for each statement", null, "fct_case", 1));
		points.add(new KillPoint("eoir publish", "eoir", "publishRelease", "update warehouse.dim_release",
				"before update on warehouse.dim_release for each row",
				"new.status = 'published' and new.source = 'eoir'", "fct_case", 1));
		points.add(new KillPoint("ohss register", "ohss", "registerEdition", "insert into warehouse.dim_release",
				"before insert on warehouse.dim_release for each row", "new.source = 'ohss'", null, 1));
		points.add(new KillPoint("ohss stage, 1,001st cell", "ohss", "stageEdition", "copy staging.ohss_cell",
				"before insert on staging.ohss_cell for each row", null, null, 1001));
		points.add(new KillPoint("ohss stage, 4,001st cell", "ohss", "stageEdition", "copy staging.ohss_cell",
				"before insert on staging.ohss_cell for each row", null, null, 4001));
		points.add(new KillPoint("ohss integrate", "ohss", "publishEdition", "fct_border_statistic",
				"before insert on warehouse.fct_border_statistic for each statement", null, "fct_border_statistic", 1));
		points.add(new KillPoint("ohss publish", "ohss", "publishEdition", "update warehouse.dim_release",
				"before update on warehouse.dim_release for each row",
				"new.status = 'published' and new.source = 'ohss'", "fct_border_statistic", 1));
		points.add(new KillPoint("cbp register", "cbp", "registerEncounterFile", "insert into warehouse.dim_release",
				"before insert on warehouse.dim_release for each row", "new.source = 'cbp'", null, 1));
		points.add(new KillPoint("cbp stage, row 501", "cbp", "stageEncounterFile", "copy staging.cbp_encounter",
				"before insert on staging.cbp_encounter for each row", "new.line_number >= 501", null, 1));
		points.add(new KillPoint("cbp stage, row 2001", "cbp", "stageEncounterFile", "copy staging.cbp_encounter",
				"before insert on staging.cbp_encounter for each row", "new.line_number >= 2001", null, 1));
		points.add(new KillPoint("cbp integrate", "cbp", "publishEncounterFile", "fct_encounter",
				"before insert on warehouse.fct_encounter for each statement", null, "fct_encounter", 1));
		points.add(new KillPoint("cbp publish", "cbp", "publishEncounterFile", "update warehouse.dim_release",
				"before update on warehouse.dim_release for each row",
				"new.status = 'published' and new.source = 'cbp'", "fct_encounter", 1));
		return points;
	}

	private static KillPoint staging(EoirTable table, int line) {
		return new KillPoint("eoir stage " + table.name() + ", line " + line, "eoir",
				"stageTable:" + table.name() + "#", "copy " + table.stagingTableName(),
				"before insert on " + table.stagingTableName() + " for each row", "new.line_number >= " + line, null,
				1);
	}

	/**
	 * A point to kill the load at: the first statement that fires a trigger sleeps, and
	 * the load is killed while it does.
	 *
	 * @param name how the report names it
	 * @param source the source whose release the step loads
	 * @param step the step (or the start of the partition step's name) it lies in
	 * @param statement a part of the sleeping statement's text
	 * @param trigger when the trigger fires
	 * @param when the trigger's condition on {@code new}, or null
	 * @param fact for a point inside the publish transaction, a fact table of the source,
	 * which must still be empty after the kill
	 * @param firing which firing of the trigger sleeps (the n-th row staged)
	 */
	record KillPoint(String name, String source, String step, String statement, String trigger, String when,
			String fact, long firing) {

		/**
		 * Its trigger's and sequence's name. Of the triggers on one table, PostgreSQL
		 * fires those whose names sort first first, so one counting rows counts the row
		 * another sleeps on only if it sorts before it.
		 */
		private String triggerName() {
			return String.format("kill_point_%s_%07d_%s", this.source, this.firing,
					Integer.toUnsignedString(this.name.hashCode(), 36));
		}

		/**
		 * Arms the point: the given firing of its trigger sleeps.
		 */
		void arm(JdbcTemplate jdbc) {
			FaultRuns.sleepOnce(jdbc, triggerName(), this.trigger, this.when, this.firing);
		}

		/**
		 * Arms the point again: its firings are counted afresh.
		 */
		void rearm(JdbcTemplate jdbc) {
			jdbc.execute("alter sequence public." + triggerName() + " restart");
		}

		/**
		 * Whether its trigger has slept (the sequence counting its firings, which a
		 * rollback does not reset, has reached the firing that sleeps).
		 */
		boolean fired(JdbcTemplate jdbc) {
			return jdbc.queryForObject("select is_called and last_value >= ? from public." + triggerName(),
					Boolean.class, this.firing);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
