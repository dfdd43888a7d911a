package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.warehouse.RunLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The commands as an operator or a scheduler runs them: what they print and how they
 * exit.
 */
class LoadCommandFunctionalTests {

	@TempDir
	Path inbox;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void pointAtAFreshWarehouse() {
		System.setProperty("courtstats.database.url", TestWarehouse.newDatabase("cli"));
		System.setProperty("courtstats.database.user", "postgres");
	}

	@AfterEach
	void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
	}

	@Test
	void loadPrintsWhatItLoadedAndSaysSoWhenThereIsNothingLeftToDo() {
		// given
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);

		// when
		int first = run("load", "--inbox", this.inbox.toString());
		String firstOutput = this.out.toString();
		this.out.getBuffer().setLength(0);
		int second = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(first).isZero();
		assertThat(firstOutput).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution")
			.containsPattern("table +read +loaded +repaired +rejected  file")
			.containsPattern("A_TblCase +301 +301 +1 +0  EOIR Case Data/A_TblCase.csv")
			.containsPattern("B_TblProceeding +\\d+ +\\d+ +1 +1  EOIR Case Data/B_TblProceeding.csv")
			.containsPattern("A_TblCase +repaired: tab_shift 1\\R")
			.containsPattern("B_TblProceeding +repaired: padded 1; rejected: key_not_integer 1\\R")
			.contains("skipped (not read by the load): Count.txt, Lookup/tblLookupSex.csv")
			.contains("Count.txt: matched, all 21 tables read hold the rows it gives")
			.contains("collapsed into other lines: B_TblProceedCharges 1 (exact_duplicate; see etl.dedup_decision)")
			.doesNotContain("Count.txt: gives no count")
			.contains("reporting.mpp_case_outcomes, top 10 by proceedings:");
		assertThat(readColumnEnd(firstOutput, "A_TblCase")).as("the counts of the longest table name in their column")
			.isEqualTo(readColumnEnd(firstOutput, "tblLookupCourtAppDecisions"));
		assertThat(second).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': already loaded, nothing to do");
	}

	@Test
	void rowCountsThatDifferFromCountTxtAreRecordedAndShownWithoutFailingTheLoad() throws IOException {
		// given: a Count.txt that gives two rows more for A_TblCase and one fewer for
		// B_TblProceeding than the files hold
		Path release = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2).folder();
		Path countTxt = release.resolve("Count.txt");
		String counts = Files.readString(countTxt);
		assertThat(counts).contains("A_TblCase\t301\r\n");
		String proceedings = counts.lines()
			.filter((line) -> line.startsWith("B_TblProceeding\t"))
			.findFirst()
			.orElseThrow()
			.substring("B_TblProceeding\t".length());
		long proceedingRows = Long.parseLong(proceedings);
		Files.writeString(countTxt, counts.replace("A_TblCase\t301\r\n", "a_tblcase\t303\r\n")
			.replace("B_TblProceeding\t" + proceedings + "\r\n", "B_TblProceeding\t" + (proceedingRows - 1) + "\r\n"));

		// when
		int exitCode = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution")
			.contains("Count.txt: A_TblCase gives 303 rows, 301 read (2 fewer)")
			.contains("Count.txt: B_TblProceeding gives %,d rows, %,d read (1 more)".formatted(proceedingRows - 1,
					proceedingRows))
			.doesNotContain("Count.txt: matched");
		JdbcTemplate warehouse = new JdbcTemplate(
				TestWarehouse.dataSource(System.getProperty("courtstats.database.url")));
		assertThat(warehouse.query(
				"select table_name, count_txt_rows, rows_read from etl.source_file "
						+ "where count_txt_rows is distinct from rows_read and status = 'loaded' order by table_name",
				(rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getLong(3))))
			.containsExactly(tuple("A_TblCase", 303L, 301L),
					tuple("B_TblProceeding", proceedingRows - 1, proceedingRows));
	}

	@Test
	void aReleaseWithoutCountTxtSaysItsRowCountsWereNotChecked() throws IOException {
		Path release = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 50, 3).folder();
		Files.delete(release.resolve("Count.txt"));

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded (job execution")
			.contains("Count.txt: none in the release, row counts not checked against it")
			.doesNotContain("Count.txt: matched");
	}

	@Test
	void aFileMissingARequiredColumnFailsNamingTheFileAndTheColumn() throws IOException {
		Path release = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0501", 50, 4).folder();
		Files.writeString(release.resolve("EOIR Case Data/A_TblCase.csv"), "ALIEN_CITY\tNAT\r\nHOUSTON\tMX\r\n");

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isEqualTo(1);
		assertThat(this.err.toString()).contains("release 'EOIR Case Data 2026-0501' failed")
			.contains("A_TblCase.csv: line 1: the header has no column IDNCASE")
			.containsPattern("abandon the run \\('courtstats abandon \\d+'; 'courtstats status' lists it\\) and "
					+ "deliver the release under a new label")
			.contains("details in");

		// and the run it names is the one to abandon
		Matcher advice = Pattern.compile("'courtstats abandon (\\d+)'").matcher(this.err.toString());
		assertThat(advice.find()).isTrue();
		this.out.getBuffer().setLength(0);
		assertThat(run("abandon", advice.group(1))).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Run " + advice.group(1) + " (release 'EOIR Case Data 2026-0501'");
	}

	@Test
	void aReleaseLackingATableOfTheSnapshotIsRefusedWhole() throws IOException {
		Path release = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0501", 50, 4).folder();
		Files.delete(release.resolve("EOIR Case Data/tbl_RepsAssigned.csv"));

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isEqualTo(1);
		assertThat(this.err.toString()).contains("lacks tbl_RepsAssigned").contains("Deliver the release whole");
	}

	@Test
	void aReleaseLackingTablesItsCountTxtListsIsRefusedUntilTheyAreDelivered() throws IOException {
		// given: a release whose judges' lookup went missing and whose hearings came
		// under a name the load does not read
		Path release = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0501", 50, 4).folder();
		Path judges = release.resolve("Lookup/tblLookupJudge.csv");
		byte[] judgeBytes = Files.readAllBytes(judges);
		Files.delete(judges);
		Path hearings = release.resolve("EOIR Case Data/tbl_schedule.csv");
		Files.move(hearings, release.resolve("EOIR Case Data/tbl_schedule.txt"));

		// when
		int refused = run("load", "--inbox", this.inbox.toString());
		String refusal = this.err.toString();
		JdbcTemplate warehouse = new JdbcTemplate(
				TestWarehouse.dataSource(System.getProperty("courtstats.database.url")));
		long published = warehouse.queryForObject("select count(*) from warehouse.fct_proceeding", Long.class);
		Files.write(judges, judgeBytes);
		Files.move(release.resolve("EOIR Case Data/tbl_schedule.txt"), hearings);
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: nothing published until the release is whole, then it loads
		assertThat(refused).isEqualTo(1);
		assertThat(refusal)
			.containsPattern("lacks tblLookupJudge \\([\\d,]+ rows\\), tbl_schedule \\([\\d,]+ rows, "
					+ "delivered as EOIR Case Data/tbl_schedule.txt, which the load does not read \\(EOIR's tables end "
					+ "\\.csv\\)\\), which its Count.txt lists")
			.contains("Deliver the release whole");
		assertThat(published).isZero();
		assertThat(loaded).as(this.err.toString()).isZero();
		assertThat(warehouse.queryForObject("select count(*) from warehouse.fct_hearing", Long.class)).isPositive();
	}

	@Test
	void eoirReleasesTheInboxCannotOrderAreRefusedAsOneAndSaidSo() throws IOException {
		EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0501", 50, 4);
		Files.createDirectories(this.inbox.resolve("EOIR Case Data latest/EOIR Case Data"));
		Files.writeString(this.inbox.resolve("EOIR Case Data latest/EOIR Case Data/A_TblCase.csv"), "IDNCASE\r\n");

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isEqualTo(1);
		assertThat(this.out.toString()).contains("EOIR releases: REFUSED: The release folder ")
			.contains("carries no as-of date in its name")
			.doesNotContain("Release 'EOIR Case Data 2026-0501'");
		assertThat(this.err.toString()).contains("courtstats: EOIR releases refused: ")
			.contains("No EOIR release in the inbox loads until this is fixed");
	}

	@Test
	void aMissingInboxIsAUsageError() {
		Path missing = this.inbox.resolve("not-there");

		int exitCode = run("load", "--inbox", missing.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString()).contains(missing + " does not exist");
	}

	@Test
	void aMissingInboxIsSaidBeforeTheWarehouseIsReached() {
		// given: a warehouse nothing listens for
		System.setProperty("courtstats.database.url", "jdbc:postgresql://localhost:1/courtstats");
		Path file = this.inbox.resolve("a-file");

		// when
		int missing = run("load", "--inbox", this.inbox.resolve("not-there").toString());
		int notAFolder = run("load", "--inbox", touch(file).toString());

		// then: the inbox is named, not the warehouse
		assertThat(missing).isEqualTo(2);
		assertThat(notAFolder).isEqualTo(2);
		assertThat(this.err.toString()).contains(this.inbox.resolve("not-there") + " does not exist")
			.contains(file + " is not a folder")
			.doesNotContain("localhost:1");
	}

	@Test
	void aSecondLoadWhileOneRunsIsRefusedWithFour() {
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 50, 2);
		RunLock otherLoad = new RunLock(TestWarehouse.dataSource(System.getProperty("courtstats.database.url")));

		int exitCode;
		int statusExitCode;
		String status;
		try (RunLock.Lease held = otherLoad.acquire()) {
			exitCode = run("load", "--inbox", this.inbox.toString());
			statusExitCode = run("status");
			status = this.out.toString();
		}

		assertThat(exitCode).isEqualTo(4);
		assertThat(this.err.toString()).contains("Another courtstats load is running against this warehouse");
		assertThat(statusExitCode).isZero();
		assertThat(status).contains("No run recorded in the job repository yet.")
			.contains("Nothing is marked as running. A load holds the run lock");
		assertThat(run("load", "--inbox", this.inbox.toString())).as("once it is released").isZero();
		this.out.getBuffer().setLength(0);
		assertThat(run("status")).isZero();
		assertThat(this.out.toString())
			.containsPattern(
					"\\s1  eoir +EOIR Case Data 2026-0401 +COMPLETED +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
			.contains("Nothing is marked as running. No load holds the run lock.");
	}

	@Test
	void everyCommandAnswersHelp() {
		for (String command : new String[] { "load", "warehouse", "generate-sample", "dictionary" }) {
			this.out.getBuffer().setLength(0);
			assertThat(run(command, "--help")).as(command).isZero();
			assertThat(this.out.toString()).as(command).contains("Usage: courtstats " + command);
		}
		this.out.getBuffer().setLength(0);
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString()).contains("load", "warehouse", "generate-sample");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("generate-sample", "--out", this.inbox.toString(), "--cases", "5")).isEqualTo(2);
		assertThat(this.err.toString()).contains("at least 20");
		assertThat(run("load", "--no-such-option")).isEqualTo(2);
	}

	@Test
	void generateSampleWritesMonthlyReleasesThatLoadInOrder() {
		int exitCode = run("generate-sample", "--out", this.inbox.toString(), "--cases", "60", "--seed", "9",
				"--months", "2");

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Wrote release 'EOIR Case Data 2026-0401'")
			.contains("Wrote release 'EOIR Case Data 2026-0501'")
			.containsPattern("cases +61")
			.containsPattern("cases +64");
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0401': loaded")
			.contains("Release 'EOIR Case Data 2026-0501': loaded");
		assertThat(
				run("generate-sample", "--out", this.inbox.toString(), "--release", "EOIR Case Data", "--months", "2"))
			.isEqualTo(2);
		this.err.getBuffer().setLength(0);
		assertThat(run("generate-sample", "--out", this.inbox.resolve("other").toString(), "--release", "foo"))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains(
				"--release 'foo' carries no as-of date in its name, which a load " + "reads the release's date from");
		assertThat(this.inbox.resolve("other")).doesNotExist();
	}

	@Test
	void generateSamplePrintsTheCountsALoadMustShow() {
		int exitCode = run("generate-sample", "--out", this.inbox.toString(), "--cases", "50", "--seed", "9");

		assertThat(exitCode).isZero();
		assertThat(this.out.toString()).contains("Wrote release 'EOIR Case Data 2026-0401'")
			.containsPattern("cases +51")
			.containsPattern("rejected rows +3")
			.containsPattern("repaired rows +2")
			.contains("B_TblProceeding line");
		assertThat(this.inbox.resolve("EOIR Case Data 2026-0401/EOIR Case Data/A_TblCase.csv")).isRegularFile();
		assertThat(this.out.toString())
			.contains("Wrote OHSS edition 2026_0415_ohss_immigration-enforcement-and-legal-processes-tables-"
					+ "march-2026.xlsx (as of March 2026)")
			.containsPattern("CBP SWB Book-Outs by Agency +2,450")
			.containsPattern("March 2021 +X +X +X")
			.contains("Wrote CBP encounters file nationwide-encounters-fy23-fy26-mar-aor.csv")
			.containsPattern("FY2026 +[1-9]");
		assertThat(this.inbox.resolve("nationwide-encounters-fy23-fy26-mar-aor.csv")).isRegularFile();
	}

	@Test
	void aWarehouseMigratedByANewerVersionIsLeftAsItIs() {
		// given: a warehouse whose schema a newer version of courtstats took one
		// migration further
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);
		assertThat(run("status")).isZero();
		JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(System.getProperty("courtstats.database.url")));
		jdbc.update("""
				insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
				    installed_by, execution_time, success)
				select max(installed_rank) + 1, '999', 'add a later column', 'SQL', 'V999__add_a_later_column.sql',
				    0, 'postgres', 1, true
				from flyway_schema_history""");
		// its reporting views, as that version wrote them
		jdbc.update("update flyway_schema_history set checksum = checksum + 1 where version is null");
		long migrations = jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class);

		// when
		this.err.getBuffer().setLength(0);
		int exit = run("load", "--inbox", this.inbox.toString());

		// then: refused as a deployment error; the views not put back, nothing loaded
		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("The warehouse was migrated by a newer version of courtstats: its "
					+ "schema is at version 999 (add a later column), and this version's migrations end at version ")
			.contains("Run the newer version");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class)).isEqualTo(migrations);
		assertThat(jdbc.queryForObject("select count(*) from etl.load_run", Long.class)).isZero();
	}

	/**
	 * Where the read count of a table's line in the load summary ends.
	 */
	private static int readColumnEnd(String output, String table) {
		Matcher line = Pattern.compile("(?m)^  " + table + " +[\\d,]+").matcher(output);
		assertThat(line.find()).as(table + "'s line in " + output).isTrue();
		return line.end() - line.start();
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	private static Path touch(Path file) {
		try {
			return Files.createFile(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
