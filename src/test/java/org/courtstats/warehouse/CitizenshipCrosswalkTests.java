package org.courtstats.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.courtstats.RealOhssWorkbooks;
import org.courtstats.cbp.CbpFileReader;
import org.courtstats.cbp.CbpRecord;
import org.courtstats.cbp.EncounterRow;
import org.courtstats.ohss.OhssEdition;
import org.courtstats.ohss.OhssSheetResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizenship crosswalk ({@code R__citizenship_crosswalk.sql}) names every
 * citizenship label the real CBP file and both real OHSS editions print, each label once
 * per source, read through the project's own readers.
 */
class CitizenshipCrosswalkTests {

	private static final Path CROSSWALK = Path.of("warehouse-sql/migrations/R__citizenship_crosswalk.sql");

	private static final Path CBP_FILE = Path
		.of("../shared/data/real/cbp-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv");

	/** The citizenships shared/spec/sources.md section 3 lists for CBP files. */
	private static final List<String> CBP_LABELS_OF_THE_SPEC = List.of("MEXICO", "GUATEMALA", "HONDURAS", "EL SALVADOR",
			"VENEZUELA", "CUBA", "COLOMBIA", "ECUADOR", "NICARAGUA", "HAITI", "PERU", "BRAZIL", "INDIA",
			"CHINA, PEOPLES REPUBLIC OF", "RUSSIA", "UKRAINE", "TURKEY", "ROMANIA", "PHILIPPINES", "MYANMAR (BURMA)",
			"CANADA", "OTHER");

	/** The table whose group headers, not its column headers, are the citizenships. */
	private static final String BOOK_OUTS_BY_CITIZENSHIP = "CBP SWB Book-Outs by Citp";

	private static final String TEXT = "'((?:[^']|'')*)'";

	private static final String TEXT_OR_NULL = "(null|'(?:[^']|'')*')";

	private static final Pattern ROW = Pattern.compile("^\\s*\\('(cbp|ohss)', " + TEXT + ", '(country|total|other)', "
			+ TEXT_OR_NULL + ", " + TEXT_OR_NULL + ", " + TEXT_OR_NULL + "\\)[,;]$");

	private static final List<CrosswalkRow> crosswalk = new ArrayList<>();

	private static final Set<String> cbpLabels = new TreeSet<>();

	private static final Set<String> ohssLabels = new TreeSet<>();

	private static int valueLines;

	@BeforeAll
	static void readTheCrosswalkAndEveryLabelTheRealFilesPrint() throws Exception {
		readCrosswalk();
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", CBP_FILE);
		reader.open(new ExecutionContext());
		for (CbpRecord record = reader.read(); record != null; record = reader.read()) {
			if (record instanceof EncounterRow row) {
				cbpLabels.add(row.citizenshipLabel());
			}
		}
		reader.close();
		for (Path workbook : List.of(RealOhssWorkbooks.july2024(), RealOhssWorkbooks.august2024())) {
			try (OhssEdition edition = OhssEdition.open(workbook)) {
				List<OhssSheetResult> results = edition.readTables((cell) -> {
					if (cell.citizenshipLabel() != null) {
						ohssLabels.add(cell.citizenshipLabel());
					}
					if (BOOK_OUTS_BY_CITIZENSHIP.equals(cell.tableName()) && cell.groupLabel() != null) {
						ohssLabels.add(cell.groupLabel());
					}
				});
				assertThat(results).as(workbook.toString()).noneMatch(OhssSheetResult::isRejected);
			}
		}
	}

	@Test
	void theCrosswalkFileParsesLineByLine() {
		// 22 CBP labels and 136 OHSS labels, one values line each
		assertThat(valueLines).isEqualTo(158);
		assertThat(crosswalk).hasSize(valueLines);
	}

	@Test
	void theRealFilesPrintTheLabelsExpected() {
		// guards the checks below against a reader that finds no labels
		assertThat(cbpLabels).hasSize(22).contains("MEXICO", "CHINA, PEOPLES REPUBLIC OF", "MYANMAR (BURMA)", "OTHER");
		assertThat(ohssLabels).hasSize(136)
			.contains("Mexico", "China, People's Republic", "Burma", "Korea, South", "Total", "Total Encounters",
					"Other", "Others", "All Other", "All other, including stateless and unknown");
	}

	@Test
	void everyCbpLabelOfTheRealFileAndTheSpecIsInTheCrosswalk() {
		Set<String> labels = labelsOf("cbp");
		Set<String> printed = new TreeSet<>(cbpLabels);
		printed.addAll(CBP_LABELS_OF_THE_SPEC);

		assertThat(printed).allSatisfy(
				(label) -> assertThat(labels).as("cbp label %s", label).contains(label.toLowerCase(Locale.ROOT)));
	}

	@Test
	void everyOhssLabelOfBothRealEditionsIsInTheCrosswalk() {
		Set<String> labels = labelsOf("ohss");

		assertThat(ohssLabels).allSatisfy(
				(label) -> assertThat(labels).as("ohss label %s", label).contains(label.toLowerCase(Locale.ROOT)));
	}

	@Test
	void noLabelRepeatsWithinASourceIgnoringCase() {
		Map<String, Long> counts = crosswalk.stream()
			.collect(Collectors.groupingBy((row) -> row.source() + " " + row.label().toLowerCase(Locale.ROOT),
					Collectors.counting()));

		assertThat(counts).allSatisfy((label, count) -> assertThat(count).as(label).isEqualTo(1));
	}

	@Test
	void onlyCountryLabelsCarryACodeAndEachCodeNamesOneCountry() {
		Map<String, Set<String>> countriesByCode = new HashMap<>();
		for (CrosswalkRow row : crosswalk) {
			if (row.kind().equals("country")) {
				assertThat(row.eoirCode()).as(row.label()).matches("[A-Z]{2}");
				assertThat(row.countryName()).as(row.label()).isNotBlank();
				countriesByCode.computeIfAbsent(row.eoirCode(), (code) -> new TreeSet<>())
					.add(row.countryName() + " " + row.isoAlpha2());
			}
			else {
				assertThat(row.eoirCode()).as(row.label()).isNull();
			}
		}

		assertThat(countriesByCode).allSatisfy((code, countries) -> assertThat(countries).as(code).hasSize(1));
		assertThat(crosswalk).filteredOn((row) -> row.kind().equals("total"))
			.extracting(CrosswalkRow::label)
			.containsExactly("Total", "Total Encounters");
		assertThat(crosswalk).filteredOn((row) -> row.kind().equals("other"))
			.extracting(CrosswalkRow::label)
			.containsExactly("OTHER", "All Other", "All other, including stateless and unknown", "Other", "Others");
	}

	private static Set<String> labelsOf(String source) {
		return crosswalk.stream()
			.filter((row) -> row.source().equals(source))
			.map((row) -> row.label().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	private static void readCrosswalk() throws IOException {
		for (String line : Files.readAllLines(CROSSWALK)) {
			if (!line.startsWith("    (")) {
				continue;
			}
			valueLines++;
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				crosswalk.add(new CrosswalkRow(row.group(1), unquote("'" + row.group(2) + "'"), row.group(3),
						unquote(row.group(4)), unquote(row.group(5)), unquote(row.group(6))));
			}
		}
	}

	private static String unquote(String literal) {
		if (literal.equals("null")) {
			return null;
		}
		return literal.substring(1, literal.length() - 1).replace("''", "'");
	}

	/** One row of the crosswalk's values list. */
	private record CrosswalkRow(String source, String label, String kind, String eoirCode, String countryName,
			String isoAlpha2) {
	}

}
