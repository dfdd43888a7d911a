package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-quality gates as an operator meets them: an error check over its threshold
 * holds the release back (exit 3, nothing published), a warn check lets it publish, and
 * both leave their result in {@code etl.check_result} for {@code status} to show.
 */
class CheckGatesFunctionalTests {

	@TempDir
	Path inbox;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private JdbcTemplate warehouse;

	@BeforeEach
	void pointAtAFreshWarehouse() {
		String url = TestWarehouse.newDatabase("gates");
		System.setProperty("courtstats.database.url", url);
		System.setProperty("courtstats.database.user", "postgres");
		this.warehouse = new JdbcTemplate(TestWarehouse.dataSource(url));
	}

	@AfterEach
	void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
		System.clearProperty("courtstats.nightly-load.max-rejected-share");
		System.clearProperty("courtstats.nightly-load.rejected-rows-floor");
	}

	@Test
	void anErrorCheckOverItsThresholdHoldsTheReleaseBackAndStatusNamesIt() {
		// given: a warehouse whose case load points two cases at a court no dimension
		// holds
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);
		assertThat(run("status")).isZero();
		this.warehouse.execute("create sequence public.corrupted_cases");
		this.warehouse.execute("""
				create function public.corrupt_two_cases() returns trigger language plpgsql as $$
				begin
				    if nextval('public.corrupted_cases') <= 2 then
				        new.court_key := -999;
				    end if;
				    return new;
				end
				$$""");
		this.warehouse.execute("create trigger corrupt_two_cases before insert on warehouse.fct_case "
				+ "for each row execute function public.corrupt_two_cases()");

		// when
		int exitCode = run("load", "--inbox", this.inbox.toString());

		// then: held back, nothing published, the result kept
		assertThat(exitCode).isEqualTo(ExitCodes.HELD_BACK);
		assertThat(this.out.toString()).contains("HELD BACK (job execution")
			.contains("check fct_case__keys_resolve (error) found 2 offending rows (threshold 0)")
			.contains("\"key_value\": -999");
		assertThat(count("select count(*) from warehouse.fct_case")).isZero();
		long run = count("select max(job_execution_id) from etl.load_run");
		Map<String, Object> result = this.warehouse.queryForMap("""
				select job_execution_id, severity, threshold, offending_rows, passed from etl.check_result
				where check_name = 'fct_case__keys_resolve'
				""");
		assertThat(result).containsEntry("job_execution_id", run)
			.containsEntry("severity", "error")
			.containsEntry("threshold", 0L)
			.containsEntry("offending_rows", 2L)
			.containsEntry("passed", false);
		assertThat(count("select count(*) from etl.check_result where job_execution_id = " + run + " and passed"))
			.as("the other checks of the run, the rejected-row share among them")
			.isEqualTo(22);

		this.out.getBuffer().setLength(0);
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).contains("             checks: fct_case__keys_resolve error 2 rows "
				+ "(courtstats status --checks " + run + ")");

		this.out.getBuffer().setLength(0);
		assertThat(run("status", "--checks", String.valueOf(run))).isZero();
		assertThat(this.out.toString()).contains("Data-quality checks of run " + run)
			.containsPattern("fct_case__keys_resolve +error +0 +2  FAILED \\(held the release back\\)")
			.containsPattern("rejected_rows__within_threshold +error +0 +0  passed")
			.containsPattern("etl_source_file__rows_read_match_count_txt +warn +0 +0  passed")
			.contains("e.g. [{\"case_id\": ");
		assertThat(run("status", "--checks", String.valueOf(run + 100))).isEqualTo(2);
		assertThat(this.err.toString()).contains("Run " + (run + 100) + " is not in etl.load_run");

		// and once the cause is gone, the next load publishes the release
		this.warehouse.execute("drop trigger corrupt_two_cases on warehouse.fct_case");
		this.out.getBuffer().setLength(0);
		assertThat(run("load", "--inbox", this.inbox.toString())).isZero();
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(301);
	}

	@Test
	void aRejectedShareOverTheThresholdIsRecordedAsAFailedCheck() {
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2);
		System.setProperty("courtstats.nightly-load.max-rejected-share", "0");
		System.setProperty("courtstats.nightly-load.rejected-rows-floor", "0");

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isEqualTo(ExitCodes.HELD_BACK);
		Map<String, Object> result = this.warehouse.queryForMap("""
				select severity, offending_rows, passed, cast(examples as text) as examples from etl.check_result
				where check_name = 'rejected_rows__within_threshold'
				""");
		long tablesWithRejects = count(
				"select count(distinct table_name) from etl.source_file where rows_rejected > 0");
		assertThat(tablesWithRejects).isPositive();
		assertThat(result).containsEntry("severity", "error")
			.containsEntry("offending_rows", tablesWithRejects)
			.containsEntry("passed", false);
		assertThat((String) result.get("examples")).contains("\"table_name\": \"B_TblProceeding\"");
		assertThat(count("select count(*) from etl.check_result")).as("the build and its checks did not run")
			.isEqualTo(1);
		this.out.getBuffer().setLength(0);
		assertThat(run("status")).isZero();
		assertThat(this.out.toString())
			.containsPattern("checks: rejected_rows__within_threshold error " + tablesWithRejects + " rows? ");
	}

	@Test
	void aWarnCheckOverItsThresholdIsRecordedAndTheReleasePublishes() throws IOException {
		// given: a Count.txt that gives two rows more for A_TblCase than the file holds
		Path release = EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, 2).folder();
		Path countTxt = release.resolve("Count.txt");
		Files.writeString(countTxt, Files.readString(countTxt).replace("A_TblCase\t301\r\n", "A_TblCase\t303\r\n"));

		// when
		int exitCode = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(exitCode).isZero();
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(301);
		assertThat(this.warehouse.queryForMap("""
				select severity, offending_rows, passed, cast(examples as text) as examples from etl.check_result
				where check_name = 'etl_source_file__rows_read_match_count_txt'
				""")).containsEntry("severity", "warn")
			.containsEntry("offending_rows", 1L)
			.containsEntry("passed", false)
			.hasEntrySatisfying("examples", (examples) -> assertThat((String) examples)
				.contains("\"rows_read\": 301, \"difference\": -2, \"table_name\": \"A_TblCase\""));
		this.out.getBuffer().setLength(0);
		assertThat(run("status")).isZero();
		assertThat(this.out.toString()).containsPattern(" COMPLETED ")
			.contains("checks: etl_source_file__rows_read_match_count_txt warn 1 row (courtstats status --checks");
		this.out.getBuffer().setLength(0);
		assertThat(run("status", "--checks", String.valueOf(count("select max(job_execution_id) from etl.load_run"))))
			.isZero();
		assertThat(this.out.toString()).containsPattern(
				"etl_source_file__rows_read_match_count_txt +warn +0 +1  WARNED \\(does not hold it back\\)");
	}

	private long count(String sql) {
		return this.warehouse.queryForObject(sql, Long.class);
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

}
