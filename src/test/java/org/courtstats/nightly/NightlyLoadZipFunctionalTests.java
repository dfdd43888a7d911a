package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.courtstats.TestWarehouse;
import org.courtstats.intake.Deflate64Encoder;
import org.courtstats.intake.ReleaseZips;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a generated release delivered as EOIR ships it, one zip with the case tables in
 * Deflate64, read in place: a failure mid-entry resumes from the zip, and the warehouse
 * ends up as a load of the same release unzipped leaves it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyLoadZipFunctionalTests extends NightlyLoadTestSupport {

	private static final int CHUNK = 500;

	private static final int FAILING_LINE = 1800;

	@TempDir
	static Path work;

	static Path inbox;

	static Path zip;

	static SampleRelease sample;

	static Map<String, Deflate64Encoder.Encoded> deflate64;

	static String url = TestWarehouse.newDatabase("nightly_zip");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> CHUNK);
	}

	@BeforeAll
	static void deliverTheReleaseZipped() throws IOException {
		sample = EoirSampleGenerator.generate(work.resolve("unzipped"), EoirSampleGenerator.DEFAULT_LABEL, 3000, 11);
		inbox = Files.createDirectories(work.resolve("inbox"));
		zip = inbox.resolve("EOIR Case Data 2026-0401.zip");
		deflate64 = ReleaseZips.write(zip, ReleaseZips.entriesOf(sample.folder()),
				(name) -> name.startsWith("EOIR Case Data/"));
	}

	@Test
	@Order(1)
	void theInboxHoldsOnlyTheZipWithItsCaseTablesInDeflate64() throws IOException {
		try (Stream<Path> delivered = Files.list(inbox)) {
			assertThat(delivered).containsExactly(zip);
		}
		assertThat(deflate64).containsOnlyKeys("EOIR Case Data/A_TblCase.csv", "EOIR Case Data/A_TblCaseIdentifier.csv",
				"EOIR Case Data/B_TblProceeding.csv", "EOIR Case Data/tbl_RepsAssigned.csv",
				"EOIR Case Data/tbl_schedule.csv", "EOIR Case Data/tbl_Court_Appln.csv",
				"EOIR Case Data/B_TblProceedCharges.csv", "EOIR Case Data/tbl_CustodyHistory.csv");
		try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
			assertThat(archive.getEntry("EOIR Case Data/B_TblProceeding.csv").getMethod()).isEqualTo(9);
			assertThat(archive.getEntry("Lookup/tblLookupJudge.csv").getMethod()).isEqualTo(8);
			assertThat(archive.getEntry("Count.txt")).isNotNull();
		}
	}

	@Test
	@Order(2)
	void aLoadFailingMidEntryResumesFromTheZipAfterItsLastCommittedChunk() {
		// given: a database that fails while the proceedings entry is being staged
		failStagingProceedingsAtLine(FAILING_LINE);

		// when
		List<ReleaseOutcome> failed = this.nightlyLoad.run(inbox, null);
		long committed = count("select count(*) from staging.eoir_proceeding")
				+ count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		stopFailingStaging();
		List<ReleaseOutcome> resumed = this.nightlyLoad.run(inbox, null);

		// then
		assertThat(failed).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("B_TblProceeding.csv").contains("disk full (simulated)");
		});
		assertThat(committed).isPositive().isLessThan(FAILING_LINE - 1);
		assertThat(committed % CHUNK).as("whole chunks committed").isZero();
		assertThat(resumed).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.LOADED);
			assertThat(outcome.releaseLabel()).isEqualTo("EOIR Case Data 2026-0401");
		});
		List<Map<String, Object>> attempts = this.jdbc.queryForList("""
				select status, read_count from batch.batch_step_execution
				where step_name like 'stageTable:B_TblProceeding%' order by step_execution_id""");
		assertThat(attempts).extracting((attempt) -> attempt.get("status")).containsExactly("FAILED", "COMPLETED");
		assertThat(((Number) attempts.get(1).get("read_count")).longValue())
			.as("the second attempt reopened the entry and skipped the lines already committed")
			.isEqualTo(sample.expected().proceedings() + 1 - committed);
	}

	@Test
	@Order(3)
	void theWarehouseHoldsWhatTheReleaseUnzippedGives() {
		SampleRelease.Expected expected = sample.expected();
		assertFacts(expected);
		assertThat(count("select count(*) from warehouse.fct_case where mpp_by_identifier"))
			.isEqualTo(expected.mppByIdentifier());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_in_absentia"))
			.isEqualTo(expected.inAbsentia());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_represented"))
			.isEqualTo(expected.representedProceedings());
		assertRejects(sample);
		assertThat(this.jdbc.queryForObject("select status from warehouse.dim_release", String.class))
			.isEqualTo("published");
	}

	@Test
	@Order(4)
	void everyEntryIsRecordedWithItsUncompressedSizeAndSha256AndItsCountTxtRows() throws Exception {
		Map<String, byte[]> entries = ReleaseZips.entriesOf(sample.folder());
		List<Map<String, Object>> recorded = this.jdbc.queryForList("""
				select relative_path, path, archive_path, size_bytes, sha256, status,
				    (extract(epoch from modified_at) * 1000)::bigint as modified_millis
				from etl.source_file order by relative_path""");
		assertThat(recorded).extracting((row) -> row.get("relative_path"))
			.containsExactlyElementsOf(entries.keySet().stream().filter((name) -> !name.endsWith("/")).toList());
		for (Map<String, Object> row : recorded) {
			String name = (String) row.get("relative_path");
			assertThat(row.get("path")).as(name).isEqualTo(zip.toAbsolutePath() + "!/" + name);
			assertThat(row.get("archive_path")).as(name).isEqualTo(zip.toAbsolutePath().toString());
			assertThat(((Number) row.get("size_bytes")).longValue()).as(name).isEqualTo(entries.get(name).length);
			assertThat(row.get("sha256")).as(name).isEqualTo(sha256(entries.get(name)));
			assertThat(((Number) row.get("modified_millis")).longValue()).as(name)
				.isEqualTo(ReleaseZips.ENTRY_TIME.toMillis());
			assertThat(row.get("status")).as(name).isIn("loaded", "skipped");
		}
		assertThat(this.jdbc.queryForList("""
				select table_name from etl.source_file
				where table_name is not null and count_txt_rows is distinct from rows_read""", String.class))
			.as("every table read the rows Count.txt gives")
			.isEmpty();
		assertThat(this.jdbc
			.queryForMap("select count_txt_rows, rows_read from etl.source_file where table_name = 'B_TblProceeding'"))
			.containsEntry("count_txt_rows", sample.expected().proceedings() + 1)
			.containsEntry("rows_read", sample.expected().proceedings() + 1);
	}

	@Test
	@Order(5)
	void loadingTheZipAgainChangesNothingAndSaysSo() {
		long executions = count("select count(*) from batch.batch_job_execution");
		long rejected = count("select count(*) from etl.rejected_row");

		List<ReleaseOutcome> outcomes = this.nightlyLoad.run(inbox, null);

		assertThat(outcomes).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED);
		assertThat(count("select count(*) from batch.batch_job_execution")).isEqualTo(executions);
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(rejected)
			.isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
