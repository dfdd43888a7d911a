package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.courtstats.spreadsheet.TestWorkbooks;
import org.courtstats.warehouse.WarehouseReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The quarantined rows as an operator meets them: {@code rejects} lists them, a release
 * rejecting too many is held back ({@code load} exits 3), and {@code replay-rejects}
 * loads a corrected line.
 */
class RejectedRowsCommandsFunctionalTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final String LABEL = EoirSampleGenerator.DEFAULT_LABEL;

	private static final String CBP_HEADER = "Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,"
			+ "Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,"
			+ "Encounter Count\r\n";

	@TempDir
	Path inbox;

	@TempDir
	Path archive;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private JdbcTemplate warehouse;

	@BeforeEach
	void pointAtAFreshWarehouse() {
		String url = TestWarehouse.newDatabase("rejects");
		System.setProperty("courtstats.database.url", url);
		System.setProperty("courtstats.database.user", "postgres");
		this.warehouse = new JdbcTemplate(TestWarehouse.dataSource(url));
	}

	@AfterEach
	void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
		System.clearProperty("courtstats.nightly-load.max-rejected-share");
		System.clearProperty("courtstats.nightly-load.archive");
	}

	@Test
	void aReleaseRejectingMoreThanOnePercentOfATableIsHeldBackUntilTheThresholdIsRaised() throws IOException {
		// given: ten more proceedings whose key is not an integer, eleven rejected in all
		long read = sampleWithTenProceedingsMoreRejected();

		// when
		int heldBack = run("load", "--inbox", this.inbox.toString());

		// then: nothing is published, the staged rows are kept
		assertThat(heldBack).isEqualTo(3);
		assertThat(this.err.toString())
			.contains("release '" + LABEL + "' held back: Release '" + LABEL
					+ "' is held back, not published: B_TblProceeding has 11 rejected rows of %,d read".formatted(read))
			.contains("over the threshold of 1% of a table's rows read")
			.contains("java -Dcourtstats.nightly-load.max-rejected-share=0.05 -jar courtstats.jar load")
			.contains("COURTSTATS_NIGHTLYLOAD_MAXREJECTEDSHARE");
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': HELD BACK (job execution")
			.containsPattern("table +read +staged +repaired +rejected  file")
			.doesNotContainPattern("table +read +loaded");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isZero();
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isZero();
		assertThat(count("select count(*) from warehouse.fct_case")).isZero();
		assertThat(count("select count(*) from staging.eoir_proceeding")).isEqualTo(read - 11);
		assertThat(count("select rows_loaded from reporting.load_history where source = 'eoir'"))
			.as("nothing published")
			.isZero();
		assertThat(count("select rows_read from reporting.load_history where source = 'eoir'")).isPositive();
		assertThat(new WarehouseReports(this.warehouse.getDataSource()).recentRunTableCounts(5))
			.as("the report's rows by table")
			.isNotEmpty()
			.allSatisfy((table) -> assertThat(table.rowsLoaded()).isZero())
			.anySatisfy((table) -> assertThat(table.rowsRead()).isPositive());

		// when: the run is restarted with the threshold as it was
		long run = count("select max(job_execution_id) from batch.batch_job_execution");
		this.err.getBuffer().setLength(0);
		int restarted = run("restart", String.valueOf(run));

		// then: held back again, with the same exit code as the load
		assertThat(restarted).as(this.err.toString()).isEqualTo(3);
		assertThat(this.err.toString()).contains("release '" + LABEL + "' held back: Release '" + LABEL
				+ "' is held back, not published: B_TblProceeding has 11 rejected rows");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isZero();

		// when: the threshold is raised and the load runs again
		System.setProperty("courtstats.nightly-load.max-rejected-share", "0.05");
		int published = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(published).isZero();
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(read - 11);
		assertThat(count("select count(*) from staging.eoir_proceeding")).isZero();
		assertThat(count("select rows_loaded from reporting.load_history where source = 'eoir' "
				+ "order by job_execution_id desc limit 1"))
			.isEqualTo(
					count("select sum(rows_loaded) from etl.source_file where status = 'loaded' and source = 'eoir'"));
	}

	@Test
	void aHeldBackReleaseIsPublishedByReplayingItsCorrectedLines() throws IOException {
		// given: a release held back for ten proceedings whose key reads X123
		long read = sampleWithTenProceedingsMoreRejected();
		assertThat(run("load", "--inbox", this.inbox.toString())).isEqualTo(3);

		// when: the operator corrects the ten lines in place, and replays them
		assertThat(this.warehouse
			.update("update etl.rejected_row set raw_record = substr(raw_record, 2) " + "where raw_record like 'X%'"))
			.isEqualTo(10);
		Object heldBackAt = this.warehouse.queryForObject("select ended_at from etl.load_run", Object.class);
		int replayed = run("replay-rejects", "--table", "B_TblProceeding");
		this.out.getBuffer().setLength(0);
		int loadedAfter = run("load", "--inbox", this.inbox.toString());

		// then: published with the ten proceedings, the sample's own reject still
		// rejected
		assertThat(replayed).as(this.err.toString()).isZero();
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(read - 1);
		assertThat(count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'")).isOne();
		assertThat(loadedAfter).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': already loaded, nothing to do");
		assertThat(this.warehouse.queryForMap("select status, message, ended_at from etl.load_run"))
			.as("the run's record: its end as it was, its outcome as the replay left it")
			.containsEntry("status", "COMPLETED")
			.containsEntry("ended_at", heldBackAt)
			.hasEntrySatisfying("message",
					(message) -> assertThat((String) message).startsWith("rejected rows replayed: 10 loaded"));
		assertThat(this.warehouse.queryForMap("select status, exit_code from batch.batch_job_execution"))
			.as("the job repository's run, published by the replay")
			.containsEntry("status", "COMPLETED")
			.containsEntry("exit_code", "COMPLETED");
		long runId = count("select job_execution_id from batch.batch_job_execution");
		this.err.getBuffer().setLength(0);
		assertThat(run("restart", Long.toString(runId))).isEqualTo(2);
		assertThat(this.err.toString()).contains("is COMPLETED and cannot be restarted")
			.doesNotContain("Abandon the run");
		this.out.getBuffer().setLength(0);
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern(runId + " +eoir +" + LABEL + " +COMPLETED")
			.as("the threshold check the replay passed, not the one the load failed")
			.doesNotContain("checks: rejected_rows__within_threshold");
	}

	@Test
	void aReplayHeldBackForOneSourceStillReplaysTheOthersAndSaysSo() throws IOException {
		// given: a release published with eleven rejected proceedings under a raised
		// threshold, and a CBP file with a rejected row, which is then corrected
		sampleWithTenProceedingsMoreRejected();
		Files.writeString(this.inbox.resolve("nationwide-encounters-fy25-aor.csv"),
				CBP_HEADER + cbpRow("OCT", "GUATEMALA", "12") + cbpRow("OCTOBER", "MEXICO", "3"));
		System.setProperty("courtstats.nightly-load.max-rejected-share", "0.05");
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		System.clearProperty("courtstats.nightly-load.max-rejected-share");
		assertThat(this.warehouse.update("update etl.rejected_row set raw_record = replace(raw_record, 'OCTOBER', "
				+ "'OCT') where raw_record like '%,OCTOBER,%'"))
			.isOne();
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);

		// when: both are replayed under the default threshold
		int exitCode = run("replay-rejects");

		// then: the EOIR release is held back, the CBP file replayed, and both are told
		assertThat(exitCode).as(this.err.toString()).isEqualTo(3);
		assertThat(this.err.toString())
			.contains("courtstats: eoir release '" + LABEL + "': held back: B_TblProceeding has 11 rejected rows")
			.contains("The replay was rolled back: the release stays as it was.")
			.contains("java -Dcourtstats.nightly-load.max-rejected-share=0.05 -jar courtstats.jar replay-rejects");
		assertThat(this.out.toString()).contains(
				"cbp release 'nationwide-encounters-fy25-aor': replayed: 1 rejected rows loaded, 0 still rejected");
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter")).isEqualTo(15);
		assertThat(count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'")).isEqualTo(11);
	}

	@Test
	void aReplayThatLosesTheDatabaseReplaysNoOtherRelease() throws IOException {
		// given: a CBP file and an EOIR release loaded with rejected rows, and a database
		// that drops the connection as the CBP file is staged again
		EoirSampleGenerator.generate(this.inbox, LABEL, 60, 2);
		Files.writeString(this.inbox.resolve("nationwide-encounters-fy25-aor.csv"),
				CBP_HEADER + cbpRow("OCT", "GUATEMALA", "12") + cbpRow("OCTOBER", "MEXICO", "3"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		this.warehouse.execute("""
				create function staging.drop_connection() returns trigger language plpgsql as $$
				begin
				    raise exception 'terminating connection (simulated)' using errcode = '08006';
				end $$""");
		this.warehouse.execute("create trigger drop_connection before insert on staging.cbp_encounter "
				+ "for each row execute function staging.drop_connection()");
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);

		// when
		int exitCode = run("replay-rejects");

		// then: the CBP file is named as not replayed, and the EOIR release, after it,
		// is not tried: the run lock went with the connection
		assertThat(exitCode).isOne();
		assertThat(this.err.toString())
			.contains("courtstats: cbp release 'nationwide-encounters-fy25-aor': not " + "replayed: ")
			.contains("terminating connection (simulated)");
		assertThat(this.err.toString()).contains("courtstats: eoir release '" + LABEL + "': not replayed: not tried, "
				+ "the database connection was lost before it");
		assertThat(this.out.toString()).doesNotContain("eoir release");
		assertThat(count("select count(*) from etl.load_run where message like 'rejected rows replayed%'")).isZero();
	}

	@Test
	void theBundledSampleReleaseLoadsWithTheDefaultThreshold() {
		EoirSampleGenerator.generate(this.inbox, LABEL, 50, 3);

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isZero();
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(3);
	}

	@Test
	void rejectsListsTheQuarantinedRowsOfTheLatestReleaseWithACountPerTableAndReason() {
		// given
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long proceedingLine = rejectedLine(sample, "B_TblProceeding");
		this.out.getBuffer().setLength(0);

		// when
		int all = run("rejects");
		String listed = this.out.toString();
		this.out.getBuffer().setLength(0);
		int oneTable = run("rejects", "--table", "b_tblproceeding", "--limit", "5");
		String oneTableListed = this.out.toString();
		this.out.getBuffer().setLength(0);
		int limited = run("rejects", "--limit", "1");
		String limitedListed = this.out.toString();
		int unknownRun = run("rejects", "--run", "9999");
		int unknownTable = run("rejects", "--table", "B_TblProceedings");
		int unknownTableReplayed = run("replay-rejects", "--table", "B_TblProceedings");
		this.out.getBuffer().setLength(0);
		int noneOfTableReplayed = run("replay-rejects", "--table", "tbl_CustodyHistory");
		String noneOfTable = this.out.toString();

		// then
		assertThat(all).isZero();
		assertThat(listed).contains("Rejected rows of eoir release '" + LABEL + "':")
			.containsPattern("A_TblCaseIdentifier +key_missing +1\\R")
			.containsPattern("B_TblProceeding +key_not_integer +1\\R")
			.containsPattern("tbl_schedule +key_missing +1\\R")
			.contains("B_TblProceeding EOIR Case Data/B_TblProceeding.csv:" + proceedingLine
					+ "  key_not_integer  IDNPROCEEDING is 'FC', expected an integer")
			.containsPattern("\\R    FC\\\\t\\d+\\\\t");
		assertThat(oneTable).isZero();
		assertThat(oneTableListed).contains("B_TblProceeding")
			.doesNotContain("tbl_schedule")
			.doesNotContain("A_TblCaseIdentifier");
		assertThat(limited).isZero();
		assertThat(limitedListed).contains("1 of 3 rejected rows listed");
		assertThat(unknownRun).isEqualTo(2);
		assertThat(this.err.toString()).contains("Run 9999 is not in etl.load_run");
		assertThat(unknownTable).isEqualTo(2);
		assertThat(unknownTableReplayed).isEqualTo(2);
		assertThat(noneOfTableReplayed).isZero();
		assertThat(noneOfTable)
			.contains("No rejected rows of table tbl_CustodyHistory to replay in the latest releases.");
		assertThat(this.err.toString())
			.contains("--table 'B_TblProceedings' names no table of the files read; they hold A_TblCase, ")
			.contains(", B_TblProceeding, ");
	}

	@Test
	void aLineCorrectedInRejectedRowIsReplayedIntoItsFactAndNothingElseChanges() {
		// given: the sample release loaded and archived, and its rejected proceeding line
		// corrected in place
		System.setProperty("courtstats.nightly-load.archive", this.archive.toString());
		EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		assertThat(this.archive.resolve(LABEL)).isDirectory();
		Map<String, String> before = checksums();
		long proceedingsBefore = count("select count(*) from warehouse.fct_proceeding");
		assertThat(this.warehouse.update("update etl.rejected_row set raw_record = '99999901' || "
				+ "substr(raw_record, 3) where table_name = 'B_TblProceeding' and raw_record like 'FC\t%'"))
			.isOne();
		this.out.getBuffer().setLength(0);

		// when
		int exitCode = run("replay-rejects");

		// then: the line is a proceeding now, the other rejects stay, and nothing else
		// in the warehouse changed
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.contains("eoir release '" + LABEL + "': replayed: 1 rejected rows loaded, 2 still rejected");
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(proceedingsBefore + 1);
		assertThat(count("select count(*) from warehouse.fct_proceeding where proceeding_id = 99999901 "
				+ "and deleted_in_release_key is null"))
			.isOne();
		assertThat(this.warehouse.query("select table_name, reason_code from etl.rejected_row order by 1",
				(rs, row) -> tuple(rs.getString(1), rs.getString(2))))
			.containsExactly(tuple("A_TblCaseIdentifier", "key_missing"), tuple("tbl_schedule", "key_missing"));
		assertThat(count("select rows_rejected from etl.source_file where table_name = 'B_TblProceeding'")).isZero();
		Map<String, String> after = checksums();
		assertThat(after).containsAllEntriesOf(withoutKey(before, "fct_proceeding"));
		assertThat(checksum("fct_proceeding where proceeding_id <> 99999901")).isEqualTo(before.get("fct_proceeding"));
		assertThat(count("select count(*) from staging.eoir_proceeding")).isZero();
		assertThat(this.warehouse
			.queryForList("select table_name, delivered_record, corrected_record " + "from etl.corrected_row"))
			.extracting((row) -> row.get("table_name"), (row) -> row.get("delivered_record").toString().substring(0, 3),
					(row) -> row.get("corrected_record").toString().substring(0, 9))
			.containsExactly(tuple("B_TblProceeding", "FC\t", "99999901\t"));

		// when: replayed again, nothing corrected since
		this.out.getBuffer().setLength(0);
		int again = run("replay-rejects");

		// then: the line corrected before is still read so, and nothing changed
		assertThat(again).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.contains("eoir release '" + LABEL + "': replayed: 0 rejected rows loaded, 2 still rejected");
		assertThat(checksums()).isEqualTo(after);
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(2);
		assertThat(count("select count(*) from etl.corrected_row")).isOne();
	}

	@Test
	void aReplayOfOneTableKeepsTheCorrectionsOfTheOtherTablesAndCountsTheWholeRelease() {
		// given: the sample release loaded, its rejected proceeding corrected and its
		// rejected case identifier corrected too
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long identifierLine = rejectedLine(sample, "A_TblCaseIdentifier");
		assertThat(this.warehouse.update("update etl.rejected_row set raw_record = '99999901' || "
				+ "substr(raw_record, 3) where table_name = 'B_TblProceeding' and raw_record like 'FC\t%'"))
			.isOne();
		String identifierCorrected = "corrected " + this.warehouse.queryForObject(
				"select raw_record from etl.rejected_row where table_name = 'A_TblCaseIdentifier'", String.class);
		this.warehouse.update("update etl.rejected_row set raw_record = ? where table_name = 'A_TblCaseIdentifier'",
				identifierCorrected);
		this.out.getBuffer().setLength(0);

		// when: the proceedings alone are replayed
		int exitCode = run("replay-rejects", "--table", "b_tblproceeding");

		// then: the proceeding is loaded, the identifier's correction waits where it
		// was written, and the counts are the release's
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("eoir release '" + LABEL
				+ "': replayed: 1 rejected rows loaded, 2 still rejected; corrections of other tables kept in "
				+ "etl.rejected_row, not loaded: A_TblCaseIdentifier line " + identifierLine
				+ "; replay without --table to load them");
		assertThat(count("select count(*) from warehouse.fct_proceeding where proceeding_id = 99999901")).isOne();
		assertThat(this.warehouse.queryForList("select table_name, line_number, raw_record from etl.rejected_row "
				+ "where table_name = 'A_TblCaseIdentifier'"))
			.extracting((row) -> row.get("line_number"), (row) -> row.get("raw_record"))
			.containsExactly(tuple(identifierLine, identifierCorrected));
		assertThat(this.warehouse.queryForList("select table_name from etl.corrected_row", String.class))
			.containsExactly("B_TblProceeding");
		assertThat(this.warehouse.queryForObject("select message from etl.load_run", String.class))
			.startsWith("rejected rows replayed: 1 loaded, 2 still rejected; corrections of other tables kept");
	}

	@Test
	void aReplayIsRefusedNamingTheLineWhenACorrectedRecordIsEmptyAndNothingIsLost() {
		// given: the sample release loaded, and its rejected case identifier emptied
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long identifierLine = rejectedLine(sample, "A_TblCaseIdentifier");
		String delivered = this.warehouse.queryForObject(
				"select raw_record from etl.rejected_row where table_name = 'A_TblCaseIdentifier'", String.class);
		assertThat(this.warehouse
			.update("update etl.rejected_row set raw_record = '' where table_name = 'A_TblCaseIdentifier'")).isOne();
		Map<String, String> before = checksums();

		// when
		int exitCode = run("replay-rejects");

		// then: refused, naming the line, and the line still rejected
		assertThat(exitCode).isOne();
		assertThat(this.err.toString()).contains("courtstats: eoir release '" + LABEL
				+ "': not replayed: etl.rejected_row.raw_record is empty for A_TblCaseIdentifier line " + identifierLine
				+ ": write the corrected line there, or set raw_record to null to read the line as delivered");
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(3);
		assertThat(count("select count(*) from etl.corrected_row")).isZero();
		assertThat(checksums()).isEqualTo(before);

		// when: the record is set to null, as the message says, and replayed
		this.warehouse.update("update etl.rejected_row set raw_record = null where table_name = 'A_TblCaseIdentifier'");
		this.out.getBuffer().setLength(0);
		int again = run("replay-rejects");

		// then: the line is read as delivered, rejected again with its record
		assertThat(again).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.contains("eoir release '" + LABEL + "': replayed: 0 rejected rows loaded, 3 still rejected");
		assertThat(this.warehouse.queryForObject(
				"select raw_record from etl.rejected_row where table_name = 'A_TblCaseIdentifier'", String.class))
			.isEqualTo(delivered);
	}

	@Test
	void aReleaseWhoseLatestRunWasAbandonedIsPassedOverForTheReleaseBeforeIt() throws IOException {
		// given: April published with its rejected rows, then May held back and
		// abandoned
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox,
				List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501"), 300, 2);
		Path proceedings = series.get(1).folder().resolve("EOIR Case Data/B_TblProceeding.csv");
		List<String> lines = Files.readAllLines(proceedings, WINDOWS_1252);
		for (int line = 1; line <= 10; line++) {
			lines.set(line, "X" + lines.get(line));
		}
		Files.writeString(proceedings, String.join("\r\n", lines) + "\r\n", WINDOWS_1252);
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isEqualTo(3);
		long may = count("select max(job_execution_id) from etl.load_run");
		assertThat(run("abandon", String.valueOf(may))).as(this.err.toString()).isZero();
		long aprilRejected = count("select count(*) from etl.rejected_row as r join etl.source_file as f "
				+ "using (source_file_id) where f.release_label = 'EOIR Case Data 2026-0401'");
		assertThat(aprilRejected).isPositive();
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);

		// when
		int replayed = run("replay-rejects");
		String replayedOut = this.out.toString();
		this.out.getBuffer().setLength(0);
		int listed = run("rejects");

		// then: May is passed over in one line, April replayed and listed
		assertThat(replayed).as(this.err.toString()).isZero();
		assertThat(this.err.toString()).isEmpty();
		assertThat(replayedOut)
			.contains("eoir release 'EOIR Case Data 2026-0501': passed over: its run " + may + " was abandoned")
			.contains("eoir release 'EOIR Case Data 2026-0401': replayed: 0 rejected rows loaded, " + aprilRejected
					+ " still rejected");
		assertThat(listed).isZero();
		assertThat(this.out.toString())
			.contains("eoir release 'EOIR Case Data 2026-0501' passed over: its run " + may + " was abandoned")
			.contains("`courtstats rejects --run " + may + "` lists its 13 rejected rows.")
			.contains("Rejected rows of eoir release 'EOIR Case Data 2026-0401':")
			.doesNotContain("Rejected rows of eoir release 'EOIR Case Data 2026-0501':");
	}

	@Test
	void aLineCorrectedToAnotherLinesKeyIsSaidToCollapseIntoIt() {
		// given: the sample release loaded, and its hearing without a key corrected to
		// the key of another hearing
		EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long hearings = count("select count(*) from warehouse.fct_hearing");
		String taken = Long.toString(count("select min(schedule_id) from warehouse.fct_hearing"));
		assertThat(this.warehouse.update("update etl.rejected_row set raw_record = ? || raw_record "
				+ "where table_name = 'tbl_schedule' and raw_record like E'\\t%'", taken))
			.isOne();
		this.out.getBuffer().setLength(0);

		// when
		int exitCode = run("replay-rejects");

		// then: the hearing replaced the other, and the replay says so
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("1 more line than before collapsed into another line of the same "
				+ "key (the last line of a key wins; etl.dedup_decision names them)");
		assertThat(count("select count(*) from warehouse.fct_hearing")).isEqualTo(hearings);
	}

	@Test
	void replayRefusesARunOlderThanTheLatestRelease() {
		// given: two monthly releases loaded
		EoirSampleGenerator.generateSeries(this.inbox, List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501"),
				60, 4);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		long firstRun = count("select min(job_execution_id) from etl.load_run");
		Map<String, String> before = checksums();

		// when
		int exitCode = run("replay-rejects", "--run", Long.toString(firstRun));

		// then
		assertThat(exitCode).isOne();
		assertThat(this.err.toString()).contains("eoir release 'EOIR Case Data 2026-0401': not replayed: release "
				+ "'EOIR Case Data 2026-0501' was published after it");
		assertThat(checksums()).isEqualTo(before);
	}

	@Test
	void aPublishedReleaseWhoseRunWasAbandonedSinceIsReplayedAndItsRunStaysAbandoned() {
		// given: a release published with rejected lines, its run then read as stopped
		// (as a stop let through at its publication by an earlier version left it) and
		// abandoned, as restart advises
		EoirSampleGenerator.generate(this.inbox, LABEL, 60, 4);
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		long runId = count("select max(job_execution_id) from etl.load_run");
		assertThat(count("select count(*) from etl.rejected_row")).isPositive();
		this.warehouse.update("update batch.batch_job_execution set status = 'STOPPED', exit_code = 'STOPPED' "
				+ "where job_execution_id = ?", runId);
		assertThat(run("abandon", String.valueOf(runId))).as(this.err.toString()).isZero();

		// when
		this.out.getBuffer().setLength(0);
		int replayed = run("replay-rejects");

		// then: replayed, the release being published, and the run still marked abandoned
		assertThat(replayed).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("eoir release '" + LABEL + "': replayed: ");
		assertThat(this.warehouse.queryForObject("select status from etl.load_run where job_execution_id = ?",
				String.class, runId))
			.isEqualTo("ABANDONED");
	}

	@Test
	void aCorrectedCbpRowIsReplayedFromTheArchivedFile() throws IOException {
		// given: a CBP file loaded and archived, two of its rows rejected, one of them
		// corrected in place
		System.setProperty("courtstats.nightly-load.archive", this.archive.toString());
		Files.writeString(this.inbox.resolve("nationwide-encounters-fy25-aor.csv"), CBP_HEADER
				+ cbpRow("OCT", "GUATEMALA", "12") + cbpRow("OCTOBER", "MEXICO", "3") + cbpRow("NOV", "MEXICO", "-4"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		assertThat(this.archive.resolve("nationwide-encounters-fy25-aor.csv")).isRegularFile();
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter")).isEqualTo(12);
		assertThat(this.warehouse.update(
				"update etl.rejected_row set raw_record = replace(raw_record, 'OCTOBER', 'OCT') where line_number = 3"))
			.isOne();

		// when
		int exitCode = run("replay-rejects");

		// then: the corrected row is an encounter now, the other stays rejected
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains(
				"cbp release 'nationwide-encounters-fy25-aor': replayed: 1 rejected rows loaded, 1 still rejected");
		assertThat(this.warehouse.queryForList("select citizenship_label, fiscal_month, encounter_count "
				+ "from warehouse.fct_encounter order by encounter_count"))
			.extracting((row) -> row.get("citizenship_label"), (row) -> row.get("fiscal_month"),
					(row) -> row.get("encounter_count"))
			.containsExactly(tuple("MEXICO", 1, 3L), tuple("GUATEMALA", 1, 12L));
		assertThat(this.warehouse.queryForList("select line_number, reason_code from etl.rejected_row"))
			.extracting((row) -> row.get("line_number"), (row) -> row.get("reason_code"))
			.containsExactly(tuple(4L, "negative_count"));
		assertThat(count("select count(*) from staging.cbp_encounter")).isZero();
		assertThat(this.warehouse
			.queryForList("select line_number, delivered_record, corrected_record " + "from etl.corrected_row"))
			.extracting((row) -> row.get("line_number"),
					(row) -> row.get("delivered_record").toString().contains("OCTOBER"),
					(row) -> row.get("corrected_record").toString().contains("OCTOBER"))
			.containsExactly(tuple(3L, true, false));

		// when: replayed again, nothing corrected since
		this.out.getBuffer().setLength(0);
		int again = run("replay-rejects");

		// then: the row corrected before is still an encounter
		assertThat(again).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains(
				"cbp release 'nationwide-encounters-fy25-aor': replayed: 0 rejected rows loaded, 1 still rejected");
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter")).isEqualTo(15);
		assertThat(count("select count(*) from etl.rejected_row")).isOne();
	}

	@Test
	void rejectsPointsAtTheLatestRunThatRejectedRowsWhenTheLatestRunsRejectedNone() throws IOException {
		// given: a CBP file with a bad row, then a newer one without
		Files.writeString(this.inbox.resolve("nationwide-encounters-fy25-aor.csv"),
				CBP_HEADER + cbpRow("OCT", "GUATEMALA", "12") + cbpRow("NOV", "MEXICO", "-4"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		long rejecting = count("select max(job_execution_id) from etl.load_run");
		Files.writeString(this.inbox.resolve("nationwide-encounters-fy25-fy26-aor.csv"),
				CBP_HEADER + cbpRow("OCT", "GUATEMALA", "13") + cbpRow("NOV", "MEXICO", "4"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		assertThat(count("select max(job_execution_id) from etl.load_run")).isGreaterThan(rejecting);
		this.out.getBuffer().setLength(0);

		// when
		int exitCode = run("rejects");

		// then
		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("No rejected rows in the latest releases.")
			.contains("Run " + rejecting
					+ ", the latest to reject rows, holds 1 in its release: `courtstats rejects --run " + rejecting
					+ "` lists them.");
	}

	@Test
	void anOlderCbpFileIsReplayedWithoutTakingBackTheYearsOfANewerOne() throws IOException {
		// given: a file whose row for November is rejected, then a newer file covering
		// the same fiscal year, which holds it
		Files.writeString(this.inbox.resolve("encounters-fy25-nov-aor.csv"),
				CBP_HEADER + cbpRow("OCT", "GUATEMALA", "12") + cbpRow("NOVEMBER", "MEXICO", "3"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		long olderRun = count("select max(job_execution_id) from etl.load_run");
		Files.writeString(this.inbox.resolve("encounters-fy25-dec-aor.csv"), CBP_HEADER
				+ cbpRow("OCT", "GUATEMALA", "13") + cbpRow("NOV", "MEXICO", "4") + cbpRow("DEC", "MEXICO", "5"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		assertThat(this.warehouse.update(
				"update etl.rejected_row set raw_record = replace(raw_record, 'NOVEMBER', 'NOV') where line_number = 3"))
			.isOne();
		Map<String, String> before = checksums();

		// when
		int exitCode = run("replay-rejects", "--run", Long.toString(olderRun));

		// then: the older file's row leaves quarantine, and the year stays the newer
		// file's
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.contains("cbp release 'encounters-fy25-nov-aor': replayed: 1 rejected rows loaded, 0 still rejected");
		assertThat(count("select count(*) from etl.rejected_row")).isZero();
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter")).isEqualTo(13 + 4 + 5);
		assertThat(checksums()).isEqualTo(before);
	}

	@Test
	void anOhssEditionIsReadAgainAndATableThatStillBreaksStaysRejected() throws IOException {
		// given: an edition whose Notes sheet is rejected as a table
		XSSFWorkbook workbook = TestWorkbooks.bookOuts();
		XSSFSheet bookOuts = workbook.getSheet("Book-Outs");
		bookOuts.getRow(3).removeCell(bookOuts.getRow(3).getCell(4));
		bookOuts.getRow(4).removeCell(bookOuts.getRow(4).getCell(4));
		TestWorkbooks.write(workbook, this.inbox.resolve("book-outs-and-notes.xlsx"));
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).as("Book-Outs loaded but for a blank cell")
			.containsPattern("sheets rejected, layout not recognised \\(see etl.rejected_row\\): Notes\\R");
		long cells = count("select count(*) from warehouse.fct_border_statistic");
		assertThat(cells).isPositive();
		Map<String, String> before = checksums();

		// when
		int exitCode = run("replay-rejects");

		// then
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString())
			.contains("ohss release 'book-outs-and-notes': replayed: 0 rejected rows loaded, 2 still rejected");
		assertThat(this.warehouse.queryForList("select sheet_name, reason_code from etl.rejected_row"))
			.extracting((row) -> row.get("sheet_name"), (row) -> row.get("reason_code"))
			.containsExactlyInAnyOrder(tuple("Notes", "unrecognised_layout"), tuple("Book-Outs", "blank_cell"));
		assertThat(checksums()).isEqualTo(before);
		assertThat(count("select count(*) from staging.ohss_cell")).isZero();
	}

	/**
	 * Generates the sample release with ten more proceedings whose key is not an integer
	 * ({@code X123}): eleven of its proceedings are rejected.
	 * @return the proceedings' data lines
	 */
	@Test
	void aLastLineCutShortHoldsTheReleaseBackAndStaysRejectedWhenReplayedUntilItIsCorrected() throws IOException {
		// given: a release whose proceedings file ends with a new proceeding cut
		// inside its line, held back
		Path release = EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2).folder();
		Path proceedings = release.resolve("EOIR Case Data/B_TblProceeding.csv");
		List<String> lines = Files.readAllLines(proceedings, WINDOWS_1252);
		long proceedingId = 9_999_999;
		String whole = proceedingId + lines.get(1).substring(lines.get(1).indexOf('\t'));
		Files.writeString(proceedings, String.join("\r\n", lines) + "\r\n" + whole.substring(0, 30), WINDOWS_1252);
		assertThat(run("load", "--inbox", this.inbox.toString())).isEqualTo(3);
		assertThat(this.err.toString()).contains("check etl_source_file__no_line_cut_short (error) found 1 offending")
			.contains("B_TblProceeding.csv");
		String cut = "select count(*) from etl.rejected_row where reason_code = 'line_cut_short'";
		assertThat(count(cut)).isOne();

		// when: replayed as it is
		this.err.getBuffer().setLength(0);
		int replayed = run("replay-rejects", "--table", "B_TblProceeding");

		// then: still rejected, not padded into the warehouse, and held back
		assertThat(replayed).as(this.err.toString()).isEqualTo(3);
		assertThat(count(cut)).isOne();
		assertThat(count("select count(*) from warehouse.fct_proceeding where proceeding_id = " + proceedingId))
			.isZero();
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isZero();

		// when: replayed once corrected
		this.warehouse.update("update etl.rejected_row set raw_record = ? where reason_code = 'line_cut_short'", whole);
		assertThat(run("replay-rejects", "--table", "B_TblProceeding")).as(this.err.toString()).isZero();

		// then: published with it
		assertThat(count(cut)).isZero();
		assertThat(count("select count(*) from warehouse.fct_proceeding where proceeding_id = " + proceedingId))
			.isOne();
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
	}

	private long sampleWithTenProceedingsMoreRejected() throws IOException {
		Path release = EoirSampleGenerator.generate(this.inbox, LABEL, 300, 2).folder();
		Path proceedings = release.resolve("EOIR Case Data/B_TblProceeding.csv");
		List<String> lines = Files.readAllLines(proceedings, WINDOWS_1252);
		for (int line = 1; line <= 10; line++) {
			lines.set(line, "X" + lines.get(line));
		}
		Files.writeString(proceedings, String.join("\r\n", lines) + "\r\n", WINDOWS_1252);
		return lines.size() - 1;
	}

	private static String cbpRow(String month, String citizenship, String count) {
		return "2025,FYTD," + month + ",U.S. Border Patrol,Southwest Land Border,Tucson Sector,TCA,Single Adults,"
				+ citizenship + ",Title 8,Apprehensions," + count + "\r\n";
	}

	private Map<String, String> checksums() {
		Map<String, String> sums = new TreeMap<>();
		for (String table : this.warehouse.queryForList(
				"select tablename from pg_tables " + "where schemaname = 'warehouse' and tablename <> 'dim_release'",
				String.class)) {
			sums.put(table, checksum(table));
		}
		return sums;
	}

	private String checksum(String tableAndCondition) {
		String[] parts = tableAndCondition.split(" ", 2);
		return this.warehouse.queryForObject("select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) "
				+ "from warehouse." + parts[0] + " as t " + ((parts.length > 1) ? parts[1] : ""), String.class);
	}

	private static Map<String, String> withoutKey(Map<String, String> map, String key) {
		Map<String, String> copy = new TreeMap<>(map);
		copy.remove(key);
		return copy;
	}

	private long count(String sql) {
		return this.warehouse.queryForObject(sql, Long.class);
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	/** The line of a sample's planted reject in a table. */
	private static long rejectedLine(SampleRelease sample, String table) {
		return sample.rejects()
			.stream()
			.filter((reject) -> reject.tableName().equals(table))
			.findFirst()
			.orElseThrow()
			.lineNumber();
	}

}
