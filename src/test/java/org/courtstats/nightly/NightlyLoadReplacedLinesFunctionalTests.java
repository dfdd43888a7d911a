package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a case's MPP signals and a proceeding's representation are derived from: the last
 * line of each key, as the facts read it, and the MPP hearing location of the earliest
 * proceeding held at a port court.
 */
class NightlyLoadReplacedLinesFunctionalTests extends NightlyLoadTestSupport {

	private static final DateTimeFormatter EOIR_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd 00:00:00.000");

	@TempDir
	static Path deliveries;

	static String url = TestWarehouse.newDatabase("replaced_lines");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void replacedLinesGiveNoSignalAndTheMppLocationIsWhereAProceedingIsHeld() throws IOException {
		// given: April loaded; a case of one proceeding and not MPP; a completed
		// proceeding represented by one line of tbl_RepsAssigned alone; a case of two
		// proceedings with input dates, not MPP
		SampleRelease april = EoirSampleGenerator.generate(deliveries.resolve("april"), "EOIR Case Data 2026-0401", 600,
				34);
		assertThat(load(deliveries.resolve("april"))).containsExactly(ReleaseOutcome.Status.LOADED);
		long single = id("select p.proceeding_id from warehouse.fct_proceeding p join warehouse.fct_case c "
				+ "using (case_id) where not c.is_mpp and (select count(*) from warehouse.fct_proceeding q "
				+ "where q.case_id = p.case_id) = 1 order by p.proceeding_id limit 1");
		long singleCase = id("select case_id from warehouse.fct_proceeding where proceeding_id = " + single);
		List<String[]> reps = rows(april.folder(), "EOIR Case Data/tbl_RepsAssigned");
		List<String> repsHeader = header(april.folder(), "EOIR Case Data/tbl_RepsAssigned");
		int parentTable = repsHeader.indexOf("PARENT_TABLE");
		int parentIdn = repsHeader.indexOf("PARENT_IDN");
		int e28 = repsHeader.indexOf("E_28_DATE");
		List<Long> represented = this.jdbc.queryForList("select proceeding_id from warehouse.fct_proceeding "
				+ "where is_completed and is_represented order by proceeding_id", Long.class);
		long lone = represented.stream()
			.filter((proceeding) -> courtRepresentations(reps, repsHeader, "B_TBLPROCEEDING", proceeding) == 1
					&& courtRepresentations(reps, repsHeader, "A_TBLCASE",
							id("select case_id from warehouse.fct_proceeding where proceeding_id = "
									+ proceeding)) == 0)
			.findFirst()
			.orElseThrow();
		LocalDate completed = LocalDate.parse(
				Long.toString(
						id("select completion_date_key from warehouse.fct_proceeding where proceeding_id = " + lone)),
				DateTimeFormatter.BASIC_ISO_DATE);
		long twoProceedings = id("select p.case_id from warehouse.fct_proceeding p join warehouse.fct_case c "
				+ "using (case_id) where not c.is_mpp group by p.case_id having count(*) = 2 "
				+ "and min(p.input_date_key) > 0 order by p.case_id limit 1");
		long earlier = id("select proceeding_id from warehouse.fct_proceeding where case_id = " + twoProceedings
				+ " order by input_date_key, proceeding_id limit 1");
		long later = id("select proceeding_id from warehouse.fct_proceeding where case_id = " + twoProceedings
				+ " and proceeding_id <> " + earlier);
		long mppCase = id("select c.case_id from warehouse.fct_case c where c.is_mpp and c.nationality_key <> -1 "
				+ "and exists (select from warehouse.fct_proceeding p where p.case_id = c.case_id and p.is_completed "
				+ "and p.nationality_key <> -1) order by c.case_id limit 1");
		String unknownNationality = "select coalesce(sum(proceedings), 0) from reporting.mpp_case_outcomes "
				+ "where nationality_code = (select eoir_code from warehouse.dim_nationality where nationality_key = -1)";
		long unknownBefore = count(unknownNationality);

		// when: May repeats the single proceeding, its replaced line held at the port
		// court SYP; repeats the lone representation, its last line dated after the
		// completion; schedules the earlier proceeding of the other case at OTM's port
		// court OPP, with no hearing location of its own, and holds its later one at SYP;
		// and an MPP case loses its nationality
		Path may = copy(april.folder(), deliveries.resolve("may"), "EOIR Case Data 2026-0501");
		editTable(may, "EOIR Case Data/B_TblProceeding", (header, rows) -> {
			int location = header.indexOf("HEARING_LOC_CODE");
			for (int i = 0; i < rows.size(); i++) {
				String[] row = rows.get(i);
				if (row[0].equals(String.valueOf(single))) {
					String[] replaced = row.clone();
					replaced[location] = "SYP";
					rows.add(i, replaced);
					i++;
				}
				else if (row[0].equals(String.valueOf(earlier))) {
					row[header.indexOf("SCHEDULED_HEAR_LOC")] = "OPP";
					row[location] = "";
				}
				else if (row[0].equals(String.valueOf(later))) {
					row[location] = "SYP";
				}
			}
		});
		editTable(may, "EOIR Case Data/A_TblCase", (header, rows) -> {
			for (String[] row : rows) {
				if (row[0].equals(String.valueOf(mppCase))) {
					row[header.indexOf("NAT")] = "";
				}
			}
		});
		editTable(may, "EOIR Case Data/tbl_RepsAssigned", (header, rows) -> {
			for (int i = 0; i < rows.size(); i++) {
				String[] row = rows.get(i);
				if (row[parentTable].equalsIgnoreCase("B_TBLPROCEEDING") && row[parentIdn].equals(String.valueOf(lone))
						&& !row[e28].isEmpty()) {
					String[] last = row.clone();
					last[e28] = completed.plusDays(30).format(EOIR_DATE);
					rows.add(i + 1, last);
					break;
				}
			}
		});
		assertThat(load(deliveries.resolve("may"))).containsExactly(ReleaseOutcome.Status.LOADED);

		// then
		assertThat(this.jdbc.queryForList("""
				select f.table_name || ' ' || f.keys_distinct
				from etl.source_file as f join warehouse.dim_release as r using (release_key)
				where r.release_label = 'EOIR Case Data 2026-0501' and f.keys_distinct is not null
				order by f.table_name
				""", String.class)).as("staging found the files that repeat a key")
			.containsExactly("A_TblCase true", "B_TblProceedCharges true", "B_TblProceeding false",
					"tbl_Court_Appln true", "tbl_CustodyHistory true", "tbl_RepsAssigned false", "tbl_schedule true");
		assertThat(
				text("select is_mpp || ' ' || mpp_by_location from warehouse.fct_case where case_id = " + singleCase))
			.as("a replaced line at a port court makes no case MPP")
			.isEqualTo("false false");
		assertThat(text("select is_represented::text from warehouse.fct_proceeding where proceeding_id = " + lone))
			.as("the representation's last line, dated after the completion, is the one read")
			.isEqualTo("false");
		assertThat(text("select hl.hearing_loc_code from warehouse.fct_case c join warehouse.dim_hearing_location hl "
				+ "on hl.hearing_location_key = c.mpp_hearing_location_key where c.case_id = " + twoProceedings))
			.as("the location of the earliest proceeding held at a port court, not of an earlier one scheduled at one")
			.isEqualTo("SYP");
		assertThat(id("select nationality_key from warehouse.fct_case where case_id = " + mppCase)).isEqualTo(-1);
		assertThat(count(unknownNationality)).as("an MPP case of unknown nationality counts under its proceedings'")
			.isEqualTo(unknownBefore);
		assertThat(count("select count(*) from etl.dedup_decision d join warehouse.dim_release r using (release_key) "
				+ "where r.release_label = 'EOIR Case Data 2026-0501' and d.table_name = 'tbl_RepsAssigned'"))
			.isOne();
	}

	private static long courtRepresentations(List<String[]> reps, List<String> header, String parentTable,
			long parent) {
		return reps.stream()
			.filter((row) -> row.length == header.size())
			.filter((row) -> row[header.indexOf("PARENT_TABLE")].equalsIgnoreCase(parentTable)
					&& row[header.indexOf("PARENT_IDN")].equals(String.valueOf(parent))
					&& row[header.indexOf("STRATTYLEVEL")].equals("COURT")
					&& row[header.indexOf("STRATTYTYPE")].equals("ALIEN"))
			.count();
	}

	private static List<String> header(Path release, String table) throws IOException {
		return List.of(Files.readAllLines(release.resolve(table + ".csv"), WINDOWS_1252).get(0).split("\t", -1));
	}

	private static List<String[]> rows(Path release, String table) throws IOException {
		List<String> lines = Files.readAllLines(release.resolve(table + ".csv"), WINDOWS_1252);
		return lines.subList(1, lines.size()).stream().map((line) -> line.split("\t", -1)).toList();
	}

}
