package org.courtstats.cbp;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Reads the real CBP state file for FY2020 to FY2023 (kept in the shared reference data
 * beside the project, never in it). Each row checked here can be found with
 * {@code grep -n} in that file.
 */
class RealStateFileTests {

	private static final Path FILE = Path
		.of("../shared/data/real/cbp-encounters/cbp-nationwide-encounters-fy20-fy23-state.csv");

	private static final Map<Long, EncounterRow> rowsByLine = new HashMap<>();

	private static final Map<Integer, Long> southwestEncountersByYear = new TreeMap<>();

	private static CbpHeader header;

	private static long rejected;

	@BeforeAll
	static void readTheWholeFile() throws Exception {
		assertThat(FILE)
			.as("the real CBP state file in the shared reference data beside the project (%s)",
					FILE.toAbsolutePath().normalize())
			.exists();
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", FILE);
		reader.open(new ExecutionContext());
		for (CbpRecord record = reader.read(); record != null; record = reader.read()) {
			if (record instanceof EncounterRow row) {
				rowsByLine.put(row.lineNumber(), row);
				if ("Southwest Land Border".equals(row.landBorderRegion())) {
					southwestEncountersByYear.merge(row.fiscalYear(), row.encounterCount(), Long::sum);
				}
			}
			else {
				rejected++;
			}
		}
		header = reader.header();
		reader.close();
	}

	@Test
	void everyRowReadsAndNoneIsRejected() {
		assertThat(header.variant()).isEqualTo(CbpVariant.STATE);
		assertThat(header.fieldCount()).isEqualTo(9);
		assertThat(header.unknownColumns()).isEmpty();
		assertThat(rowsByLine).hasSize(42_532);
		assertThat(rejected).isZero();
	}

	@Test
	void theFileCoversFiscalYears2020To2023() {
		CbpFileCoverage coverage = CbpFileCoverage.scan(FILE);

		assertThat(coverage.variant()).isEqualTo(CbpVariant.STATE);
		assertThat(coverage.fiscalYears()).containsExactly(2020, 2021, 2022, 2023);
		assertThat(coverage.rowsByFiscalYear()).containsExactly(entry(2020, 7_944L), entry(2021, 9_549L),
				entry(2022, 11_610L), entry(2023, 13_429L));
		assertThat(coverage.rows()).isEqualTo(42_532);
		assertThat(coverage.rejectedRows()).isZero();
	}

	@Test
	void rowsAsAPersonFindsThemInTheFile() {
		// line 16387: 2021,FYTD,OCT,Southwest Land Border,AZ,Single Adults,MEXICO,Title
		// 42,7432
		assertThat(rowsByLine.get(16_387L)).isEqualTo(new EncounterRow(16_387, 2021, 1, LocalDate.of(2020, 10, 1), null,
				"Southwest Land Border", null, null, "AZ", "Single Adults", "MEXICO", "Title 42", "Expulsions", 7_432));
		// line 42511: 2023,FYTD,SEP,Southwest Land Border,TX,Single Adults,MEXICO,Title
		// 8,10614
		assertThat(rowsByLine.get(42_511L)).isEqualTo(new EncounterRow(42_511, 2023, 12, LocalDate.of(2023, 9, 1), null,
				"Southwest Land Border", null, null, "TX", "Single Adults", "MEXICO", "Title 8", null, 10_614));
		// line 6: 2020,FYTD,APR,Northern Land Border,ME,Single Adults,"CHINA, PEOPLES
		// REPUBLIC OF",Title 8,0
		EncounterRow china = rowsByLine.get(6L);
		assertThat(china.citizenshipLabel()).isEqualTo("CHINA, PEOPLES REPUBLIC OF");
		assertThat(china.monthStart()).isEqualTo(LocalDate.of(2020, 4, 1));
		assertThat(china.fiscalMonth()).isEqualTo(7);
		assertThat(china.encounterCount()).isZero();
	}

	@Test
	void countsOfZeroAreKept() {
		assertThat(rowsByLine.values().stream().filter((row) -> row.encounterCount() == 0).count()).isEqualTo(147);
	}

	@Test
	void southwestBorderTotalsMatchThePublishedFiscalYearTotals() {
		assertThat(southwestEncountersByYear).containsExactly(entry(2020, 458_088L), entry(2021, 1_734_686L),
				entry(2022, 2_378_944L), entry(2023, 2_475_669L));
	}

	@Test
	void octoberIsTheFirstFiscalMonthInTheYearBeforeAndSeptemberTheLast() {
		List<EncounterRow> october = rowsByLine.values().stream().filter((row) -> row.fiscalMonth() == 1).toList();
		List<EncounterRow> september = rowsByLine.values().stream().filter((row) -> row.fiscalMonth() == 12).toList();

		// grep -c ',OCT,' and grep -c ',SEP,' on the file
		assertThat(october).hasSize(3_333)
			.allSatisfy((row) -> assertThat(row.monthStart())
				.isEqualTo(LocalDate.of(row.fiscalYear() - 1, Month.OCTOBER, 1)));
		assertThat(september).hasSize(3_726)
			.allSatisfy((row) -> assertThat(row.monthStart())
				.isEqualTo(LocalDate.of(row.fiscalYear(), Month.SEPTEMBER, 1)));
	}

	@Test
	void aRestartInTheMiddleOfTheRealFileResumesAtTheNextLine() throws Exception {
		ExecutionContext saved = new ExecutionContext();
		saved.putInt("cbpEncountersReader.read.count", 16_385);
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", FILE);

		reader.open(saved);
		CbpRecord next = reader.read();
		reader.close();

		assertThat(next).isEqualTo(rowsByLine.get(16_387L));
	}

}
