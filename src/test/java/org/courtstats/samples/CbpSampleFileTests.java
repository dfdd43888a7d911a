package org.courtstats.samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.courtstats.cbp.CbpFileCoverage;
import org.courtstats.cbp.CbpFileReader;
import org.courtstats.cbp.CbpRecord;
import org.courtstats.cbp.CbpVariant;
import org.courtstats.cbp.EncounterRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample CBP encounters file read back with the project's reader
 * ({@link CbpFileReader}): the real format's traits are there, and the counts the
 * generator reports are the ones read.
 */
class CbpSampleFileTests {

	private static final long SEED = 20260401;

	private static final String CHINA = "CHINA, PEOPLES REPUBLIC OF";

	@TempDir
	static Path shared;

	@TempDir
	Path folder;

	private static CbpSample sample;

	private static List<EncounterRow> rows;

	private static List<String> lines;

	@BeforeAll
	static void writeAndReadTheDefaultFile() throws Exception {
		sample = CbpSampleFile.write(shared, CbpSampleFile.DEFAULT_AS_OF, SEED);
		rows = readAll(sample.file());
		lines = Arrays.asList(Files.readString(sample.file(), StandardCharsets.UTF_8).split("\r\n", -1));
	}

	@Test
	void writesTheTwelveColumnLayoutUnderTheRealFileNameWithCrlfLineEnds() throws Exception {
		assertThat(sample.file().getFileName()).hasToString("nationwide-encounters-fy23-fy26-mar-aor.csv");
		assertThat(lines.get(0)).isEqualTo("Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,"
				+ "Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,"
				+ "Encounter Count");
		assertThat(lines).last().isEqualTo("");
		assertThat(lines).hasSize((int) sample.rows() + 2);
		assertThat(Files.readString(sample.file(), StandardCharsets.UTF_8).replace("\r\n", "")).doesNotContain("\n",
				"\r");
		assertThat(CbpFileCoverage.scan(sample.file()).variant()).isEqualTo(CbpVariant.AOR);
	}

	@Test
	void everyRowReadsAndTheCountsAreTheOnesReported() {
		assertThat(rows).hasSize((int) sample.rows());
		assertThat(sample.rows()).isEqualTo(3_137);
		Map<Integer, Long> rowsByYear = rows.stream()
			.collect(Collectors.groupingBy(EncounterRow::fiscalYear, TreeMap::new, Collectors.counting()));
		Map<Integer, Long> encountersByYear = rows.stream()
			.collect(Collectors.groupingBy(EncounterRow::fiscalYear, TreeMap::new,
					Collectors.summingLong(EncounterRow::encounterCount)));
		assertThat(rowsByYear).isEqualTo(sample.rowsByFiscalYear()).containsOnlyKeys(2023, 2024, 2025, 2026);
		assertThat(encountersByYear).isEqualTo(sample.encountersByFiscalYear());
		assertThat(CbpFileCoverage.scan(sample.file()).rowsByFiscalYear()).isEqualTo(sample.rowsByFiscalYear());
		assertThat(rows).filteredOn((row) -> row.encounterCount() == 0).hasSize((int) sample.zeroRows()).isNotEmpty();
	}

	@Test
	void aLabelWithACommaIsQuotedAndReadWhole() {
		long quotedLines = lines.stream().filter((line) -> line.contains(",\"" + CHINA + "\",")).count();
		assertThat(quotedLines).isEqualTo(sample.quotedRows()).isPositive();
		assertThat(rows).filteredOn((row) -> row.citizenshipLabel().equals(CHINA)).hasSize((int) quotedLines);
	}

	@Test
	void theCurrentYearIsWrittenYearToDateAndReadAsItsFiscalYear() {
		long yearToDateLines = lines.stream().filter((line) -> line.startsWith("2026 (FYTD),FYTD,")).count();
		assertThat(yearToDateLines).isEqualTo(sample.rowsByFiscalYear().get(2026));
		assertThat(lines).noneMatch((line) -> line.startsWith("2026,"));
		assertThat(rows).filteredOn((row) -> row.fiscalYear() == 2026)
			.hasSize((int) yearToDateLines)
			.extracting(EncounterRow::monthStart)
			.allMatch(
					(start) -> !start.isBefore(LocalDate.of(2025, 10, 1)) && !start.isAfter(LocalDate.of(2026, 3, 1)));
		assertThat(lines.subList(1, lines.size() - 1)).extracting((line) -> line.split(",")[2])
			.containsOnly("OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP");
	}

