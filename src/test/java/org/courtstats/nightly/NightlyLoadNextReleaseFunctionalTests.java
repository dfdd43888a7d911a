package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Release after release: each EOIR release is a full snapshot, diffed against the
 * warehouse.
 */
class NightlyLoadNextReleaseFunctionalTests extends NightlyLoadTestSupport {

	private static final Set<String> MPP_LOCATIONS = Set.of("SYP", "OPP", "CIX", "ENP", "MPL", "MPB", "TUM");

	@TempDir
	static Path deliveries;

	static String url = TestWarehouse.newDatabase("next_release");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void eachReleaseIsDiffedAgainstTheWarehouse() throws IOException {
		// given: April loaded, into a warehouse that held no release (nothing to
		// soft-delete or to see again)
		assertThat(text("select warehouse.eoir_release_published()::text")).isEqualTo("false");
		SampleRelease april = EoirSampleGenerator.generate(deliveries.resolve("april"), "EOIR Case Data 2026-0401",
				1500, 21);
		assertThat(load(deliveries.resolve("april"))).containsExactly(ReleaseOutcome.Status.LOADED);
		long removed = id("select proceeding_id from warehouse.fct_proceeding where is_completed and not is_mpp "
				+ "order by proceeding_id limit 1");
		long completedNow = id("select proceeding_id from warehouse.fct_proceeding p join warehouse.dim_case_type t "
				+ "using (case_type_key) where not is_completed and t.case_type_code = 'RMV' order by proceeding_id limit 1");
		long moved = id("select case_id from warehouse.fct_case where mpp_by_location and not mpp_by_identifier "
				+ "order by case_id limit 1");
		long shifted = id("select case_id from warehouse.fct_case where not is_mpp and case_id not in ("
				+ ids(april.repairedKeys("A_TblCase")) + ") order by case_id desc limit 1");
		String notMpp = "select case_id from warehouse.fct_case where not is_mpp and case_id not in ("
				+ ids(april.repairedKeys("A_TblCase")) + ", " + shifted
				+ ") and case_id in (select case_id from warehouse.fct_proceeding) and case_id not in (select case_id "
				+ "from warehouse.fct_proceeding where proceeding_id in (" + removed + ", " + completedNow
				+ ")) order by case_id ";
		long flaggedWithProceedingRejected = id(notMpp + "limit 1");
		long flaggedWithCaseRejected = id(notMpp + "offset 1 limit 1");
		long rejectedProceeding = id("select min(proceeding_id) from warehouse.fct_proceeding where case_id = "
				+ flaggedWithProceedingRejected);
		long aprilKey = releaseKey("EOIR Case Data 2026-0401");
		assertThat(text("select warehouse.eoir_release_published()::text")).isEqualTo("true");

		// when: May drops one proceeding, completes another, moves an MPP case out of the
		// port courts, carries one case line broken by a tab that two repairs fit (the
		// state typed into the city field, or the city cut in two), and flags two cases
		// MP whose lines it then rejects: a proceeding's of one, the case's of the other
		Path may = copy(april.folder(), deliveries.resolve("may"), "EOIR Case Data 2026-0501");
		editTable(may, "EOIR Case Data/A_TblCaseIdentifier", (header, rows) -> {
			long next = rows.stream().mapToLong((row) -> Long.parseLong(row[0])).max().orElse(0) + 1;
			rows.add(new String[] { String.valueOf(next), String.valueOf(flaggedWithProceedingRejected), "MP" });
			rows.add(new String[] { String.valueOf(next + 1), String.valueOf(flaggedWithCaseRejected), "MP" });
		});
		editTable(may, "EOIR Case Data/B_TblProceeding", (header, rows) -> {
			rows.removeIf((row) -> row[0].equals(String.valueOf(removed)));
			for (String[] row : rows) {
				if (row[0].equals(String.valueOf(rejectedProceeding))) {
					row[header.indexOf("INPUT_DATE")] = "not a date";
				}
				if (row[0].equals(String.valueOf(completedNow))) {
					row[header.indexOf("COMP_DATE")] = "2026-04-15 00:00:00.000";
					row[header.indexOf("DEC_CODE")] = "X";
					row[header.indexOf("ABSENTIA")] = "Y";
				}
				if (row[1].equals(String.valueOf(moved))) {
					for (String column : List.of("HEARING_LOC_CODE", "SCHEDULED_HEAR_LOC", "PREV_HEARING_LOC")) {
						if (MPP_LOCATIONS.contains(row[header.indexOf(column)])) {
							row[header.indexOf(column)] = "SND";
						}
					}
				}
			}
		});
		editTable(may, "EOIR Case Data/A_TblCase", (header, rows) -> {
			for (String[] row : rows) {
				if (row[0].equals(String.valueOf(shifted))) {
					row[header.indexOf("ALIEN_CITY")] = "PORTLAND\tOR";
					row[header.indexOf("ALIEN_STATE")] = "";
				}
				if (row[0].equals(String.valueOf(flaggedWithCaseRejected))) {
					row[header.indexOf("DATE_OF_ENTRY")] = "not a date";
				}
			}
		});
		String judge = text(
				"select min(judge_code) from warehouse.dim_judge where not is_inferred and judge_key <> -1");
		editTable(may, "Lookup/tblLookupJudge", (header, rows) -> {
			for (String[] row : rows) {
				if (row[header.indexOf("JUDGE_CODE")].equals(judge)) {
					row[header.indexOf("JUDGE_NAME")] = "JUDGE RENAMED";
				}
			}
		});
		long heardByANewJudge = id("select min(schedule_id) from warehouse.fct_hearing");
		editTable(may, "EOIR Case Data/tbl_schedule", (header, rows) -> {
			for (String[] row : rows) {
				if (row[0].equals(String.valueOf(heardByANewJudge))) {
					row[header.indexOf("IJ_CODE")] = "ZZH";
				}
			}
		});
		assertThat(load(deliveries.resolve("may"))).containsExactly(ReleaseOutcome.Status.LOADED);
		long mayKey = releaseKey("EOIR Case Data 2026-0501");

		// then
		assertThat(text("select deleted_in_release_key || ' ' || release_key from warehouse.fct_proceeding "
				+ "where proceeding_id = " + removed))
			.as("the dropped proceeding is soft-deleted, not removed")
			.isEqualTo(mayKey + " " + mayKey);
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(april.expected().proceedings() - 1);
		assertThat(text(
				"select is_completed || ' ' || is_in_absentia || ' ' || release_key || ' ' || first_seen_release_key "
						+ "from warehouse.fct_proceeding where proceeding_id = " + completedNow))
			.as("updated in place")
			.isEqualTo("true true " + mayKey + " " + aprilKey);
		assertThat(text("select is_mpp || ' ' || mpp_by_location || ' ' || coalesce(deleted_in_release_key, 0) "
				+ "from warehouse.fct_case where case_id = " + moved))
			.as("a case stays MPP after it moves out of the port courts")
			.isEqualTo("true true 0");
		assertThat(text("select coalesce(deleted_in_release_key, 0) || ' ' || last_seen_release_key "
				+ "from warehouse.fct_case where case_id = " + shifted))
			.as("a rejected line still holds its case: the case is kept as it was")
			.isEqualTo("0 " + aprilKey);
		assertThat(this.jdbc.queryForList("select reason_code from etl.rejected_row where record_key = ?", String.class,
				String.valueOf(shifted)))
			.containsExactly("tab_shift_ambiguous");
		assertThat(this.jdbc.queryForList(
				"select r.table_name || ' ' || r.record_key || ' ' || r.reason_code "
						+ "from etl.rejected_row as r join etl.source_file as f using (source_file_id) "
						+ "where f.release_key = ? and r.reason_code = 'date_invalid' order by r.table_name",
				String.class, mayKey))
			.containsExactly("A_TblCase " + flaggedWithCaseRejected + " date_invalid",
					"B_TblProceeding " + rejectedProceeding + " date_invalid");
		assertThat(text("select c.is_mpp || ' ' || c.mpp_by_identifier || ' ' || p.is_mpp || ' ' || p.release_key "
				+ "from warehouse.fct_case as c join warehouse.fct_proceeding as p using (case_id) "
				+ "where p.proceeding_id = " + rejectedProceeding))
			.as("a proceeding kept for its rejected line takes the MPP flag its case took")
			.isEqualTo("true true true " + mayKey);
		assertThat(this.jdbc.queryForList("select distinct c.is_mpp || ' ' || c.mpp_by_identifier || ' ' || p.is_mpp "
				+ "from warehouse.fct_case as c join warehouse.fct_proceeding as p using (case_id) "
				+ "where c.case_id = " + flaggedWithCaseRejected, String.class))
			.as("a case kept for its rejected line keeps its MPP flag, and so do its proceedings")
			.containsExactly("false false false");
		assertMppFlagsAgree();
		assertThat(this.jdbc.queryForList(
				"select judge_name || ' ' || valid_from || ' ' || coalesce(valid_to::text, '-') "
						+ "|| ' ' || is_current from warehouse.dim_judge where judge_code = ? order by valid_from",
				String.class, judge))
			.as("a renamed judge gets a new version dated by the release")
			.containsExactly("JUDGE " + judge + " 2026-04-01 2026-05-01 false", "JUDGE RENAMED 2026-05-01 - true");
		assertThat(text("select j.judge_name || ' ' || j.is_inferred || ' ' || j.is_current "
				+ "from warehouse.fct_hearing h join warehouse.dim_judge j using (judge_key) where h.schedule_id = "
				+ heardByANewJudge))
			.as("a judge named on a scheduled hearing alone is inferred from the hearings")
			.isEqualTo("Inferred from tbl_schedule true true");
		String judgeVersions = "select count(*) from warehouse.fct_proceeding p join warehouse.dim_judge j "
				+ "using (judge_key) where j.judge_code = '" + judge + "' and ";
		assertThat(count(judgeVersions + "not p.is_completed and not j.is_current"))
			.as("pending proceedings point at the judge's current version")
			.isZero();
		assertThat(count(judgeVersions + "p.is_completed and j.is_current"))
			.as("proceedings decided before the rename keep the version that decided them")
			.isZero();
		assertThat(count(judgeVersions + "p.is_completed and not j.is_current")).isPositive();
		assertThat(count("select count(*) from warehouse.fct_proceeding where release_key = " + mayKey
				+ " and judge_key in (select judge_key from warehouse.dim_judge where judge_code = '" + judge + "')"))
			.as("renaming a judge changes none of the judge's decided proceedings")
			.isEqualTo(count(judgeVersions + "not p.is_completed and p.release_key = " + mayKey));
		assertThat(count("select count(*) from warehouse.fct_proceeding where release_key = " + aprilKey
				+ " and last_seen_release_key = " + mayKey))
			.as("unchanged rows keep the release that set them")
			.isGreaterThan(april.expected().proceedings() / 2);

		// when: June arrives cut short, its proceedings, hearings, charges and custody
		// files reduced to their first row, without a Count.txt to tell
		String before = warehouseChecksum();
		Path june = copy(april.folder(), deliveries.resolve("june"), "EOIR Case Data 2026-0601");
		Files.delete(june.resolve("Count.txt"));
		for (String table : List.of("B_TblProceeding", "tbl_schedule", "B_TblProceedCharges", "tbl_CustodyHistory")) {
			editTable(june, "EOIR Case Data/" + table, (header, rows) -> rows.subList(1, rows.size()).clear());
		}
		List<ReleaseOutcome> cut = this.nightlyLoad.run(deliveries.resolve("june"), null);

		// then: it is held back whole
		assertThat(cut).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.HELD_BACK);
			assertThat(outcome.message()).contains("fct_proceeding__no_mass_deletion")
				.contains("fct_hearing__no_mass_deletion")
				.contains("fct_charge__no_mass_deletion")
				.contains("fct_custody_period__no_mass_deletion")
				.contains("held back");
		});
		assertThat(warehouseChecksum()).isEqualTo(before);

		// when: July holds April's rows again
		copy(april.folder(), deliveries.resolve("july"), "EOIR Case Data 2026-0701");
		assertThat(load(deliveries.resolve("july"))).containsExactly(ReleaseOutcome.Status.LOADED);

		// then: the dropped proceeding is revived, and the cases flagged in May alone are
		// MPP no longer, nor are their proceedings
		long julyKey = releaseKey("EOIR Case Data 2026-0701");
		assertThat(this.jdbc.queryForList(
				"select distinct c.is_mpp || ' ' || p.is_mpp "
						+ "from warehouse.fct_case as c join warehouse.fct_proceeding as p using (case_id) "
						+ "where c.case_id in (" + flaggedWithProceedingRejected + ", " + flaggedWithCaseRejected + ")",
				String.class))
			.containsExactly("false false");
		assertMppFlagsAgree();
		assertThat(text(
				"select coalesce(deleted_in_release_key, 0) || ' ' || release_key || ' ' || first_seen_release_key "
						+ "from warehouse.fct_proceeding where proceeding_id = " + removed))
			.isEqualTo("0 " + julyKey + " " + aprilKey);
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(april.expected().proceedings());

		// when: an older release, and April again with other bytes, are delivered
		copy(april.folder(), deliveries.resolve("late"), "EOIR Case Data 2026-0301");
		Path aprilAgain = copy(april.folder(), deliveries.resolve("late"), "EOIR Case Data 2026-0401");
		editTable(aprilAgain, "EOIR Case Data/A_TblCase", (header, rows) -> rows.remove(0));
		List<ReleaseOutcome> late = this.nightlyLoad.run(deliveries.resolve("late"), null);

		// then: both are refused, saying why
		assertThat(late).extracting(ReleaseOutcome::status)
			.containsExactly(ReleaseOutcome.Status.REFUSED, ReleaseOutcome.Status.REFUSED);
		assertThat(late.get(0).message()).contains("older than release 'EOIR Case Data 2026-0701'");
		assertThat(late.get(1).message()).contains("loaded before from other files")
			.contains("EOIR Case Data/A_TblCase.csv had");
	}

	/**
	 * Every live proceeding has its live case's MPP flag, and the row hash of the values
	 * it holds.
	 */
	private void assertMppFlagsAgree() {
		assertThat(count("select count(*) from warehouse.fct_proceeding as p join warehouse.fct_case as c "
				+ "using (case_id) where p.deleted_in_release_key is null and c.deleted_in_release_key is null "
				+ "and p.is_mpp <> c.is_mpp"))
			.as("proceedings whose MPP flag is not their case's")
			.isZero();
		assertThat(count("""
				select count(*) from warehouse.fct_proceeding
				where row_hash <> hash_record_extended(row(
				    case_id, court_key, hearing_location_key, judge_key, case_type_key, nationality_key,
				    language_key, custody_key, nta_date_key, input_date_key, completion_date_key,
				    decision_key, outcome_group, is_completed, is_in_absentia, is_represented, is_mpp,
				    dec_code_raw, other_comp_raw, deported_1, deported_2
				), 0)
				""")).as("proceedings whose row hash is not that of their values").isZero();
	}

}
