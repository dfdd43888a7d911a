package org.courtstats.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two monthly releases of every table the load reads, as the generator writes them: the
 * second completes proceedings, withholds applications, adds cases, moves a judge and
 * supplies lookup codes the first lacked. The warehouse and its reporting views must show
 * exactly what the generator counted.
 */
class NightlyLoadReleaseSeriesFunctionalTests extends NightlyLoadTestSupport {

	private static final String APRIL = "EOIR Case Data 2026-0401";

	private static final String MAY = "EOIR Case Data 2026-0501";

	/** The indexes of the EOIR facts, with their constraints. */
	private static final String FACT_INDEXES_FROM = """
			from pg_index i
			join pg_class c on c.oid = i.indexrelid
			left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = i.indrelid
			where i.indrelid::regclass::text in ('warehouse.fct_case', 'warehouse.fct_proceeding',
			    'warehouse.fct_hearing', 'warehouse.fct_application', 'warehouse.fct_charge',
			    'warehouse.fct_custody_period')""";

	private static final String FACT_INDEXES = "select string_agg(format('%s (%s)', pg_get_indexdef(i.indexrelid), "
			+ "coalesce(k.conname || ' ' || k.contype::text, 'no constraint')), '; ' order by c.relname) "
			+ FACT_INDEXES_FROM;

	private static final String FACT_INDEX_IDS = "select string_agg(i.indexrelid::text, ' ' order by c.relname) "
			+ FACT_INDEXES_FROM;

	@TempDir
	static Path deliveries;

	static String url = TestWarehouse.newDatabase("release_series");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	/** The tables a fact reads, each with its key. */
	private static final String[][] REPEATED_TABLES = { { "A_TblCase", "IDNCASE" },
			{ "B_TblProceeding", "IDNPROCEEDING" }, { "tbl_schedule", "IDNSCHEDULE" },
			{ "tbl_Court_Appln", "IDNPROCEEDINGAPPLN" }, { "B_TblProceedCharges", "IDNPRCDCHG" },
			{ "tbl_CustodyHistory", "IDNCUSTODY" } };

	@Test
	void twoReleasesLoadReleaseAfterRelease() throws IOException {
		// given: April and May, each in an inbox of its own
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(deliveries.resolve("generated"),
				List.of(APRIL, MAY), 800, 11);
		SampleRelease april = series.get(0);
		SampleRelease may = series.get(1);
		Path aprilInbox = deliveries.resolve("april");
		Path mayInbox = deliveries.resolve("may");
		copy(april.folder(), aprilInbox, APRIL);
		copy(may.folder(), mayInbox, MAY);
		// and: April delivers a row of each table a fact reads on two lines, the
		// hearing's earlier line with another hearing medium
		Map<String, String> repeatedKeys = new TreeMap<>();
		String[] hearingMedium = new String[1];
		for (String[] table : REPEATED_TABLES) {
			editTable(aprilInbox.resolve(APRIL), "EOIR Case Data/" + table[0], (header, rows) -> {
				int key = header.indexOf(table[1]);
				String[] row = rows.stream()
					.filter((r) -> r.length == header.size() && r[key].matches("[0-9]+"))
					.findFirst()
					.orElseThrow();
				rows.add(row.clone());
				repeatedKeys.put(table[0], row[key]);
				if (table[0].equals("tbl_schedule")) {
					int medium = header.indexOf("ADJ_MEDIUM");
					hearingMedium[0] = row[medium];
					row[medium] = "Q";
				}
			});
		}
		assertThat(hearingMedium[0].strip()).isNotEmpty().isNotEqualToIgnoringCase("Q");

		String indexesAsMigrated = text(FACT_INDEXES);
		String indexIdsAsMigrated = text(FACT_INDEX_IDS);

		// when: April loads
		assertThat(load(aprilInbox)).containsExactly(ReleaseOutcome.Status.LOADED);

		// then: the facts, empty before April, had their indexes built after their rows,
		// as they were
		assertThat(text(FACT_INDEX_IDS)).isNotEqualTo(indexIdsAsMigrated);
		assertThat(text(FACT_INDEXES)).contains("fct_hearing_pkey", "fct_proceeding_case_idx")
			.isEqualTo(indexesAsMigrated);

		// then: every fact holds what the generator counted
		SampleRelease.Expected first = april.expected();
		assertFacts(first);
		assertThat(
				text("select string_agg(table_name || ' ' || kept_record_key, ', ' order by table_name collate \"C\") "
						+ "from etl.dedup_decision where rule = 'same_key_last_line_wins' "
						+ "and kept_record_key = dropped_record_key and kept_line_number > dropped_line_number"))
			.as("each row on two lines is one fact, its later line kept and the decision recorded")
			.isEqualTo(repeatedKeys.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + " " + entry.getValue())
				.collect(Collectors.joining(", ")));
		assertThat(text("select hearing_medium from warehouse.fct_hearing where schedule_id = "
				+ repeatedKeys.get("tbl_schedule")))
			.as("the hearing's later line is the one kept (its code upper-cased)")
			.isEqualToIgnoringCase(hearingMedium[0].strip());
		assertThat(count("select count(*) from etl.dedup_decision where rule = 'exact_duplicate' "
				+ "and table_name = 'B_TblProceedCharges'"))
			.as("the charge delivered twice is collapsed, and the decision recorded")
			.isEqualTo(first.chargeDuplicates())
			.isEqualTo(1);
		assertThat(text("select is_inferred || ' ' || description from warehouse.dim_application_type "
				+ "where application_code = 'WCAT'"))
			.isEqualTo("true Inferred from tbl_Court_Appln");
		assertThat(text("select string_agg(application_code, ',' order by application_code) "
				+ "from warehouse.dim_application_type where not is_inferred and application_type_key <> -1"))
			.as("application codes keep their case")
			.isEqualTo("212L,212c,42B,ASYL,ASYW");
		assertThat(text("select is_inferred::text from warehouse.dim_judge where judge_code = 'ZZQ'"))
			.isEqualTo("true");
		assertThat(count("select count(*) from warehouse.fct_hearing where hearing_medium = 'P' "
				+ "and hearing_medium_raw = 'p'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from warehouse.fct_hearing where schedule_type = 'NA'"))
			.as("the literal NA is a code")
			.isEqualTo(1);
		assertThat(count("select count(*) from etl.rejected_row where table_name = 'tbl_schedule' "
				+ "and reason_code = 'key_missing'"))
			.isEqualTo(1);

