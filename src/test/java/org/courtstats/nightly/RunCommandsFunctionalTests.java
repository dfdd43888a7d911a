package org.courtstats.nightly;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.courtstats.ChildJvm;
import org.courtstats.TestLogs;
import org.courtstats.TestWarehouse;
import org.courtstats.cli.CourtstatsCommand;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's run commands as typed: {@code status}, {@code restart}, {@code stop},
 * {@code abandon}, {@code recover} and {@code purge}, each on a warehouse of its own, and
 * a restarted release checked against a clean load of the same release in another
 * database.
 */
class RunCommandsFunctionalTests {

	private static final int CASES = 1000;

	private static final long SEED = 17;

	private static final int CHUNK = 100;

	private static final int FAILING_LINE = 650;

	private static String cleanChecksum;

	@TempDir
	Path inbox;

	private String url;

	private JdbcTemplate jdbc;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void loadTheReleaseCleanlyIntoAnotherWarehouse(@TempDir Path cleanInbox) {
		String cleanUrl = TestWarehouse.newDatabase("ops_clean");
		pointAt(cleanUrl);
		try {
			EoirSampleGenerator.generate(cleanInbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
			StringWriter output = new StringWriter();
			int exitCode = CourtstatsCommand.execute(new PrintWriter(output, true), new PrintWriter(output, true),
					"load", "--inbox", cleanInbox.toString());
			assertThat(exitCode).as(output.toString()).isZero();
			cleanChecksum = NightlyLoadTestSupport
				.warehouseChecksum(new JdbcTemplate(TestWarehouse.dataSource(cleanUrl)));
		}
		finally {
			forget();
		}
	}

	@BeforeEach
	void pointAtAFreshWarehouse() {
		this.url = TestWarehouse.newDatabase("ops");
		pointAt(this.url);
		this.jdbc = new JdbcTemplate(TestWarehouse.dataSource(this.url));
		assertThat(run("status")).as("status on a new warehouse").isZero();
		assertThat(this.out.toString()).contains("No run recorded in the job repository yet.")
			.contains("Nothing is marked as running. No load holds the run lock.");
		clearOutput();
	}

	@AfterEach
	void forgetTheWarehouse() {
		forget();
	}

	@Test
	void aReplayOfAPublishedReleaseWhoseFileChangedIsNotToldToAbandonItsCompletedRun() throws Exception {
		// given: a release loaded and published, then one of its lookups changed in the
		// inbox
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, SEED);
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		Path languages = sample.folder().resolve("Lookup/tblLanguage.csv");
		Files.writeString(languages, Files.readString(languages, StandardCharsets.ISO_8859_1) + "ZZZ\tZZZ\r\n",
				StandardCharsets.ISO_8859_1);
		String checksum = NightlyLoadTestSupport.warehouseChecksum(this.jdbc);
		clearOutput();

		// when
		int refused = run("replay-rejects");

		// then
		assertThat(refused).isEqualTo(1);
		assertThat(this.err.toString()).contains("tblLanguage.csv changed since the load of release")
			.contains("The release is published: restore the file as it was to replay it; or, if the new file is "
					+ "the right one, deliver the release under a new label.")
			.doesNotContain("abandon");
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(checksum);
	}

	@Test
	void aReplayWhoseDeliveryMovedOrLostAFileSaysWhereItLooked(@TempDir Path elsewhere) throws Exception {
		// given: a release loaded and published, with no archive set
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, SEED);
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		Path moved = elsewhere.resolve(sample.folder().getFileName().toString());

		// when: its folder was moved out of the inbox
		Files.move(sample.folder(), moved);
		clearOutput();
		int refusedMoved = run("replay-rejects");

		// then: the replay names where it looked
		assertThat(refusedMoved).isEqualTo(1);
		assertThat(this.err.toString() + this.out.toString())
			.contains("its delivered files are not where they were loaded from (" + sample.folder()
					+ "), and no archive is set (courtstats.nightly-load.archive). The release is staged again "
					+ "from them: put the release folder or zip back there as delivered, then replay.");

		// when: it is back, but one of its tables is missing
		Files.move(moved, sample.folder());
		Path custody = sample.folder().resolve("EOIR Case Data/tbl_CustodyHistory.csv");
		Files.delete(custody);
		clearOutput();
		int refusedMissing = run("replay-rejects");

