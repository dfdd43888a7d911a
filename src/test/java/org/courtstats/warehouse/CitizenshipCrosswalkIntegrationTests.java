package org.courtstats.warehouse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A freshly migrated warehouse holds the citizenship crosswalk, and its codes are EOIR
 * nationality codes, checked against the real EOIR lookups.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class CitizenshipCrosswalkIntegrationTests {

	/**
	 * The EOIR nationality lookup of about 2014: headerless, code in column 2, name in 3.
	 */
	private static final Path NATIONALITY_2014 = Path
		.of("../shared/data/real/eoir-lookups-2014-jgutman/tblLookupNationality.csv");

	/** A newer dump of the EOIR lookups, as JSON objects of code to name. */
	private static final Path LOOKUPS_NEWER = Path.of("../shared/data/real/eoir-marrowb/lookups.json");

	static String url = TestWarehouse.newDatabase("crosswalk");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void theMigrationFillsTheCrosswalk() {
		List<Map<String, Object>> counts = this.jdbc.queryForList("""
				select source || ' ' || label_kind as kind, count(*) as labels
				from warehouse.citizenship_crosswalk group by 1 order by 1""");

		assertThat(counts).extracting((row) -> row.get("kind") + "=" + row.get("labels"))
			.containsExactly("cbp country=21", "cbp other=1", "ohss country=130", "ohss other=4", "ohss total=2");
	}

	@Test
	void labelsMapToTheirEoirCodes() {
		assertThat(row("cbp", "MEXICO")).isEqualTo("country MX Mexico MX");
		assertThat(row("cbp", "CHINA, PEOPLES REPUBLIC OF")).isEqualTo("country CH China CN");
		assertThat(row("ohss", "China, People's Republic")).isEqualTo("country CH China CN");
		assertThat(row("cbp", "MYANMAR (BURMA)")).isEqualTo("country BM Burma (Myanmar) MM");
		assertThat(row("ohss", "Burma")).isEqualTo("country BM Burma (Myanmar) MM");
		assertThat(row("ohss", "Korea, South")).isEqualTo("country KS South Korea KR");
		assertThat(row("ohss", "Congo, Republic")).isEqualTo("country CF Republic of the Congo CG");
		assertThat(row("ohss", "Congo, Democratic Republic"))
			.isEqualTo("country DC Democratic Republic of the Congo CD");
		assertThat(row("ohss", "Niger")).isEqualTo("country NG Niger NE");
		assertThat(row("ohss", "Nigeria")).isEqualTo("country NI Nigeria NG");
		assertThat(row("ohss", "Turkey")).isEqualTo("country TU Turkey TR");
		assertThat(row("ohss", "Turkmenistan")).isEqualTo("country TR Turkmenistan TM");
		assertThat(row("ohss", "Slovakia")).isEqualTo("country SR Slovakia SK");
	}

	@Test
	void totalsAndCatchAllsCarryNoCode() {
		assertThat(row("cbp", "OTHER")).isEqualTo("other null null null");
		assertThat(row("ohss", "Total")).isEqualTo("total null null null");
		assertThat(row("ohss", "Total Encounters")).isEqualTo("total null null null");
		assertThat(row("ohss", "All other, including stateless and unknown")).isEqualTo("other null null null");
	}

	@Test
	void labelsMatchIgnoringCase() {
		assertThat(this.jdbc.queryForObject("""
				select eoir_code from warehouse.citizenship_crosswalk
				where source = 'ohss' and lower(label) = lower('EL SALVADOR')""", String.class)).isEqualTo("ES");
	}

	@Test
	void everyCodeIsAnEoirNationalityCode() throws IOException {
		Map<String, String> lookup2014 = nationalities2014();
		Map<String, String> lookupNewer = nationalitiesNewer();
		List<String> codes = this.jdbc.queryForList(
				"select distinct eoir_code from warehouse.citizenship_crosswalk where eoir_code is not null order by 1",
				String.class);

		assertThat(lookup2014).hasSize(248).contains(entry("BM", "BURMA (MYANMAR)"), entry("CH", "CHINA"));
		assertThat(codes).hasSize(130);
		// Serbia's code is younger than the 2014 lookup, which has only YS, SERBIA
		// MONTENEGRO.
		assertThat(codes).filteredOn((code) -> !lookup2014.containsKey(code)).containsExactly("RS");
		assertThat(lookupNewer).containsEntry("RS", "SERBIA");
		assertThat(codes).allSatisfy(
				(code) -> assertThat(lookup2014.containsKey(code) || lookupNewer.containsKey(code)).as(code).isTrue());
	}

	private String row(String source, String label) {
		return this.jdbc.queryForObject("""
				select label_kind || ' ' || coalesce(eoir_code, 'null') || ' ' || coalesce(country_name, 'null')
				    || ' ' || coalesce(iso_alpha2, 'null')
				from warehouse.citizenship_crosswalk where source = ? and label = ?""", String.class, source, label);
	}

	private static Map<String, String> nationalities2014() throws IOException {
		Map<String, String> names = new HashMap<>();
		try (Reader reader = Files.newBufferedReader(NATIONALITY_2014, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
				names.put(record.get(1), record.get(2));
			}
		}
		return names;
	}

	private static Map<String, String> nationalitiesNewer() throws IOException {
		// The nationality map is a flat object of code to name, so a pattern reads it.
		String json = Files.readString(LOOKUPS_NEWER, StandardCharsets.UTF_8);
		int key = json.indexOf("\"tblLookupNationality.json\"");
		assertThat(key).as("tblLookupNationality.json in %s", LOOKUPS_NEWER).isNotNegative();
		String object = json.substring(json.indexOf('{', key), json.indexOf('}', key));
		Map<String, String> names = new HashMap<>();
		Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"").matcher(object);
		while (entry.find()) {
			names.put(entry.group(1), entry.group(2));
		}
		return names;
	}

}