		// when: the migration that hashes rows without their text runs again over April
		List<String> aprilHashes = rowHashes();
		this.jdbc.execute(Files.readString(Path.of("warehouse-sql/migrations/V040__hash_rows_without_their_text.sql")));

		// then: it gives every fact row the hash the load gave it
		assertThat(rowHashes()).isEqualTo(aprilHashes);

		// when: May loads, one of April's charges delivered again under a lower id
		long aprilKey = releaseKey(APRIL);
		String aprilIndexIds = text(FACT_INDEX_IDS);
		String aprilTransaction = text("select min(xmin::text) from warehouse.fct_hearing");
		Map<Long, Integer> aprilCasePages = pages("fct_case", "case_id");
		Map<Long, Integer> aprilProceedingPages = pages("fct_proceeding", "proceeding_id");
		long liveCharge = id("select min(charge_id) from warehouse.fct_charge where charge_id % 2 = 0");
		editTable(mayInbox.resolve(MAY), "EOIR Case Data/B_TblProceedCharges", (header, rows) -> {
			String[] again = rows.stream()
				.filter((row) -> row[0].equals(String.valueOf(liveCharge)))
				.findFirst()
				.orElseThrow()
				.clone();
			again[0] = String.valueOf(liveCharge - 1);
			rows.add(again);
		});
		assertThat(load(mayInbox)).containsExactly(ReleaseOutcome.Status.LOADED);
		long mayKey = releaseKey(MAY);

