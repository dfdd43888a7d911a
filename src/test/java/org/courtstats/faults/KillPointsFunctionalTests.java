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
 * and the test checks that it did. Several points are visited per database, each killing
 * the restart of the previous one; a point whose step a restart has already got past is
 * visited on the next, fresh, database.
 */
class KillPointsFunctionalTests {

	@TempDir
	static Path inbox;

	@Test
	void aLoadKilledAtAnyPointIsResumedToTheCleanWarehouse() throws Exception {
		// given: the delivery, and the warehouse a clean load of it gives
		FaultRuns.deliver(inbox);
		WarehouseComparison.Snapshot clean = FaultRuns.clean();
		List<KillPoint> pending = new ArrayList<>(killPoints());
		int planned = pending.size();
		int survived = 0;
		long lost = 0;
		long duplicated = 0;
		List<String> report = new ArrayList<>();

		// when: each database is loaded, killed at each point still ahead, and loaded
		// again until done
		for (int database = 1; !pending.isEmpty(); database++) {
			assertThat(database).as("databases needed to reach every kill point").isLessThanOrEqualTo(6);
			String url = TestWarehouse.newDatabase("faults_kill");
			JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));
			FaultRuns.Load migrate = FaultRuns.start(url, List.of(), "migrate", "recover");
			assertThat(migrate.exitCode(Duration.ofMinutes(2))).as(migrate.describe()).isZero();
			FaultRuns.createSleepFunction(jdbc);
			FaultRuns.noticeDeadClients(jdbc);
			List<KillPoint> later = new ArrayList<>();
			int kills = 0;
			for (KillPoint point : pending) {
				if (!point.isAhead(jdbc)) {
					later.add(point);
					continue;
				}
				report.add(point.killIn(jdbc, url, ++kills));
				survived++;
			}
			pending = later;
			if (kills > 0) {
				FaultRuns.Load recover = FaultRuns.start(url, List.of(), "recover", "recover");
				assertThat(recover.exitCode(Duration.ofMinutes(2))).as(recover.describe()).isZero();
				assertThat(recover.text()).as("recover marks the killed run failed").contains("marked FAILED");
			}
			FaultRuns.Load finish = FaultRuns.start(url, List.of(), "finish", "load", "--inbox", inbox.toString());
			assertThat(finish.exitCode(Duration.ofMinutes(3))).as(finish.describe()).isZero();

			// then: the warehouse equals the clean one
			WarehouseComparison.Difference difference = WarehouseComparison.compare(clean,
					WarehouseComparison.take(jdbc));
			lost += difference.lost();
			duplicated += difference.duplicated();
			assertThat(difference.tables()).as("tables that differ from the clean load after " + kills + " kills")
				.isEmpty();
			assertThat(difference.views()).as("reporting views whose row counts differ").isEmpty();
			assertThat(jdbc.queryForList("select distinct status from batch.batch_job_execution "
					+ "where job_execution_id in (select max(job_execution_id) from batch.batch_job_execution "
					+ "group by job_instance_id)", String.class))
				.as("each release's last run")
				.containsOnly("COMPLETED");
		}
		report.forEach(System.out::println);
		System.out.println(survived + " kill points survived, " + lost + " rows lost, " + duplicated
				+ " rows duplicated (" + clean.rowCount() + " warehouse rows compared)");
		assertThat(survived).isEqualTo(planned).isGreaterThanOrEqualTo(20);
		assertThat(lost).as("rows lost").isZero();
		assertThat(duplicated).as("rows duplicated").isZero();
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
		 * Whether a restart on this database still passes the point: its release is not
		 * published and, unless it re-runs on each restart (a register step), its step
		 * has not completed.
		 */
		boolean isAhead(JdbcTemplate jdbc) {
			long published = jdbc.queryForObject(
					"select count(*) from warehouse.dim_release where source = ? and status = 'published'", Long.class,
					this.source);
			long completed = jdbc.queryForObject(
					"select count(*) from batch.batch_step_execution "
							+ "where (step_name = ? or step_name like ? || '%') and status = 'COMPLETED'",
					Long.class, this.step, this.step.endsWith("#") ? this.step : this.step + "#");
			return published == 0 && (this.step.startsWith("register") || completed == 0);
		}

		/**
		 * Arms the point, starts a load, kills it there, and checks what the kill left.
		 */
		String killIn(JdbcTemplate jdbc, String url, int kill) throws Exception {
			String trigger = "kill_point_" + kill + "_" + Math.abs(this.name.hashCode());
			FaultRuns.sleepOnce(jdbc, trigger, this.trigger, this.when, this.firing);
			FaultRuns.Load load = FaultRuns.start(url, List.of(), "kill-" + trigger, "load", "--inbox",
					inbox.toString());
			FaultRuns.await(() -> {
				assertThat(load.process().isAlive())
					.as(this.name + ": the load ended before the point (" + load.describe() + ")")
					.isTrue();
				return FaultRuns.sleepingQuery(jdbc) != null;
			}, Duration.ofMinutes(2));
			String sleeping = FaultRuns.sleepingQuery(jdbc);
			List<String> running = jdbc.queryForList("select step_name || ' (' || commit_count || ' chunks committed)' "
					+ "from batch.batch_step_execution where status = 'STARTED' "
					+ "and (step_name = ? or step_name like ? || '%')", String.class, this.step, this.step);
			load.kill();
			assertThat(sleeping).as(this.name + ": the statement the load was killed in")
				.containsIgnoringCase(this.statement);
			assertThat(running).as(this.name + ": the step the load was killed in")
				.anyMatch((step) -> step.startsWith(this.step));
			FaultRuns.awaitKilledSessionsGone(jdbc);
			if (this.fact != null) {
				assertThat(jdbc.queryForObject("select count(*) from warehouse." + this.fact, Long.class))
					.as(this.name + ": nothing of a release killed while it publishes is visible")
					.isZero();
			}
			return "killed at " + this.name + ": in "
					+ running.stream().filter((step) -> step.startsWith(this.step)).findFirst().orElseThrow()
					+ ", while running: " + sleeping.strip().lines().findFirst().orElse("");
		}

	}

}
