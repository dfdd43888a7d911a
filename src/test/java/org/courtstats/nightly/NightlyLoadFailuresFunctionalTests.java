package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.courtstats.TestWarehouse;
import org.courtstats.eoir.EoirTables;
import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load that fails around its chunks, where the database refuses what the load asks of
 * it after staging: a file staged whole whose rows cannot then be counted fails the load,
 * rather than leaving the file without counts for the rejected-rows threshold and the
 * {@code Count.txt} check, and its restart counts it; a run whose end cannot be recorded
 * in {@code etl.load_run} has it recorded by the next load; an integration statement that
 * fails is named by its file and line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyLoadFailuresFunctionalTests extends NightlyLoadTestSupport {

	@TempDir
	static Path inbox;

	static String url = TestWarehouse.newDatabase("nightly_failures");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	static SampleRelease sample;

	@Autowired
	SourceFileRegistry sourceFiles;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	@Order(1)
	void aFileWhoseRowsCannotBeCountedFailsTheLoadAndIsCountedOnItsRestart() {
		// given: a release, and a database that fails when the applications' rows are
		// counted, after the whole file is staged
		sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 400, 5);
		this.jdbc.execute("""
				create function etl.fail_count() returns trigger language plpgsql as $$
				begin
				    if new.table_name = 'tbl_Court_Appln' and new.rows_loaded is distinct from old.rows_loaded then
				        raise exception 'connection lost (simulated)';
				    end if;
				    return new;
				end $$""");
		this.jdbc.execute("create trigger fail_count before update on etl.source_file "
				+ "for each row execute function etl.fail_count()");

		// when
		List<ReleaseOutcome> failed = this.nightlyLoad.run(inbox, null);

		// then: the load failed, and nothing was published
		assertThat(failed).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("tbl_Court_Appln").contains("connection lost (simulated)");
		});
		assertThat(count("select count(*) from staging.eoir_application")).isPositive();
		assertThat(count("select count(*) from warehouse.fct_application")).isZero();
		assertThat(count(
				"select count(*) from etl.source_file where table_name = 'tbl_Court_Appln' " + "and rows_read is null"))
			.isEqualTo(1);

		// when: the cause is fixed and the load runs again
		this.jdbc.execute("drop trigger fail_count on etl.source_file");
		List<ReleaseOutcome> resumed = this.nightlyLoad.run(inbox, null);

		// then: the file's step ran again, read nothing more, counted its rows, and the
		// release was published with every row once
		assertThat(resumed).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.LOADED);
		List<Map<String, Object>> attempts = this.jdbc.queryForList("""
				select status, read_count from batch.batch_step_execution
				where step_name like 'stageTable:tbl_Court_Appln%' order by step_execution_id""");
		assertThat(attempts).extracting((row) -> row.get("status") + " " + row.get("read_count"))
			.containsExactly("FAILED " + sample.expected().applications(), "COMPLETED 0");
		assertThat(count("select count(*) from etl.source_file where table_name is not null and rows_read is null"))
			.isZero();
		assertThat(count("select rows_read from etl.source_file where table_name = 'tbl_Court_Appln'"))
			.isEqualTo(sample.expected().applications());
		assertThat(count("select count(*) from warehouse.fct_application")).isEqualTo(sample.expected().applications());
	}

	@Test
	@Order(2)
	void aRunWhoseEndCannotBeRecordedInTheLedgerHasItRecordedByTheNextLoad() throws IOException {
		// given: the next release, one application fewer, and a database that fails when
		// the run's end is recorded in etl.load_run, after the job repository recorded it
		String label = "EOIR Case Data 2026-0501";
		deliverWithApplicationsFewer(label, 1);
		this.jdbc.execute("""
				create function etl.fail_ledger() returns trigger language plpgsql as $$
				begin
				    if new.status <> 'STARTED' then raise exception 'connection lost (simulated)'; end if;
				    return new;
				end $$""");
		this.jdbc.execute("create trigger fail_ledger before update on etl.load_run "
				+ "for each row execute function etl.fail_ledger()");

		// when
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED);

		// then: the release is published, but the ledger shows its run as running
		assertThat(text("select status from etl.load_run where release_label = '" + label + "'")).isEqualTo("STARTED");

		// and: a run recorded as started whose job repository rows were purged
		this.jdbc.update("insert into etl.load_run (job_execution_id, source, release_label, started_at, status) "
				+ "values (9999, 'eoir', 'EOIR Case Data 2026-0101', now() - interval '1 year', 'STARTED')");

		// when: the database is back and the next load runs, with nothing new to load
		this.jdbc.execute("drop trigger fail_ledger on etl.load_run");
		assertThat(load(inbox)).containsOnly(ReleaseOutcome.Status.ALREADY_LOADED);

		// then: the run's end and counts are recorded
		Map<String, Object> run = this.jdbc
			.queryForMap("select status, ended_at, rows_loaded from etl.load_run where release_label = ?", label);
		assertThat(run.get("status")).isEqualTo("COMPLETED");
		assertThat(run.get("ended_at")).isNotNull();
		assertThat(run.get("rows_loaded"))
			.isEqualTo(count("select sum(rows_loaded) from etl.source_file where release_label = '" + label + "'"));
		assertThat(this.jdbc
			.queryForMap("select status, message, ended_at from etl.load_run where job_execution_id = 9999"))
			.containsEntry("status", "UNKNOWN")
			.containsEntry("message", "its end was not recorded, and the job repository no longer holds the run")
			.containsEntry("ended_at", null);
		assertThat(count("select count(*) from etl.load_run where status = 'STARTED'")).isZero();
	}

	@Test
	@Order(3)
	void anIntegrationStatementThatFailsIsNamedByItsFileAndLineAndTheRestartPublishes() throws IOException {
		// given: a release with two applications fewer, and a database that refuses any
		// change to the applications' fact
		String label = "EOIR Case Data 2026-0601";
		deliverWithApplicationsFewer(label, 2);
		this.jdbc.execute("""
				create function warehouse.refuse_change() returns trigger language plpgsql as $$
				begin
				    raise exception 'could not extend file (simulated)';
				end $$""");
		refuseChangesToApplications();

		// when
		List<ReleaseOutcome> failed = this.nightlyLoad.run(inbox, null);

		// then: it failed naming the statement's file and line, and nothing was published
		assertThat(failed).filteredOn((outcome) -> outcome.releaseLabel().equals(label))
			.singleElement()
			.satisfies((outcome) -> {
				assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
				assertThat(outcome.message())
					.matches("step publishRelease failed in warehouse-sql/load/fct_application.sql, line \\d+: "
							+ ".*could not extend file \\(simulated\\).*Fix the cause, then run the load again.*");
			});
		assertThat(count("select count(*) from warehouse.fct_application where deleted_in_release_key is not null"))
			.isEqualTo(1);

		// when: the cause is fixed, and the load runs again with the count of a file
		// staged whole lost, as a database lost for good as its step completed leaves it
		this.jdbc.execute("drop trigger refuse_change on warehouse.fct_application");
		long read = applicationsRead(label);
		loseApplicationsCount(label);

		// then: the release is published, the file counted before the threshold
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED,
				ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED);
		assertThat(count("select count(*) from warehouse.fct_application where deleted_in_release_key is not null"))
			.isEqualTo(2);
		assertThat(read).isEqualTo(sample.expected().applications() - 2);
		assertThat(applicationsRead(label)).isEqualTo(read);
		assertThat(this.jdbc.queryForList("select keys_distinct from etl.source_file "
				+ "where table_name = 'tbl_Court_Appln' and release_label = ?", Boolean.class, label))
			.as("a file counted after its staging has no answer to whether it repeats a key")
			.containsExactly((Boolean) null);
	}

	@Test
	@Order(4)
	void aLostCountMadeAtPublicationStaysWhenThePublicationRollsBack() throws IOException {
		// given: a release staged, whose publication failed, and the count of one of its
		// files lost
		String label = "EOIR Case Data 2026-0701";
		deliverWithApplicationsFewer(label, 3);
		refuseChangesToApplications();
		assertThat(load(inbox)).last().isEqualTo(ReleaseOutcome.Status.FAILED);
		long read = applicationsRead(label);
		loseApplicationsCount(label);

		// when: a publication counts it, then rolls back, as a release held back does
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			StagedFileCounts.complete(this.sourceFiles, this.dataSource, this.transactionManager, releaseKey(label), 99,
					(table) -> EoirTables.named(table).stagingTable());
			status.setRollbackOnly();
		});

		// then: the count stays
		assertThat(read).isEqualTo(sample.expected().applications() - 3);
		assertThat(applicationsRead(label)).isEqualTo(read);
		this.jdbc.execute("drop trigger refuse_change on warehouse.fct_application");
	}

	/**
	 * Delivers the sample release again under a later label, its last applications left
	 * out.
	 */
	private static void deliverWithApplicationsFewer(String label, int fewer) throws IOException {
		Path next = copy(sample.folder(), inbox, label);
		editTable(next, "EOIR Case Data/tbl_Court_Appln",
				(header, rows) -> rows.subList(rows.size() - fewer, rows.size()).clear());
	}

	private void refuseChangesToApplications() {
		this.jdbc.execute("create trigger refuse_change before insert or update on warehouse.fct_application "
				+ "for each row execute function warehouse.refuse_change()");
	}

	private long applicationsRead(String label) {
		return count("select rows_read from etl.source_file where table_name = 'tbl_Court_Appln' "
				+ "and release_label = '" + label + "'");
	}

	/**
	 * Clears the counts of a release's applications file, as a database lost for good as
	 * its staging step completed leaves them.
	 */
	private void loseApplicationsCount(String label) {
		this.jdbc.update("update etl.source_file set rows_read = null, rows_loaded = null, keys_distinct = null "
				+ "where table_name = 'tbl_Court_Appln' and release_label = ?", label);
	}

}
