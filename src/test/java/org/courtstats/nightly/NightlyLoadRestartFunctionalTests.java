package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load that fails in the middle of a file resumes after its last committed chunk, and
 * the warehouse ends up as a clean load leaves it: no row lost, none twice.
 */
class NightlyLoadRestartFunctionalTests extends NightlyLoadTestSupport {

	private static final int CHUNK = 200;

	private static final int FAILING_LINE = 2500;

	@TempDir
	static Path inbox;

	static String url = TestWarehouse.newDatabase("nightly_restart");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> CHUNK);
	}

	@Test
	void aLoadThatFailsMidFileResumesAfterItsLastCommittedChunk() throws IOException {
		// given: a release, and a database that fails while the proceedings file is being
		// staged
		SampleRelease sample = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 3000, 5);
		failStagingProceedingsAtLine(FAILING_LINE);

		// when
		List<ReleaseOutcome> failed = this.nightlyLoad.run(inbox, null);

		// then: it failed naming the file, and nothing reached the warehouse
		assertThat(failed).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("B_TblProceeding.csv").contains("disk full (simulated)");
		});
		long stagedAtFailure = count("select count(*) from staging.eoir_proceeding");
		long rejectedAtFailure = count("select count(*) from etl.rejected_row where table_name = 'B_TblProceeding'");
		assertThat(stagedAtFailure + rejectedAtFailure).isPositive().isLessThan(FAILING_LINE - 1);
		assertThat((stagedAtFailure + rejectedAtFailure) % CHUNK).as("whole chunks committed").isZero();
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isZero();
		assertThat(count("select count(*) from warehouse.fct_case")).isZero();

		// when: a file is replaced before the load runs again
		Path proceedings = sample.folder().resolve("EOIR Case Data/B_TblProceeding.csv");
		byte[] original = Files.readAllBytes(proceedings);
		Files.write(proceedings, Arrays.copyOf(original, original.length - 200));
		List<ReleaseOutcome> refused = this.nightlyLoad.run(inbox, null);

		// then: the run stops before staging another line of it
		assertThat(refused).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("B_TblProceeding.csv changed since the load of release");
		});
		assertThat(count("select count(*) from staging.eoir_proceeding")).isEqualTo(stagedAtFailure);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isZero();

		// when: the file is restored, the cause is fixed and the load runs again
		Files.write(proceedings, original);
		stopFailingStaging();
		List<ReleaseOutcome> resumed = this.nightlyLoad.run(inbox, null);

		// then: it resumed where it stopped and the warehouse holds every row once
		assertThat(resumed).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.LOADED);
		long lines = sample.expected().proceedings() + 1;
		List<Map<String, Object>> attempts = this.jdbc.queryForList("""
				select status, read_count from batch.batch_step_execution
				where step_name like 'stageTable:B_TblProceeding%' order by step_execution_id""");
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(0)).containsEntry("status", "FAILED");
		assertThat(attempts.get(1)).containsEntry("status", "COMPLETED");
		assertThat(((Number) attempts.get(1).get("read_count")).longValue())
			.as("the second attempt read only what the first had not committed")
			.isEqualTo(lines - stagedAtFailure - rejectedAtFailure);
		assertThat(count("select count(*) from warehouse.fct_proceeding")).isEqualTo(sample.expected().proceedings());
		assertThat(count("select count(*) from warehouse.fct_case")).isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_in_absentia"))
			.isEqualTo(sample.expected().inAbsentia());
		assertThat(count("select count(*) from etl.rejected_row")).isEqualTo(sample.rejects().size());
		assertThat(count("select count(*) from etl.repaired_row")).as("each repaired line recorded once")
			.isEqualTo(sample.repairs().size());
		assertThat(this.jdbc.queryForList("select status from etl.load_run order by job_execution_id", String.class))
			.containsExactly("FAILED", "FAILED", "COMPLETED");
	}

}