		// then: the missing file is named, in the program's words
		assertThat(refusedMissing).isEqualTo(1);
		assertThat(this.err.toString() + this.out.toString()).contains(custody.toString())
			.contains("a file of the release when it was loaded, is missing. The release is staged again from all "
					+ "its files: put it back as delivered, then replay.")
			.doesNotContain("strict");
	}

	@Test
	void aRunThatFailedMidFileIsRestartedByItsIdAndEndsAsACleanLoad() throws Exception {
		// given: a load that fails while it stages the proceedings file
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		NightlyLoadTestSupport.failStagingProceedingsAtLine(this.jdbc, FAILING_LINE);
		assertThat(run("load", "--inbox", this.inbox.toString())).isEqualTo(1);
		long failed = count("select max(job_execution_id) from batch.batch_job_execution");
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		assertThat(committed).isPositive().isLessThan(FAILING_LINE - 1);
		assertThat(committed % CHUNK).as("whole chunks committed").isZero();

		// when
		clearOutput();
		assertThat(run("status")).isZero();

		// then: the failed run, its step and its error on one line
		assertThat(this.out.toString())
			.containsPattern("\\s" + failed
					+ "  eoir +EOIR Case Data 2026-0401 +FAILED +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
			.containsPattern(
					"failed in stageTable:B_TblProceeding#\\d+: .*B_TblProceeding.csv.*disk full \\(simulated\\)")
			.contains("Nothing is marked as running.");

		// when: a file of the release is replaced before the restart
		Path proceedings = sample.folder().resolve("EOIR Case Data/B_TblProceeding.csv");
		byte[] original = Files.readAllBytes(proceedings);
		Files.write(proceedings, Arrays.copyOf(original, original.length - 200));
		clearOutput();
		int refused = run("restart", String.valueOf(failed));

		// then: the operator reads which file changed, and nothing more was staged
		assertThat(refused).isEqualTo(1);
		assertThat(this.err.toString()).contains("B_TblProceeding.csv changed since the load of release")
			.contains("Restore the file as it was to resume that load; or, if the new file is the right one, abandon "
					+ "that load's run");
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': FAILED (job execution");
		assertThat(count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'"))
			.isEqualTo(committed);
		long refusedRun = count("select max(job_execution_id) from batch.batch_job_execution");
		assertThat(refusedRun).isGreaterThan(failed);

		// when: the file is restored and the cause fixed; the first run is no longer the
		// latest of its release
		Files.write(proceedings, original);
		this.jdbc.execute("drop trigger fail_at_line on staging.eoir_proceeding");
		clearOutput();
		assertThat(run("restart", String.valueOf(failed))).isEqualTo(2);
		assertThat(this.err.toString()).contains("is not the latest run of its release: run " + refusedRun);
		clearOutput();
		int restarted = run("restart", String.valueOf(refusedRun));

		// then: it resumed after the last committed chunk, and the warehouse is the clean
		// load's
		assertThat(restarted).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution")
			.containsPattern("B_TblProceeding +[\\d,]+ +[\\d,]+ ");
		List<Map<String, Object>> attempts = this.jdbc.queryForList("""
				select status, read_count from batch.batch_step_execution
				where step_name like 'stageTable:B_TblProceeding%' order by step_execution_id""");
		assertThat(attempts).extracting((attempt) -> attempt.get("status")).containsExactly("FAILED", "COMPLETED");
		assertThat(((Number) attempts.get(1).get("read_count")).longValue())
			.isEqualTo(sample.expected().proceedings() + 1 - committed);
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(cleanChecksum);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from etl.repaired_row")).isEqualTo(sample.repairs().size());

		// and: a completed run, or one that does not exist, is refused
		long completed = count("select max(job_execution_id) from batch.batch_job_execution");
		clearOutput();
		assertThat(run("restart", String.valueOf(completed))).isEqualTo(2);
		assertThat(this.err.toString()).contains("is COMPLETED and cannot be restarted");
		assertThat(run("restart", "9999")).isEqualTo(2);
		assertThat(this.err.toString()).contains("There is no run 9999");

		// and: an earlier run of the release is not sent to the run that completed it
		clearOutput();
		assertThat(run("restart", String.valueOf(failed))).isEqualTo(2);
		assertThat(run("abandon", String.valueOf(failed))).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("is not the latest run of its release: run " + completed
					+ " is COMPLETED: it loaded the release, nothing is left to restart.")
			.contains("is not the latest run of its release: run " + completed
					+ " is COMPLETED: it loaded the release, there is nothing to abandon.")
			.doesNotContain("that one");
	}

	@Test
	void aLoadKilledMidFileIsShownLeftRunningThenRecoveredAndRestarted() throws Exception {
		// given: a load in a process of its own, held up while it stages a proceedings
		// line
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		holdUpStagingAtLine(FAILING_LINE, 30);
		// PostgreSQL ends the killed load's sleeping statement when it notices the client
		// gone, not 30 s later
		this.jdbc.execute("alter database " + this.jdbc.queryForObject("select current_database()", String.class)
				+ " set client_connection_check_interval = '200ms'");
		Process load = startLoadHeldUp("killed-load");
		long runId = count("select job_execution_id from batch.batch_job_execution");

		// when: the operator looks while it runs
		assertThat(run("status")).isZero();

		// then
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +STARTED ")
			.contains("Run " + runId + " (eoir release 'EOIR Case Data 2026-0401') is marked STARTED since")
			.contains("a live load holds the run lock, so it is running.");
		clearOutput();
		assertThat(run("recover")).as("recover while the load lives").isEqualTo(4);
		assertThat(this.err.toString()).contains("Another courtstats load is running against this warehouse");

		// when: the process is killed outright
		load.destroyForcibly();
		assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
		waitFor(() -> count("select count(*) from pg_locks where locktype = 'advisory'") == 0, Duration.ofSeconds(30));
		this.jdbc.execute("drop trigger slow_line on staging.eoir_proceeding");
		clearOutput();
		assertThat(run("status")).isZero();

		// then: the run is shown left by a dead process, and cannot be stopped or
		// restarted before it is recovered
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +STARTED ")
			.contains("is marked STARTED since")
			.contains("no process holds the run lock, so the process running it ended")
			.contains("`courtstats recover` marks it failed");
		clearOutput();
		assertThat(run("stop", String.valueOf(runId))).isEqualTo(2);
		assertThat(run("restart", String.valueOf(runId))).isEqualTo(2);
		assertThat(this.err.toString()).contains("Run `courtstats recover` first");
		// marked stopping by a stop that came before the process died
		this.jdbc.update("update batch.batch_job_execution set status = 'STOPPING' where job_execution_id = ?", runId);
		assertThat(run("stop", String.valueOf(runId))).isEqualTo(2);
		assertThat(this.err.toString()).contains("is marked STOPPING, but no load holds the run lock: the process "
				+ "running it ended. Run `courtstats recover` to mark it failed.");
		this.jdbc.update("update batch.batch_job_execution set status = 'STARTED' where job_execution_id = ?", runId);

		// when
		clearOutput();
		assertThat(run("recover")).isZero();

		// then
		assertThat(this.out.toString()).contains("Run " + runId
				+ " (eoir release 'EOIR Case Data 2026-0401') was left running by a process that ended: marked FAILED");
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +FAILED ")
			.containsPattern("failed in stageTable:B_TblProceeding#\\d+: interrupted: the process running it ended")
			.contains("Nothing is marked as running.");
		clearOutput();
		assertThat(run("recover")).isZero();
		assertThat(this.out.toString()).contains("No run was left marked as running: nothing to recover.");

		// when
		clearOutput();
		int restarted = run("restart", String.valueOf(runId));

		// then
		assertThat(restarted).as(this.err.toString()).isZero();
		clearOutput();
		assertThat(run("status")).isZero();
		long restartId = runId + 1;
		assertThat(this.out.toString())
			.containsPattern("\\s" + restartId + "  eoir +EOIR Case Data 2026-0401 +COMPLETED +.* +[\\d,]+ +[\\d,]+ +"
					+ sample.rejects().size() + "\\R")
			.containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +FAILED ");
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(cleanChecksum);
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from etl.repaired_row")).isEqualTo(sample.repairs().size());
	}

	@Test
	void aStopInAnotherProcessEndsTheRunAfterAChunkAndRestartCompletesIt() throws Exception {
		// given: a load in a process of its own, held up in a chunk of the proceedings
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		holdUpStagingAtLine(FAILING_LINE, 8);
		Process load = startLoadHeldUp("stopped-load");
		long runId = count("select job_execution_id from batch.batch_job_execution");

		// when
		int stop = run("stop", String.valueOf(runId));

		// then: the load ends by itself, the run STOPPED after a whole chunk
		assertThat(stop).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Run " + runId + " (release 'EOIR Case Data 2026-0401') is marked "
				+ "STOPPING: it stops after its current chunk commits.");
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(load.isAlive()).as("still in the chunk held up").isTrue();
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +STOPPING ")
			.contains("a live load holds the run lock, so it is stopping after its current chunk.");
		assertThat(load.waitFor(120, TimeUnit.SECONDS)).as("the stopped load ends").isTrue();
		assertThat(load.exitValue()).isEqualTo(1);
		assertThat(Files.readString(TestLogs.file("stopped-load.log")))
			.contains("stopped on request (courtstats stop, or the process asked to end)");
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("STOPPED");
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		assertThat(committed % CHUNK).as("whole chunks committed").isZero();
		assertThat(committed).as("the chunk held up was committed, and no more")
			.isEqualTo(((FAILING_LINE - 1 + CHUNK - 1) / CHUNK) * CHUNK);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isZero();
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +STOPPED ")
			.contains("stopped in stageRelease: stopped on request (courtstats stop, or the process asked to end)");

		// when
		this.jdbc.execute("drop trigger slow_line on staging.eoir_proceeding");
		clearOutput();
		int restarted = run("restart", String.valueOf(runId));

		// then
		assertThat(restarted).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution");
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(cleanChecksum);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());

		// then: status no longer offers to restart the stopped run, but names the run
		// that took its release over
		long restartRun = count("select max(job_execution_id) from batch.batch_job_execution");
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern("\\s" + runId + "  eoir +EOIR Case Data 2026-0401 +STOPPED ")
			.contains("stopped in stageRelease: stopped on request; run " + restartRun + " took its release over")
			.doesNotContain("courtstats restart " + runId);
	}

	@Test
	void sigtermToALoadStopsItsRunAfterAChunkAndTheNextLoadResumesIt() throws Exception {
		// given: a load in a process of its own, held up in a chunk of the proceedings,
		// with a CBP file to load after the release
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		Path encounters = CbpSampleFile.write(this.inbox, CbpSampleFile.DEFAULT_AS_OF, 3).file();
		holdUpStagingAtLine(FAILING_LINE, 4);
		Process load = startLoadHeldUp("terminated-load");

		// when: it gets SIGTERM
		load.destroy();

		// then: its run stops after the chunk, the summary says so, and nothing
		// blames the database
		assertThat(load.waitFor(120, TimeUnit.SECONDS)).as("the load ends").isTrue();
		String log = Files.readString(TestLogs.file("terminated-load.log"));
		assertThat(load.exitValue()).as(log).isEqualTo(143);
		assertThat(log)
			.contains("Release 'EOIR Case Data 2026-0401': STOPPED (job execution 1): stopped on request "
					+ "(courtstats stop, or the process asked to end) after its last committed chunk")
			.doesNotContain("could not be reached")
			.doesNotContain("unknown state")
			.doesNotContain("Count.txt gives")
			.doesNotContainPattern("Count.txt: \\w+ gives")
			.contains("not started: the process was asked to end before it started; the next load loads it");
		assertThat(count("select count(*) from warehouse.fct_encounter")).as("the CBP file after the release").isZero();
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("STOPPED");
		assertThat(this.jdbc.queryForObject("select status from etl.load_run", String.class)).isEqualTo("STOPPED");
		assertThat(count("select rows_loaded from etl.load_run")).as("nothing published").isZero();
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		assertThat(committed).as("the chunk held up was committed, and no more")
			.isEqualTo(((FAILING_LINE - 1 + CHUNK - 1) / CHUNK) * CHUNK);

		// when: the release alone is loaded again
		Files.delete(encounters);
		this.jdbc.execute("drop trigger slow_line on staging.eoir_proceeding");
		clearOutput();
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(loaded).as(this.err.toString()).isZero();
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(cleanChecksum);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
	}

	@Test
	void aRunWhoseFilesFailNamesEachAndStatusShowsTheStepOfTheOneItDescribes() throws Exception {
		// given: a release whose hearings and custody files hold their header alone
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, SEED);
		for (String table : List.of("tbl_schedule", "tbl_CustodyHistory")) {
			Path file = sample.folder().resolve("EOIR Case Data/" + table + ".csv");
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			Files.writeString(file, text.substring(0, text.indexOf("\r\n") + 2), StandardCharsets.ISO_8859_1);
		}

		// when
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: the failure names both files, and status the step of the one it describes
		assertThat(loaded).isEqualTo(1);
		assertThat(this.err.toString()).contains("the file holds its header but no rows")
			.containsPattern("Failed too: (tbl_schedule|tbl_CustodyHistory)\\.csv \\(the file holds its header but no "
					+ "rows, where every release holds thousands of \\1 rows: [^)]*\\); the log gives their errors in full\\.");
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString())
			.containsPattern("failed in stageTable:(\\w+)#\\d+: \\1\\.csv: the file holds its header but no rows");
	}

	@Test
	void aStopDuringThePublicationIsRefusedAndTheRunEndsPublishedAndCompleted() throws Exception {
		// given: a load in a process of its own, held up as its publication marks the
		// release published
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		this.jdbc.execute("""
				create function warehouse.slow_publication() returns trigger language plpgsql as $$
				begin
				    perform pg_sleep(6);
				    return new;
				end $$""");
		this.jdbc.execute("create trigger slow_publication before update on warehouse.dim_release for each row "
				+ "when (new.status = 'published') execute function warehouse.slow_publication()");
		Process load = startLoadHeldUp("stopped-publication");
		long runId = count("select job_execution_id from batch.batch_job_execution");

		// when
		int stop = run("stop", String.valueOf(runId));

		// then: the stop is refused, saying why
		assertThat(stop).isEqualTo(2);
		assertThat(this.err.toString()).contains("Run " + runId + " (release 'EOIR Case Data 2026-0401') is "
				+ "publishing its release, in one transaction that does not stop part way");

		// and: the publication commits, and the run is recorded as what it did
		assertThat(load.waitFor(120, TimeUnit.SECONDS)).as("the load ends").isTrue();
		String log = Files.readString(TestLogs.file("stopped-publication.log"));
		assertThat(load.exitValue()).as(log).isZero();
		assertThat(log).contains("Release 'EOIR Case Data 2026-0401': loaded");
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("COMPLETED");
		assertThat(this.jdbc.queryForObject("select status from etl.load_run", String.class)).isEqualTo("COMPLETED");
		assertThat(this.jdbc.queryForObject("select status from warehouse.dim_release", String.class))
			.isEqualTo("published");
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
	}

	@Test
	void aStopThatLandsAsThePublicationStartsEndsTheRunStoppedWithNothingPublishedAndRestartPublishes()
			throws Exception {
		// given: a stop that lands once Spring Batch has looked for one at the start of
		// the publication step (the step's first update commits with the run marked
		// STOPPING, as another process's stop would mark it)
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		this.jdbc.execute("""
				create function batch.stop_at_publication() returns trigger language plpgsql as $$
				begin
				    update batch.batch_job_execution set status = 'STOPPING', version = version + 1
				    where job_execution_id = new.job_execution_id;
				    return null;
				end $$""");
		this.jdbc.execute("""
				create constraint trigger stop_at_publication after update on batch.batch_step_execution
				deferrable initially deferred for each row
				when (new.step_name = 'publishRelease' and new.status = 'STARTED')
				execute function batch.stop_at_publication()""");

		// when
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: the run stopped before its publication, which published nothing
		assertThat(loaded).as(this.err.toString()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("STOPPED");
		assertThat(this.jdbc.queryForObject(
				"select status from batch.batch_step_execution where step_name = 'publishRelease'", String.class))
			.isEqualTo("STOPPED");
		assertThat(this.jdbc.queryForObject("select status from warehouse.dim_release where source = 'eoir'",
				String.class))
			.isNotEqualTo("published");
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isZero();
		long runId = count("select job_execution_id from batch.batch_job_execution");

		// when
		this.jdbc.execute("drop trigger stop_at_publication on batch.batch_step_execution");
		clearOutput();
		int restarted = run("restart", String.valueOf(runId));

		// then
		assertThat(restarted).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution");
		assertThat(NightlyLoadTestSupport.warehouseChecksum(this.jdbc)).isEqualTo(cleanChecksum);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
	}

	@Test
	void aStopAfterThePublicationCommittedIsRefusedAndTheRunEndsCompleted() throws Exception {
		// given: a load in a process of its own, its release published, held up as it
		// records the run's end
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		holdUpTheRecordOfTheRunsEnd("COMPLETED");
		Process load = startLoadHeldUp("stop-after-publication");
		long runId = count("select job_execution_id from batch.batch_job_execution");
		assertThat(this.jdbc.queryForObject("select status from warehouse.dim_release", String.class))
			.isEqualTo("published");

		// when
		int stop = run("stop", String.valueOf(runId));

		// then: refused, and the run ends COMPLETED
		assertThat(stop).as(this.err.toString()).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("Run " + runId + " (release 'EOIR Case Data 2026-0401') has published its release and is "
					+ "recording its end: there is nothing left to stop.");
		assertThat(load.waitFor(120, TimeUnit.SECONDS)).as("the load ends").isTrue();
		String log = Files.readString(TestLogs.file("stop-after-publication.log"));
		assertThat(load.exitValue()).as(log).isZero();
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("COMPLETED");
	}

	@Test
	void aStopThatMeetsTheRunRecordingItsFailureSaysTheRunEnded() throws Exception {
		// given: a load in a process of its own that fails in staging, held up as it
		// records the run's end
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, CASES, SEED);
		NightlyLoadTestSupport.failStagingProceedingsAtLine(this.jdbc, FAILING_LINE);
		holdUpTheRecordOfTheRunsEnd("FAILED");
		Process load = startLoadHeldUp("stop-at-failure");
		long runId = count("select job_execution_id from batch.batch_job_execution");

		// when: the stop reads the run still running, and marks it once its end is
		// recorded
		int stop = run("stop", String.valueOf(runId));

		// then
		assertThat(stop).as(this.err.toString()).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("Run " + runId + " (release 'EOIR Case Data 2026-0401') is not running (FAILED).");
		assertThat(load.waitFor(120, TimeUnit.SECONDS)).as("the load ends").isTrue();
		assertThat(load.exitValue()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("FAILED");
	}

	@Test
	void anAbandonedRunIsNeverRestartedAndPurgeKeepsWhatARestartNeeds() throws Exception {
		// given: a release loaded, then two that failed
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox.resolve("delivered"),
				List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501", "EOIR Case Data 2026-0601"), 200, 3);
		for (String month : List.of("april", "may", "june")) {
			Path release = series.get(List.of("april", "may", "june").indexOf(month)).folder();
			Files.createDirectories(this.inbox.resolve(month));
			Files.move(release, this.inbox.resolve(month).resolve(release.getFileName()));
		}
		SampleRelease june = series.get(2);
		assertThat(run("load", "--inbox", this.inbox.resolve("april").toString())).isZero();
		NightlyLoadTestSupport.failStagingProceedingsAtLine(this.jdbc, 150);
		assertThat(run("load", "--inbox", this.inbox.resolve("may").toString())).isEqualTo(1);
		assertThat(run("load", "--inbox", this.inbox.resolve("june").toString())).isEqualTo(1);
		this.jdbc.execute("drop trigger fail_at_line on staging.eoir_proceeding");
		long april = runOf("EOIR Case Data 2026-0401");
		long may = runOf("EOIR Case Data 2026-0501");
		long june2 = runOf("EOIR Case Data 2026-0601");
		long stagedOfJune = stagedRowsOf("EOIR Case Data 2026-0601");
		long rejectedOfMay = count("select count(*) from etl.rejected_row where job_execution_id = " + may);
		long stagedOfMay = stagedRowsOf("EOIR Case Data 2026-0501");
		assertThat(stagedOfMay).isPositive();
		assertThat(stagedOfJune).isPositive();

		// when: its staged rows cannot be deleted
		this.jdbc.execute("""
				create function staging.refuse() returns trigger language plpgsql as $$
				begin raise exception 'table locked (simulated)'; end $$""");
		this.jdbc.execute("create trigger refuse before delete or truncate on staging.eoir_case "
				+ "for each statement execute function staging.refuse()");
		clearOutput();
		int failedAbandon = run("abandon", String.valueOf(may));

		// then: the run is not abandoned, and nothing of it was deleted
		assertThat(failedAbandon).isNotZero();
		assertThat(this.err.toString()).contains("table locked (simulated)");
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution where job_execution_id = ?",
				String.class, may))
			.isEqualTo("FAILED");
		assertThat(this.jdbc.queryForObject("select status from etl.load_run where job_execution_id = ?", String.class,
				may))
			.isEqualTo("FAILED");
		assertThat(stagedRowsOf("EOIR Case Data 2026-0501")).isEqualTo(stagedOfMay);
		this.jdbc.execute("drop trigger refuse on staging.eoir_case");

		// when
		clearOutput();
		int abandoned = run("abandon", String.valueOf(may));

		// then: its staged rows are gone, the failed run's are kept, and its rejected
		// rows stay with it
		assertThat(abandoned).as(this.err.toString()).isZero();
		assertThat(stagedRowsOf("EOIR Case Data 2026-0501")).isZero();
		assertThat(stagedRowsOf("EOIR Case Data 2026-0601")).isEqualTo(stagedOfJune);
		assertThat(count("select count(*) from etl.rejected_row where job_execution_id = " + may))
			.isEqualTo(rejectedOfMay);

		// and: it is never restarted, and its release is refused under the same label
		assertThat(this.out.toString()).contains("Run " + may + " (release 'EOIR Case Data 2026-0501') is ABANDONED");
		assertThat(run("restart", String.valueOf(may))).isEqualTo(2);
		assertThat(this.err.toString()).contains("is ABANDONED and cannot be restarted");
		assertThat(run("abandon", String.valueOf(may))).isEqualTo(2);
		assertThat(run("abandon", String.valueOf(april))).as("a completed run").isEqualTo(2);
		clearOutput();
		assertThat(run("load", "--inbox", this.inbox.resolve("may").toString())).isEqualTo(1);
		assertThat(this.out.toString()).contains(
				"Release 'EOIR Case Data 2026-0501': REFUSED: its run " + may + " was abandoned (courtstats abandon)");
		assertThat(this.jdbc.queryForObject("select status from etl.load_run where job_execution_id = ?", String.class,
				may))
			.isEqualTo("ABANDONED");
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern("\\s" + june2 + "  eoir +EOIR Case Data 2026-0601 +FAILED ")
			.containsPattern("\\s" + may + "  eoir +EOIR Case Data 2026-0501 +ABANDONED ")
			.containsPattern("\\s" + april + "  eoir +EOIR Case Data 2026-0401 +COMPLETED ");

		// when: every run ended a hundred days ago, and the operator purges runs older
		// than ninety
		this.jdbc.update("update batch.batch_job_execution set end_time = end_time - interval '100 days'");
		long stepsOfJune = count("select count(*) from batch.batch_step_execution where job_execution_id = " + june2);
		clearOutput();
		int purged = run("purge", "--older-than", "90d");

		// then: the completed and the abandoned runs are gone from the job repository,
		// the failed one is kept whole, and etl.load_run keeps them all
		assertThat(purged).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Removed from the job repository (etl.load_run keeps them):")
			.contains("run " + april + "  eoir  'EOIR Case Data 2026-0401'  COMPLETED")
			.contains("run " + may + "  eoir  'EOIR Case Data 2026-0501'  ABANDONED")
			.doesNotContain("run " + june2 + " ");
		assertThat(this.jdbc.queryForList("select job_execution_id from batch.batch_job_execution", Long.class))
			.containsExactly(june2);
		assertThat(this.jdbc.queryForList("select distinct i.job_instance_id from batch.batch_job_instance as i",
				Long.class))
			.hasSize(1);
		assertThat(count("select count(*) from batch.batch_step_execution")).isEqualTo(stepsOfJune);
		assertThat(count("select count(*) from batch.batch_job_execution_params")).isPositive();
		assertThat(count("select count(*) from batch.batch_step_execution_context")).isEqualTo(stepsOfJune);
		assertThat(this.jdbc.queryForList("select job_execution_id from etl.load_run order by 1", Long.class))
			.containsExactly(april, may, june2);
		clearOutput();
		assertThat(run("purge", "--older-than", "90d")).isZero();
		assertThat(this.out.toString()).contains("No run to purge");
		assertThat(run("purge", "--older-than", "ninety days")).isEqualTo(2);
		assertThat(this.err.toString()).contains("is not an age: give days or hours, like 90d or 36h");

		// and: the failed run kept restarts from where it stopped
		clearOutput();
		assertThat(run("restart", String.valueOf(june2))).as(this.err.toString()).isZero();
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(june.expected().cases());
		assertThat(this.jdbc.queryForList(
				"select status from batch.batch_step_execution where step_name like 'stageTable:B_TblProceeding%' "
						+ "order by step_execution_id",
				String.class))
			.containsExactly("FAILED", "COMPLETED");

		// and: its failed run, no longer the latest, is not abandoned over the one that
		// published the release
		clearOutput();
		assertThat(run("abandon", String.valueOf(june2))).isEqualTo(2);
		assertThat(this.err.toString()).contains("Run " + june2 + " (release 'EOIR Case Data 2026-0601') is not the "
				+ "latest run of its release: run ");
	}

	@Test
	void anOlderRunIsNotRestartedOverANewerReleaseAndAnAbandonedOneStaysOutEvenPurged() throws Exception {
		// given: April loaded; May failed, June waiting for it; then June loaded alone
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox.resolve("delivered"),
				List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501", "EOIR Case Data 2026-0601"), 100, 9);
		List<String> inboxes = List.of("april", "may", "may");
		for (int i = 0; i < inboxes.size(); i++) {
			Path release = series.get(i).folder();
			Files.createDirectories(this.inbox.resolve(inboxes.get(i)));
			Files.move(release, this.inbox.resolve(inboxes.get(i)).resolve(release.getFileName()));
		}
		assertThat(run("load", "--inbox", this.inbox.resolve("april").toString())).isZero();
		NightlyLoadTestSupport.failStagingProceedingsAtLine(this.jdbc, 50);
		clearOutput();
		assertThat(run("load", "--inbox", this.inbox.resolve("may").toString())).isEqualTo(1);
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0601': not started: waits for release "
				+ "'EOIR Case Data 2026-0501' before it, which did not load (failed)");
		this.jdbc.execute("drop trigger fail_at_line on staging.eoir_proceeding");
		Files.createDirectories(this.inbox.resolve("june"));
		Files.move(this.inbox.resolve("may/EOIR Case Data 2026-0601"),
				this.inbox.resolve("june/EOIR Case Data 2026-0601"));
		assertThat(run("load", "--inbox", this.inbox.resolve("june").toString())).as(this.err.toString()).isZero();
		long may = runOf("EOIR Case Data 2026-0501");
		long liveCases = series.get(2).expected().cases();

		// when: the operator restarts May's run, as status offers
		clearOutput();
		int restarted = run("restart", String.valueOf(may));

		// then: refused, as a load refuses an older release, and June stays published
		assertThat(restarted).as(this.out.toString()).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("Run " + may + " (eoir release 'EOIR Case Data 2026-0501') is older than release "
					+ "'EOIR Case Data 2026-0601' (as of 2026-06-01), published since")
			.contains("load --allow-older");
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(liveCases);

		// when: May's run is abandoned, one of its lines rejected, and its rejects
		// replayed
		assertThat(run("abandon", String.valueOf(may))).as(this.err.toString()).isZero();
		this.jdbc.update("""
				insert into etl.rejected_row (source_file_id, table_name, line_number, reason_code, message,
				    raw_record, job_execution_id)
				select source_file_id, table_name, 2, 'field_count', 'a line of another shape', 'x', ?
				from etl.source_file
				where release_label = 'EOIR Case Data 2026-0501' and table_name = 'A_TblCase'
				""", may);
		clearOutput();
		int replayed = run("replay-rejects", "--run", String.valueOf(may));

		// then: refused, nothing published
		assertThat(replayed).isOne();
		assertThat(this.err.toString()).contains("eoir release 'EOIR Case Data 2026-0501': not replayed: its run " + may
				+ " was abandoned (courtstats abandon)");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isEqualTo(2);

		// when: the job repository's record of it is purged, and it is delivered again
		this.jdbc.update("update batch.batch_job_execution set end_time = end_time - interval '100 days'");
		assertThat(run("purge", "--older-than", "90d")).as(this.err.toString()).isZero();
		assertThat(count("select count(*) from batch.batch_job_execution where job_execution_id = " + may)).isZero();
		clearOutput();
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).contains("No run in the job repository: purged. etl.load_run keeps all "
				+ count("select count(*) from etl.load_run") + " runs");
		clearOutput();
		int loaded = run("load", "--inbox", this.inbox.resolve("may").toString(), "--allow-older");

		// then: still refused under its label
		assertThat(loaded).isEqualTo(1);
		assertThat(this.out.toString()).contains(
				"Release 'EOIR Case Data 2026-0501': REFUSED: its run " + may + " was abandoned (courtstats abandon)");
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(liveCases);
	}

	@Test
	void theMigrationClearsWhatRunsAbandonedBeforeItLeftStaged() throws Exception {
		// given: two releases whose loads failed while staging, the first marked
		// abandoned as a version that left its staged rows would have left it
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox.resolve("delivered"),
				List.of("EOIR Case Data 2026-0501", "EOIR Case Data 2026-0601"), 100, 5);
		NightlyLoadTestSupport.failStagingProceedingsAtLine(this.jdbc, 50);
		for (SampleRelease release : series) {
			Path inboxOfRelease = Files
				.createDirectories(this.inbox.resolve(release.folder().getFileName() + " inbox"));
			Files.move(release.folder(), inboxOfRelease.resolve(release.folder().getFileName()));
			assertThat(run("load", "--inbox", inboxOfRelease.toString())).isEqualTo(1);
		}
		this.jdbc
			.update("update etl.load_run set status = 'ABANDONED' where release_label = 'EOIR Case Data 2026-0501'");
		// and the second's label abandoned once before its latest run (purged since)
		this.jdbc.update("""
				insert into etl.load_run (job_execution_id, source, release_label, started_at, status)
				values (-1, 'eoir', 'EOIR Case Data 2026-0601', now() - interval '1 day', 'ABANDONED')
				""");
		long stagedOfJune = stagedRowsOf("EOIR Case Data 2026-0601");
		assertThat(stagedRowsOf("EOIR Case Data 2026-0501")).isPositive();
		assertThat(stagedOfJune).isPositive();

		// when
		this.jdbc
			.execute(Files.readString(Path.of("warehouse-sql/migrations/V047__clear_what_abandoned_runs_staged.sql")));

		// then: the abandoned release's rows are gone, those of the one whose latest run
		// failed are kept for its restart
		assertThat(stagedRowsOf("EOIR Case Data 2026-0501")).isZero();
		assertThat(stagedRowsOf("EOIR Case Data 2026-0601")).isEqualTo(stagedOfJune);
	}

	@Test
	void recoverRecordsAndListsTheEndsTheLedgerLacks() throws Exception {
		// given: a published release whose end etl.load_run lacks, as when the database
		// was lost between the job repository's update and the ledger's, and a run shown
		// running whose job repository rows were purged
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 100, SEED);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long loaded = runOf(EoirSampleGenerator.DEFAULT_LABEL);
		this.jdbc.update("update etl.load_run set status = 'STARTED', ended_at = null where job_execution_id = ?",
				loaded);
		this.jdbc.update("insert into etl.load_run (job_execution_id, source, release_label, started_at, status) "
				+ "values (9999, 'eoir', 'EOIR Case Data 2026-0101', now() - interval '1 year', 'STARTED')");

		// when
		clearOutput();
		assertThat(run("recover")).isZero();

		// then: both are recorded, and listed
		assertThat(this.out.toString())
			.contains("Run " + loaded + " (release '" + EoirSampleGenerator.DEFAULT_LABEL
					+ "') had ended COMPLETED without its end recorded in etl.load_run: recorded.")
			.contains("Run 9999 was shown running in etl.load_run, and the job repository no longer holds it: "
					+ "recorded UNKNOWN.")
			.doesNotContain("nothing to recover");
		assertThat(this.jdbc.queryForList("select status from etl.load_run order by job_execution_id", String.class))
			.containsExactly("COMPLETED", "UNKNOWN");

		// when: nothing is left
		clearOutput();
		assertThat(run("recover")).isZero();

		// then
		assertThat(this.out.toString()).contains("No run was left marked as running: nothing to recover.");
	}

	@Test
	void everyRunCommandAnswersHelp() {
		for (String command : new String[] { "status", "restart", "stop", "abandon", "recover", "purge" }) {
			clearOutput();
			assertThat(run(command, "--help")).as(command).isZero();
			assertThat(this.out.toString()).as(command)
				.contains("Usage: courtstats " + command)
				.contains("Exit codes:");
		}
		assertThat(run("restart")).as("without an id").isEqualTo(2);
		assertThat(run("purge")).as("without an age").isEqualTo(2);
	}

	/**
	 * The rows staged from a release's files, over every staging table.
	 */
	private long stagedRowsOf(String release) {
		return this.jdbc.queryForList("""
				select format('%I.%I', table_schema, table_name) from information_schema.columns
				where table_schema = 'staging' and column_name = 'source_file_id'
				""", String.class)
			.stream()
			.mapToLong((table) -> count("select count(*) from " + table + " where source_file_id in "
					+ "(select source_file_id from etl.source_file where release_label = '" + release + "')"))
			.sum();
	}

	private long runOf(String release) {
		return count("select max(job_execution_id) from etl.load_run where release_label = '" + release + "'");
	}

	/**
	 * Makes the job repository's record of a run's end with a status sleep, so that a
	 * load is caught between its last step and its end.
	 */
	private void holdUpTheRecordOfTheRunsEnd(String status) {
		this.jdbc.execute("""
				create function batch.slow_end() returns trigger language plpgsql as $$
				begin
				    perform pg_sleep(6);
				    return new;
				end $$""");
		this.jdbc.execute("create trigger slow_end before update on batch.batch_job_execution for each row "
				+ "when (new.status = '" + status + "') execute function batch.slow_end()");
	}

	/**
	 * Makes the staging of one proceedings line sleep, so that a load is caught in the
	 * middle of a chunk.
	 */
	private void holdUpStagingAtLine(long lineNumber, int seconds) {
		this.jdbc.execute("""
				create function staging.slow_line() returns trigger language plpgsql as $$
				begin
				    if new.line_number = %d then perform pg_sleep(%d); end if;
				    return new;
				end $$""".formatted(lineNumber, seconds));
		this.jdbc.execute("create trigger slow_line before insert on staging.eoir_proceeding "
				+ "for each row execute function staging.slow_line()");
	}

	/**
	 * Starts a load in a process of its own and waits until a trigger holds it up, asleep
	 * in the database.
	 */
	private Process startLoadHeldUp(String name) throws Exception {
		Process load = startLoad(name);
		waitFor(() -> {
			assertThat(load.isAlive()).as("the load process (see " + TestLogs.file(name + ".log") + ")").isTrue();
			return count("select count(*) from pg_stat_activity where wait_event = 'PgSleep'") > 0;
		}, Duration.ofSeconds(120));
		return load;
	}

	private Process startLoad(String name) throws Exception {
		return ChildJvm
			.courtstats(List.of("-Dcourtstats.database.url=" + this.url, "-Dcourtstats.database.user=postgres",
					"-Dcourtstats.nightly-load.chunk-size=" + CHUNK, "-Dcourtstats.log-dir=" + TestLogs.folder()),
					"load", "--inbox", this.inbox.toString())
			.directory(this.inbox.toFile())
			.redirectErrorStream(true)
			.redirectOutput(TestLogs.file(name + ".log").toFile())
			.start();
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	private void clearOutput() {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
	}

	private static void pointAt(String url) {
		System.setProperty("courtstats.database.url", url);
		System.setProperty("courtstats.database.user", "postgres");
		System.setProperty("courtstats.nightly-load.chunk-size", String.valueOf(CHUNK));
	}

	private static void forget() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
		System.clearProperty("courtstats.nightly-load.chunk-size");
	}

	private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
