package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSampleWorkbook;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loads a generated EOIR release, quirks included, and compares the warehouse with what
 * the generator says it wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyLoadJobFunctionalTests extends NightlyLoadTestSupport {

	@TempDir
	static Path inbox;

	/**
	 * Other deliveries' inboxes, removed with the test class like the inbox.
	 */
	@TempDir
	static Path deliveries;

	static SampleRelease sample;

	static String url = TestWarehouse.newDatabase("nightly_load");

	@Autowired
	PlatformTransactionManager transactionManager;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> 700);
	}

	@BeforeAll
	static void deliverRelease() {
		sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 3000, 11);
	}

	@Test
	@Order(1)
	void loadsEveryValidRowAndQuarantinesEveryMalformedOne() {
		// when
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.LOADED);
			assertThat(outcome.releaseLabel()).isEqualTo("EOIR Case Data 2026-0401");
		});
		SampleRelease.Expected expected = sample.expected();
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from warehouse.fct_case where is_mpp")).isEqualTo(expected.mppCases());
		assertThat(count("select count(*) from warehouse.fct_case where mpp_by_identifier"))
			.isEqualTo(expected.mppByIdentifier());
		assertThat(count("select count(*) from warehouse.fct_case where mpp_by_location"))
			.isEqualTo(expected.mppByLocation());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_completed"))
			.isEqualTo(expected.completedProceedings());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_in_absentia"))
			.isEqualTo(expected.inAbsentia());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_represented"))
			.isEqualTo(expected.representedProceedings());
		assertRejects(sample);
	}

	@Test
	@Order(2)
	void malformedLinesThatCanBeRepairedLandInTheFactsAndAreCounted() {
		// given: the generator's two field_count lines, a tab-shifted case (the real
		// line 111549 of A_TblCase) and a proceeding cut after 20 fields
		long caseLine = lineOf("A_TblCase");
		long proceedingLine = lineOf("B_TblProceeding");
		long caseId = sample.repairedKeys("A_TblCase").get(0);
		long proceedingId = sample.repairedKeys("B_TblProceeding").get(0);

		// then: both are loaded, each with a note of what was changed
		assertThat(this.jdbc.query("""
				select table_name, line_number, repair_code, raw_record like '%' || ? || E'\t%'
				from etl.repaired_row order by table_name""",
				(rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)), "BROOKLYN"))
			.containsExactly(tuple("A_TblCase", caseLine, "tab_shift", true),
					tuple("B_TblProceeding", proceedingLine, "padded", false));
		assertThat(caseId).isEqualTo(4_999_998L);
		assertThat(this.jdbc.queryForMap("""
				select n.eoir_code as nat, t.case_type_code as case_type, co.base_city_code as court
				from warehouse.fct_case as c
				join warehouse.dim_nationality as n using (nationality_key)
				join warehouse.dim_case_type as t using (case_type_key)
				join warehouse.dim_court as co using (court_key)
				where c.case_id = ?""", caseId)).as("the values after the tab back in their columns")
			.containsEntry("nat", "GT")
			.containsEntry("case_type", "RMV")
			.containsEntry("court", "NYC");
		assertThat(this.jdbc.queryForMap("select is_completed, hearing_location_key <> -1 as located "
				+ "from warehouse.fct_proceeding where proceeding_id = ?", proceedingId))
			.as("the padded proceeding has what its 20 fields say, no completion")
			.containsEntry("is_completed", false)
			.containsEntry("located", true);

		// and: every repair and rejection is counted per file
		assertThat(this.jdbc.query("""
				select table_name, rows_read, rows_loaded, rows_repaired, rows_padded, rows_rejected
				from etl.source_file
				where table_name in ('A_TblCase', 'A_TblCaseIdentifier', 'B_TblProceeding') order by table_name""",
				(rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6))))
			.containsExactly(tuple("A_TblCase", sample.expected().cases(), sample.expected().cases(), 1L, 0L, 0L),
					tuple("A_TblCaseIdentifier", sample.expected().caseIdentifiers() + 1,
							sample.expected().caseIdentifiers(), 0L, 0L, 1L),
					tuple("B_TblProceeding", sample.expected().proceedings() + 1, sample.expected().proceedings(), 0L,
							1L, 1L));
	}

	@Test
	@Order(2)
	void theReportingViewsAddUpToTheGeneratorsCounts() {
		SampleRelease.Expected expected = sample.expected();

		Map<String, Object> outcomes = this.jdbc.queryForMap(
				"select sum(proceedings) as proceedings, sum(in_absentia) as in_absentia, sum(represented) as represented "
						+ "from reporting.mpp_case_outcomes");
		Map<String, Object> absentia = this.jdbc.queryForMap(
				"select sum(completed) as completed, sum(in_absentia) as in_absentia from reporting.in_absentia_rates");

		assertThat(((Number) outcomes.get("proceedings")).longValue()).isEqualTo(expected.mppCompletedProceedings());
		assertThat(((Number) outcomes.get("in_absentia")).longValue()).isEqualTo(expected.mppInAbsentia());
		assertThat(((Number) outcomes.get("represented")).longValue()).isEqualTo(expected.mppRepresented());
		assertThat(((Number) absentia.get("completed")).longValue()).isEqualTo(expected.completedRemoval());
		assertThat(((Number) absentia.get("in_absentia")).longValue()).isEqualTo(expected.inAbsentiaRemoval());
		assertThat(count("select count(*) from reporting.mpp_case_outcomes where hearing_loc_code is null")).isZero();
		assertThat(count("select count(*) from reporting.load_history where status = 'COMPLETED' "
				+ "and rows_rejected = " + sample.rejects().size() + " and rows_read = rows_loaded + rows_rejected"))
			.isEqualTo(1);
	}

	@Test
	@Order(2)
	void aSoftDeletedCaseRowGivesItsLiveProceedingsNoHearingLocation() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			// given: an MPP case with completed proceedings, whose case row is
			// soft-deleted (a release withheld it, not its proceedings) holding an MPP
			// location none of its proceedings was at
			long caseId = count("""
					select min(c.case_id) from warehouse.fct_case as c
					where c.is_mpp and c.mpp_hearing_location_key <> -1 and exists (
					    select 1 from warehouse.fct_proceeding as p
					    where p.case_id = c.case_id and p.is_completed and p.deleted_in_release_key is null)""");
			String elsewhere = text("""
					select min(hearing_loc_code) from warehouse.dim_hearing_location
					where is_mpp_location and hearing_location_key not in (
					    select hearing_location_key from warehouse.fct_proceeding where case_id = %d)
					""".formatted(caseId));
			assertThat(caseId).as("an MPP case with completed proceedings").isPositive();
			assertThat(elsewhere).as("an MPP location none of its proceedings was at").isNotNull();
			long underElsewhere = count("select coalesce(sum(proceedings), 0) from reporting.mpp_case_outcomes "
					+ "where hearing_loc_code = '" + elsewhere + "'");
			long total = count("select sum(proceedings) from reporting.mpp_case_outcomes");
			this.jdbc.update("""
					update warehouse.fct_case set deleted_in_release_key = release_key,
					    mpp_hearing_location_key = (
					        select hearing_location_key from warehouse.dim_hearing_location where hearing_loc_code = ?)
					where case_id = ?""", elsewhere, caseId);

			// then: its proceedings are counted under their own MPP location, as those
			// of a case without a case row
			assertThat(count("select coalesce(sum(proceedings), 0) from reporting.mpp_case_outcomes "
					+ "where hearing_loc_code = '" + elsewhere + "'"))
				.isEqualTo(underElsewhere);
			assertThat(count("select sum(proceedings) from reporting.mpp_case_outcomes")).isEqualTo(total);
		});
	}

	@Test
	@Order(3)
	void codesAreCleanedAndCodesMissingFromALookupGetInferredMembers() {
		assertThat(this.jdbc.queryForObject("select name from warehouse.dim_nationality where eoir_code = 'NA'",
				String.class))
			.as("the literal code NA is Netherlands Antilles, not a null")
			.isEqualTo("NETHERLANDS ANTILLES");
		assertThat(this.jdbc.queryForObject("select name from warehouse.dim_nationality where eoir_code = 'IV'",
				String.class))
			.as("windows-1252 decoded")
			.isEqualTo("C\u00d4TE D'IVOIRE");
		assertThat(this.jdbc.queryForObject("select name from warehouse.dim_nationality where eoir_code = 'VE'",
				String.class))
			.as("NUL byte stripped, CHAR padding trimmed")
			.isEqualTo("VENEZUELA");
		assertThat(this.jdbc
			.queryForList("select eoir_code || ' ' || name from warehouse.dim_nationality where is_inferred "
					+ "and name not like 'Inferred from %'", String.class))
			.as("inferred members, the citizenship crosswalk's included, say what they were inferred from")
			.isEmpty();
		assertThat(count("select count(*) from warehouse.dim_nationality where is_inferred "
				+ "and name like 'Inferred from citizenship_crosswalk (%)'"))
			.isPositive();
		assertThat(this.jdbc.queryForMap(
				"select judge_name, is_inferred, is_current from warehouse.dim_judge where judge_code = 'ZZQ'"))
			.containsEntry("judge_name", "Inferred from B_TblProceeding")
			.containsEntry("is_inferred", true)
			.containsEntry("is_current", true);
		assertThat(this.jdbc.queryForList(
				"select hearing_loc_code from warehouse.dim_hearing_location where is_mpp_location order by 1",
				String.class))
			.containsExactly("CIX", "ENP", "MPB", "MPL", "OPP", "SYP", "TUM");
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_completed and decision_key = -1"))
			.as("each completion's decision or other completion is a member, inferred where the lookup lacks it")
			.isZero();
		assertThat(this.jdbc.queryForList("select case_type_code || ' ' || decision_code || ' ' || decision_kind "
				+ "from warehouse.dim_decision where is_inferred order by 1", String.class))
			.as("the combinations of the proceedings that the lookup lacks")
			.containsExactly("AOC C O", "CFR C O", "WHO C O");
		assertThat(this.jdbc.queryForObject(
				"select description from warehouse.dim_decision where case_type_code = 'RMV' and decision_code = 'Y'",
				String.class))
			.isEqualTo("Prosecutorial Discretion \u2013 Admin Close");
		assertThat(count("select count(*) from warehouse.fct_proceeding where case_id = 4999999"))
			.as("the orphan proceeding is kept")
			.isEqualTo(1);
		assertThat(count("select count(*) from warehouse.fct_case where nat_raw is not null")).isZero();
		assertThat(count("select count(*) from warehouse.fct_case c join warehouse.dim_language l using (language_key) "
				+ "where l.eoir_code = '?' and c.case_id not in (" + ids(sample.repairedKeys("A_TblCase")) + ")"))
			.as("N/A in LANG reads as unknown (the repaired case has no LANG at all)")
			.isEqualTo(1);
	}

	@Test
	@Order(4)
	void theStagedRowsAreClearedOncePublished() {
		assertThat(count("select count(*) from staging.eoir_case")).isZero();
		assertThat(count("select count(*) from staging.eoir_proceeding")).isZero();
		assertThat(count("select count(*) from staging.int_case_mpp")).isZero();
		assertThat(count("select count(*) from staging.int_first_representation")).isZero();
		assertThat(count("select count(*) from staging.int_judge_version")).isZero();
		assertThat(this.jdbc.queryForList("select status from etl.source_file order by relative_path", String.class))
			.containsOnly("loaded", "skipped");
		assertThat(this.jdbc.queryForObject("select status from warehouse.dim_release", String.class))
			.isEqualTo("published");
	}

	@Test
	@Order(5)
	void theExampleQueriesRunForAnAnalystAndFindRows() throws IOException {
		// given: the sample's OHSS edition and CBP file, loaded beside the release
		Path border = Files.createDirectories(deliveries.resolve("border"));
		OhssSampleWorkbook.write(border, OhssSampleWorkbook.DEFAULT_AS_OF, 11);
		CbpSampleFile.write(border, CbpSampleFile.DEFAULT_AS_OF, 11);
		assertThat(load(border)).containsExactly(ReleaseOutcome.Status.LOADED, ReleaseOutcome.Status.LOADED);

		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
		JdbcTemplate analyst = new JdbcTemplate(dataSource);
		analyst.execute("set role courtstats_analyst");
		try (Stream<Path> queries = Files.list(Path.of("warehouse-sql/queries"))) {
			List<Path> files = queries.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
			assertThat(files).hasSizeGreaterThanOrEqualTo(6);
			for (Path file : files) {
				String sql = Files.readString(file).strip();
				assertThat(sql).as(file + " starts with a header saying what it answers").startsWith("-- ");
				assertThat(analyst.queryForList(sql.substring(0, sql.length() - 1))).as(file.toString()).isNotEmpty();
			}
		}
		finally {
			dataSource.destroy();
		}
	}

	@Test
	@Order(6)
	void loadingTheSameReleaseAgainChangesNothingAndSaysSo() {
		// given
		String before = warehouseChecksum();
		long executions = count("select count(*) from batch.batch_job_execution");

		// when
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		// then
		assertThat(outcomes).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED);
		assertThat(warehouseChecksum()).isEqualTo(before);
		assertThat(count("select count(*) from batch.batch_job_execution")).isEqualTo(executions);
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from etl.repaired_row")).isEqualTo(sample.repairs().size());
	}

	@Test
	@Order(7)
	void theSameBytesDeliveredUnderAnotherNameAreNotLoadedAgain() throws IOException {
		// given: the release copied, byte for byte, under a newer label
		Path redelivered = Files.createDirectories(deliveries.resolve("again"));
		Path copy = redelivered.resolve("EOIR Case Data 2026-0501");
		try (Stream<Path> files = Files.walk(sample.folder())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = copy.resolve(sample.folder().relativize(file));
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
		String before = warehouseChecksum();

		// when
		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(redelivered, null);

		// then
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.ALREADY_LOADED);
			assertThat(outcome.message()).contains("same bytes as release 'EOIR Case Data 2026-0401'");
		});
		assertThat(warehouseChecksum()).isEqualTo(before);
		assertThat(count("select count(*) from warehouse.dim_release where source = 'eoir'")).isEqualTo(1);
		assertThat(this.jdbc.queryForList(
				"select distinct status from etl.source_file where release_label = 'EOIR Case Data 2026-0501'",
				String.class))
			.containsExactly("duplicate");
		assertThat(count("select count(*) from staging.eoir_case")).isZero();
	}

	@Test
	@Order(8)
	void aDuplicateDeliveryStaysRecognisedAndIsRefusedOnceItChanges() throws IOException {
		Path redelivered = deliveries.resolve("again");
		String before = warehouseChecksum();

		List<ReleaseOutcome> unchanged = this.nightlyLoad.run(redelivered, null);
		Path cases = redelivered.resolve("EOIR Case Data 2026-0501/EOIR Case Data/A_TblCase.csv");
		byte[] bytes = Files.readAllBytes(cases);
		bytes[bytes.length - 5] = (byte) (bytes[bytes.length - 5] == '1' ? '2' : '1');
		Files.write(cases, bytes);
		List<ReleaseOutcome> changed = this.nightlyLoad.run(redelivered, null);

		assertThat(unchanged).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED);
		assertThat(changed).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.REFUSED);
			assertThat(outcome.message()).contains("EOIR Case Data/A_TblCase.csv has other bytes");
		});
		assertThat(warehouseChecksum()).isEqualTo(before);
	}

	private static long lineOf(String tableName) {
		return sample.repairs()
			.stream()
			.filter((reject) -> reject.tableName().equals(tableName))
			.findFirst()
			.orElseThrow()
			.lineNumber();
	}

}