	@Test
	void rowsAreSortedAsCbpSortsThemByYearThenMonthAlphabetically() {
		List<String> data = lines.subList(1, lines.size() - 1);
		assertThat(data.get(0)).startsWith("2023,FYTD,APR,");
		assertThat(data.get(data.size() - 1)).startsWith("2026 (FYTD),FYTD,OCT,");
		List<List<String>> keys = new ArrayList<>();
		for (EncounterRow row : rows) {
			keys.add(List.of(String.valueOf(row.fiscalYear()), data.get((int) row.lineNumber() - 2).split(",")[2],
					row.component(), row.landBorderRegion(), row.areaOfResponsibility(), row.aorAbbv(),
					row.demographic(), row.citizenshipLabel(), row.titleOfAuthority()));
		}
		Comparator<List<String>> byColumns = (a, b) -> {
			for (int i = 0; i < a.size(); i++) {
				int order = a.get(i).compareTo(b.get(i));
				if (order != 0) {
					return order;
				}
			}
			return 0;
		};
		assertThat(keys).isSortedAccordingTo(byColumns).doesNotHaveDuplicates();
	}

	@Test
	void holdsSectorsAndFieldOfficesOfEachRegionAndTitle42OnlyThroughMay2023() {
		assertThat(rows).extracting(EncounterRow::component)
			.containsOnly("Office of Field Operations", "U.S. Border Patrol");
		assertThat(rows).extracting(EncounterRow::landBorderRegion)
			.containsOnly("Northern Land Border", "Other", "Southwest Land Border");
		assertThat(rows).extracting((row) -> row.areaOfResponsibility() + "/" + row.aorAbbv())
			.contains("Rio Grande Valley Sector/RGV", "Laredo Field Office/Laredo", "Swanton Sector/SWB",
					"New York Field Office/New York");
		assertThat(rows).filteredOn((row) -> row.titleOfAuthority().equals("Title 42"))
			.hasSize((int) sample.title42Rows())
			.isNotEmpty()
			.allMatch((row) -> row.encounterType().equals("Expulsions")
					&& !row.monthStart().isAfter(LocalDate.of(2023, 5, 1)));
		assertThat(rows).filteredOn((row) -> row.titleOfAuthority().equals("Title 8"))
			.allMatch((row) -> row.encounterType()
				.equals(row.component().equals("U.S. Border Patrol") ? "Apprehensions" : "Inadmissibles"));
	}

	@Test
	void theSameSeedWritesTheSameBytes() throws Exception {
		Path again = Files.createDirectories(this.folder.resolve("again"));
		Path other = Files.createDirectories(this.folder.resolve("other"));
		CbpSample second = CbpSampleFile.write(again, CbpSampleFile.DEFAULT_AS_OF, SEED);
		CbpSample third = CbpSampleFile.write(other, CbpSampleFile.DEFAULT_AS_OF, SEED + 1);

		assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(sample.file()))
			.isNotEqualTo(Files.readAllBytes(third.file()));
		assertThat(second)
			.isEqualTo(new CbpSample(second.file(), sample.asOfMonth(), sample.rows(), sample.rowsByFiscalYear(),
					sample.encountersByFiscalYear(), sample.zeroRows(), sample.title42Rows(), sample.quotedRows()));
	}

	@Test
	void aLaterMonthsFileIsNamedForItsWindowAndMonth() {
		CbpSample october = CbpSampleFile.write(this.folder, YearMonth.of(2026, 10), SEED);

		assertThat(october.file().getFileName()).hasToString("nationwide-encounters-fy24-fy27-oct-aor.csv");
		assertThat(october.rowsByFiscalYear()).containsOnlyKeys(2024, 2025, 2026, 2027);
	}

	private static List<EncounterRow> readAll(Path file) throws Exception {
		CbpFileReader reader = new CbpFileReader("cbpSampleReader", file);
		reader.open(new ExecutionContext());
		List<EncounterRow> read = new ArrayList<>();
		try {
			for (CbpRecord record = reader.read(); record != null; record = reader.read()) {
				assertThat(record).isInstanceOf(EncounterRow.class);
				read.add((EncounterRow) record);
			}
		}
		finally {
			reader.close();
		}
		return read;
	}

}