		// then: facts follow the snapshot, withheld applications are kept but deleted
		SampleRelease.Expected second = may.expected();
		assertFacts(second);
		assertThat(text(FACT_INDEX_IDS)).as("facts that hold rows keep their indexes").isEqualTo(aprilIndexIds);
		assertThat(text("select coalesce(deleted_in_release_key, 0) || ' ' || first_seen_release_key "
				+ "from warehouse.fct_charge where charge_id = " + liveCharge))
			.as("a duplicate arriving later does not replace the charge the warehouse holds")
			.isEqualTo("0 " + aprilKey);
		assertThat(count("select count(*) from warehouse.fct_hearing where xmin::text = '" + aprilTransaction + "'"))
			.as("May leaves the hearings it does not change as April wrote them")
			.isGreaterThan(count("select count(*) from warehouse.fct_hearing") / 2);
		assertThat(count("select count(*) from warehouse.fct_proceeding where first_seen_release_key = " + aprilKey
				+ " and last_seen_release_key = " + mayKey))
			.as("May rewrites the proceedings it holds")
			.isGreaterThan(aprilProceedingPages.size() / 2);
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null "
				+ "and last_seen_release_key <> " + mayKey))
			.as("every case May holds records May as its last sighting")
			.isZero();
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null "
				+ "and last_seen_release_key <> " + mayKey))
			.as("every proceeding May holds records May as its last sighting")
			.isZero();
		assertThat(count("select count(*) from warehouse.fct_proceeding where release_key = " + aprilKey
				+ " and last_seen_release_key = " + mayKey))
			.as("a proceeding May holds unchanged keeps April as the release that last changed it")
			.isGreaterThan(aprilProceedingPages.size() / 2);
		// A row the release lengthens may not fit in its page; nearly all stay.
		assertThat(samePage(aprilCasePages, pages("fct_case", "case_id")))
			.as("share of April's cases May updates in their page")
			.isGreaterThan(0.95);
		assertThat(samePage(aprilProceedingPages, pages("fct_proceeding", "proceeding_id")))
			.as("share of April's proceedings May updates in their page")
			.isGreaterThan(0.95);
		assertThat(text("select kept_record_key || ' ' || dropped_record_key from etl.dedup_decision "
				+ "where release_key = " + mayKey + " and dropped_record_key = '" + (liveCharge - 1) + "'"))
			.isEqualTo(liveCharge + " " + (liveCharge - 1));
		long withheld = (first.applications() + 24) / 25;
		assertThat(count("select count(*) from warehouse.fct_application where deleted_in_release_key = " + mayKey))
			.as("every 25th application was withheld from May")
			.isEqualTo(withheld);
		assertThat(count("select count(*) from warehouse.fct_application")).isEqualTo(second.applications() + withheld);
		assertThat(count("select count(*) from warehouse.fct_case where first_seen_release_key = " + mayKey))
			.as("cases added in May")
			.isEqualTo(second.cases() - first.cases())
			.isEqualTo(40);
		long completedByNewCases = count("select count(*) from warehouse.fct_proceeding where is_completed "
				+ "and first_seen_release_key = " + mayKey);
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_completed and release_key = " + mayKey
				+ " and first_seen_release_key = " + aprilKey + " and completion_date_key = 20260415"))
			.as("proceedings completed in May are updated in place")
			.isEqualTo(second.completedProceedings() - first.completedProceedings() - completedByNewCases)
			.isPositive();

		// then: the judge moved to Chicago has two versions, the others one
		assertThat(count("select count(*) from warehouse.dim_judge where not is_current"))
			.as("one judge changed court: one closed version")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("select base_city_code || ' ' || valid_from || ' ' || "
				+ "coalesce(valid_to::text, '-') || ' ' || is_current from warehouse.dim_judge where judge_code = "
				+ "(select judge_code from warehouse.dim_judge where not is_current) order by valid_from",
				String.class))
			.containsExactly("NYC 2026-04-01 2026-05-01 false", "CHI 2026-05-01 - true");
		assertThat(this.jdbc.queryForList("select c.base_city_code || ' ' || p.is_completed "
				+ "from warehouse.fct_proceeding p join warehouse.dim_court c using (court_key) "
				+ "join warehouse.dim_judge j using (judge_key) where j.judge_code = "
				+ "(select judge_code from warehouse.dim_judge where not is_current) "
				+ "group by c.base_city_code, p.is_completed order by 1", String.class))
			.as("the judge's completed proceedings stay where they were heard, the pending ones move along")
			.containsExactly("CHI false", "NYC true");

		// then: the inferred members are upgraded in place
		assertThat(text("select count(*) || ' ' || bool_or(is_inferred) || ' ' || min(judge_name) "
				+ "from warehouse.dim_judge where judge_code = 'ZZQ'"))
			.isEqualTo("1 false JUDGE ZZQ");
		assertThat(text("select is_inferred || ' ' || description from warehouse.dim_application_type "
				+ "where application_code = 'WCAT'"))
			.isEqualTo("false WITHHOLDING-CONVENTION AGAINST TORTURE");
		assertThat(count("select count(*) from warehouse.dim_application_type where is_inferred")).isZero();

		// when: May is delivered again
		String afterMay = warehouseChecksum();
		assertThat(load(mayInbox)).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED);

		// then: 1, 2, 2 is 1, 2
		assertThat(warehouseChecksum()).isEqualTo(afterMay);
		assertThat(count("select count(*) from etl.load_run")).isEqualTo(2);

		// when: June comes with an application file whose key column is missing
		Path june = copy(may.folder(), deliveries.resolve("june"), "EOIR Case Data 2026-0601");
		editTable(june, "EOIR Case Data/tbl_Court_Appln", (header, rows) -> {
			int key = header.indexOf("IDNPROCEEDINGAPPLN");
			header.remove(key);
			for (int i = 0; i < rows.size(); i++) {
				List<String> row = new ArrayList<>(List.of(rows.get(i)));
				row.remove(key);
				rows.set(i, row.toArray(new String[0]));
			}
		});
		List<ReleaseOutcome> june1 = this.nightlyLoad.run(deliveries.resolve("june"), null);

		// then: the file is rejected by name, and the whole release is held back
		assertThat(june1).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("tbl_Court_Appln.csv").contains("IDNPROCEEDINGAPPLN");
		});
		assertThat(warehouseChecksum()).isEqualTo(afterMay);
		assertThat(text("select status from warehouse.dim_release where release_label = 'EOIR Case Data 2026-0601'"))
			.isEqualTo("loading");

		// when: an April copy, older than May, is delivered
		Path march = copy(april.folder(), deliveries.resolve("march"), "EOIR Case Data 2026-0301");
		List<ReleaseOutcome> late = this.nightlyLoad.run(march.getParent(), null);

		// then: it is refused, saying how to force it
		assertThat(late).singleElement().satisfies((outcome) -> {
			assertThat(outcome.status()).isEqualTo(ReleaseOutcome.Status.REFUSED);
			assertThat(outcome.message()).contains("older than release").contains("--allow-older");
		});
		assertThat(Files.exists(march)).isTrue();

		// when: the operator forces it
		List<ReleaseOutcome> forced = this.nightlyLoad.run(march.getParent(), null, true);

		// then: its snapshot replaces May's
		assertThat(forced).extracting(ReleaseOutcome::status).containsExactly(ReleaseOutcome.Status.LOADED);
		long marchKey = releaseKey("EOIR Case Data 2026-0301");
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(first.cases());
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key = " + marchKey))
			.as("the cases first seen in May")
			.isEqualTo(second.cases() - first.cases());
		assertThat(count("select count(*) from warehouse.fct_application where deleted_in_release_key is null"))
			.as("withheld applications revived")
			.isEqualTo(first.applications());
		assertThat(text("select string_agg(distinct as_of_date::text, ',') from reporting.pending_caseload"))
			.as("the views speak for the snapshot loaded last")
			.isEqualTo("2026-03-01");
		assertThat(this.jdbc.queryForList("select base_city_code || ' ' || valid_from || ' ' || "
				+ "coalesce(valid_to::text, '-') from warehouse.dim_judge where judge_code = (select judge_code "
				+ "from warehouse.dim_judge group by judge_code having count(*) > 1) order by valid_from",
				String.class))
			.as("the moved judge's history goes on forward, dated the day after the newer release")
			.containsExactly("NYC 2026-04-01 2026-05-01", "CHI 2026-05-01 2026-05-02", "NYC 2026-05-02 -");

		// when: May is delivered again under a new label
		copy(may.folder(), deliveries.resolve("again"), "EOIR Case Data 2026-0502");
		assertThat(load(deliveries.resolve("again"))).containsExactly(ReleaseOutcome.Status.LOADED);

		// then: the warehouse holds May's snapshot again
		assertFacts(second);
	}

	/** Each EOIR fact's row hashes, in key order, as one text per fact. */
	private List<String> rowHashes() {
		return Map
			.of("fct_case", "case_id", "fct_proceeding", "proceeding_id", "fct_hearing", "schedule_id",
					"fct_application", "application_id", "fct_charge", "charge_id", "fct_custody_period",
					"custody_history_id")
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((fact) -> fact.getKey() + " "
					+ text("select count(*) || ' ' || md5(string_agg(row_hash::text, ',' order by " + fact.getValue()
							+ ")) from warehouse." + fact.getKey()))
			.toList();
	}

	/** The share of the rows of before that lie in the same page after. */
	private static double samePage(Map<Long, Integer> before, Map<Long, Integer> after) {
		long same = before.entrySet().stream().filter((row) -> row.getValue().equals(after.get(row.getKey()))).count();
		return (double) same / before.size();
	}

	/** The page each row of a fact lies in, by its key. */
	private Map<Long, Integer> pages(String fact, String key) {
		Map<Long, Integer> pages = new HashMap<>();
		this.jdbc.query("select " + key + ", (ctid::text::point)[0]::int from warehouse." + fact,
				(RowCallbackHandler) (row) -> pages.put(row.getLong(1), row.getInt(2)));
		return pages;
	}

}
