package org.courtstats.nightly;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSample;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.OhssSample;
import org.courtstats.samples.OhssSampleWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated OHSS edition and CBP file whose staging fails part-way (the database
 * refuses a row, as a full disk would): the runs fail, and the next night resumes each
 * after its last committed chunk, with every cell and row loaded once.
 */
class BorderRestartFunctionalTests extends NightlyLoadTestSupport {

	private static final int CHUNK = 500;

	@TempDir
	static Path inbox;

	static OhssSample edition;

	static CbpSample encounters;

	static String url = TestWarehouse.newDatabase("border_restart");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.chunk-size", () -> CHUNK);
	}

	@BeforeAll
	static void deliver() {
		edition = OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 3), 5);
		encounters = CbpSampleFile.write(inbox, YearMonth.of(2026, 3), 5);
	}

	@Test
	void aFailedStagingResumesAfterItsLastChunkAndLoadsEveryRowOnce() {
		// given: the third table's cells and the CBP file's line 2,000 cannot be written
		this.jdbc.execute("""
				create function staging.fail_ohss_cell() returns trigger language plpgsql as $$
				begin
				    if new.table_name = 'CBP SWB Book-Outs by Agency' and new.line_number = 40 then
				        raise exception 'disk full (simulated)';
				    end if;
				    return new;
				end $$""");
		this.jdbc.execute("""
				create function staging.fail_cbp_line() returns trigger language plpgsql as $$
				begin
				    if new.line_number = 2000 then raise exception 'disk full (simulated)'; end if;
				    return new;
				end $$""");
		this.jdbc.execute("create trigger fail_border_row before insert on staging.ohss_cell "
				+ "for each row execute function staging.fail_ohss_cell()");
		this.jdbc.execute("create trigger fail_border_row before insert on staging.cbp_encounter "
				+ "for each row execute function staging.fail_cbp_line()");

		// when
		List<ReleaseOutcome.Status> failed = load(inbox);
		long cellsStaged = count("select count(*) from staging.ohss_cell");
		long rowsStaged = count("select count(*) from staging.cbp_encounter");
		this.jdbc.execute("drop trigger fail_border_row on staging.ohss_cell");
		this.jdbc.execute("drop trigger fail_border_row on staging.cbp_encounter");
		List<ReleaseOutcome.Status> resumed = load(inbox);

		// then
		assertThat(failed).containsExactly(ReleaseOutcome.Status.FAILED, ReleaseOutcome.Status.FAILED);
		assertThat(cellsStaged).as("whole chunks before the failing one")
			.isPositive()
			.isLessThan(edition.cells().size());
		assertThat(cellsStaged % CHUNK).isZero();
		assertThat(rowsStaged).isEqualTo(1_500);
		assertThat(resumed).containsExactly(ReleaseOutcome.Status.LOADED, ReleaseOutcome.Status.LOADED);
		assertThat(count("select count(*) from warehouse.fct_border_statistic")).isEqualTo(edition.cells().size());
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_edition"))
			.isEqualTo(edition.cells().size());
		assertThat(count("select count(*) from warehouse.fct_border_statistic where is_latest_table_year"))
			.isEqualTo(edition.cells().size());
		assertThat(count("select count(*) from warehouse.fct_encounter")).isEqualTo(encounters.rows());
		assertThat(count("select sum(encounter_count) from warehouse.fct_encounter"))
			.isEqualTo(encounters.encounters());
		assertThat(count("select count(*) from staging.ohss_cell")).isZero();
		assertThat(count("select count(*) from staging.cbp_encounter")).isZero();
		assertThat(this.jdbc.queryForList("select rows_read from etl.source_file order by source", Long.class))
			.containsExactly(encounters.rows(), (long) edition.cells().size());
	}

}
