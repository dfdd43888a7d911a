package org.courtstats.ohss;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.courtstats.RealOhssWorkbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real July and August 2024 OHSS editions and checks cells a person can find by
 * opening the workbooks (sheet and cell named in each assertion).
 */
class OhssEditionRealTests {

	private static final String BOOK_OUTS = "CBP SWB Book-Outs by Agency";

	private static final String MPP = "Migrant Protection Protocols";

	@Test
	void readsTheAsOfMonthFromTheTitles() {
		try (OhssEdition july = OhssEdition.open(RealOhssWorkbooks.july2024());
				OhssEdition august = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			assertThat(july.asOfMonth()).isEqualTo(YearMonth.of(2024, 7));
			assertThat(august.asOfMonth()).isEqualTo(YearMonth.of(2024, 8));
		}
	}

	@Test
	void readsAll34TablesOfEachEditionWithoutError() {
		// Cell counts: every non-empty cell right of column B between each header row and
		// its legend, counted independently from the sheets' XML.
		assertAllTablesRead(RealOhssWorkbooks.july2024(), 104_374);
		assertAllTablesRead(RealOhssWorkbooks.august2024(), 105_020);
	}

	private void assertAllTablesRead(Path file, int expectedCells) {
		try (OhssEdition edition = OhssEdition.open(file)) {
			int[] delivered = { 0 };
			List<OhssSheetResult> results = edition.readTables((cell) -> delivered[0]++);
			assertThat(results).hasSize(34);
			assertThat(results).filteredOn(OhssSheetResult::isRejected).isEmpty();
			assertThat(results).allMatch((result) -> result.cells() > 0);
			assertThat(results.stream().mapToInt(OhssSheetResult::cells).sum()).isEqualTo(expectedCells);
			assertThat(delivered[0]).isEqualTo(expectedCells);
			assertThat(edition.tableNames()).doesNotContain("TOC").contains(BOOK_OUTS, "CHNV Paroles");
		}
	}

	@Test
	void readsMppBookOutsUnderTotalCbp() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			List<OhssCell> mpp = cells(edition, BOOK_OUTS, "Total CBP", MPP);
			// F70, F76, F80, F81, F83 of the sheet
			assertReported(find(mpp, 2019, null), "44250", "F70");
			assertReported(find(mpp, 2019, 6), "590", "F76");
			assertReported(find(mpp, 2019, 10), "11270", "F80");
			assertReported(find(mpp, 2019, 11), "11970", "F81");
			assertReported(find(mpp, 2020, null), "20200", "F83");
			OhssCell february2019 = find(mpp, 2019, 5);
			assertThat(february2019.status()).isEqualTo(ValueStatus.NOT_APPLICABLE);
			assertThat(february2019.value()).isNull();
			assertThat(february2019.cellReference()).isEqualTo("F75");
			assertThat(mpp).filteredOn((cell) -> cell.fiscalYear() < 2019)
				.isNotEmpty()
				.allMatch((cell) -> cell.status() == ValueStatus.NOT_APPLICABLE && cell.value() == null);
			assertThat(mpp).filteredOn((cell) -> cell.fiscalYear() == 2019 && !cell.isFiscalYearTotal()).hasSize(12);
		}
	}

	@Test
	void readsTheUsbpAndOfoMppColumns() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			OhssCell usbp = find(cells(edition, BOOK_OUTS, "USBP", MPP), 2019, null);
			OhssCell ofo = find(cells(edition, BOOK_OUTS, "OFO", MPP), 2019, null);
			assertReported(usbp, "39090", "O70");
			assertReported(ofo, "5160", "W70");
			assertReported(find(cells(edition, BOOK_OUTS, "USBP", MPP), 2019, 6), "370", "O76");
			assertReported(find(cells(edition, BOOK_OUTS, "OFO", MPP), 2019, 6), "220", "W76");
		}
	}

	@Test
	void stripsFootnoteDigitsFromTheBookOutHeaders() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024());
				Stream<OhssCell> cells = edition.cells(BOOK_OUTS)) {
			List<String> totalCbp = cells.filter((cell) -> cell.fiscalYear() == 2014 && cell.isFiscalYearTotal())
				.filter((cell) -> "Total CBP".equals(cell.groupLabel()))
				.map(OhssCell::measureLabel)
				.toList();
			assertThat(totalCbp).containsExactly("Total Encounters", "T8 repatriations", "T42 expulsions", MPP,
					"Transfers to ICE", "Transfers to HHS", "USBP Releases", "OFO Paroles", "Other outcomes");
		}
	}

	@Test
	void showsTheRevisionOfFiscalYear2018Encounters() {
		String sheet = "CBP Encounter by Type + Region";
		try (OhssEdition july = OhssEdition.open(RealOhssWorkbooks.july2024());
				OhssEdition august = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			// H57: "Total" under "Enforcement Encounters1"
			assertReported(find(cells(july, sheet, "Enforcement Encounters", "Total"), 2018, null), "571060", "H57");
			assertReported(find(cells(august, sheet, "Enforcement Encounters", "Total"), 2018, null), "571170", "H57");
		}
	}

	@Test
	void putsCitizenshipColumnsIntoTheCitizenshipLabel() {
		String sheet = "SWB Encounters by Citizenship";
		try (OhssEdition july = OhssEdition.open(RealOhssWorkbooks.july2024());
				OhssEdition august = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			List<OhssCell> usbp2014 = fiscalYearTotals(august, sheet, 2014, "USBP");
			OhssCell mexico = usbp2014.stream()
				.filter((cell) -> "Mexico".equals(cell.citizenshipLabel()))
				.findFirst()
				.orElseThrow();
			assertThat(mexico.measureLabel()).isEqualTo("CBP SW Border Encounters");
			assertReported(mexico, "226770", "P5");
			// The top ten change between editions: China replaces Peru in August (M4).
			assertThat(fiscalYearTotals(august, sheet, 2014, "Total CBP")).extracting(OhssCell::citizenshipLabel)
				.contains("Total", "China, People's Republic", "Other")
				.doesNotContain("Peru");
			assertThat(fiscalYearTotals(july, sheet, 2014, "Total CBP")).extracting(OhssCell::citizenshipLabel)
				.contains("Peru")
				.doesNotContain("China, People's Republic");
		}
	}

	@Test
	void readsTheCbpOneAppointmentsByCitizenshipThoughNeitherSheetNorTitleSaysSo() {
		// "CBP One Appointments: Fiscal Years 2023 to 2024 YTD (August 2024)", columns
		// Total, Cuba, Venezuela, ... Other in row 3
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024());
				Stream<OhssCell> cells = edition.cells("CBP One Appointments")) {
			List<OhssCell> fy2023 = cells.filter((cell) -> cell.fiscalYear() == 2023 && cell.isFiscalYearTotal())
				.toList();
			assertThat(fy2023).extracting(OhssCell::citizenshipLabel)
				.containsExactly("Total", "Cuba", "Venezuela", "Haiti", "Mexico", "Honduras", "Colombia", "Guatemala",
						"El Salvador", "Russia", "Ecuador", "Other");
			assertThat(fy2023).extracting(OhssCell::measureLabel).containsOnly("CBP One Appointments");
			assertReported(fy2023.get(1), "26030", "D4");
			assertReported(fy2023.get(11), "23640", "N4");
		}
	}

	@Test
	void leavesTheColumnsOfOtherTablesWithoutACitizenship() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024());
				Stream<OhssCell> cells = edition.cells("CHNV Paroles")) {
			// "Confirmed CHNV Paroles by Process": a process per column, named for a
			// country
			assertThat(cells.toList()).isNotEmpty()
				.allMatch((cell) -> cell.citizenshipLabel() == null)
				.extracting(OhssCell::measureLabel)
				.contains("Total", "Cuba", "Venezuela");
		}
	}

	@Test
	void readsBookOutsByCitizenshipWithTheCitizenshipsInTheGroupRow() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024());
				Stream<OhssCell> cells = edition.cells("CBP SWB Book-Outs by Citp")) {
			List<OhssCell> fy2019 = cells.filter((cell) -> cell.fiscalYear() == 2019 && cell.isFiscalYearTotal())
				.toList();
			OhssCell othersMpp = fy2019.stream()
				.filter((cell) -> "Others".equals(cell.citizenshipLabel()) && MPP.equals(cell.measureLabel()))
				.findFirst()
				.orElseThrow();
			assertReported(othersMpp, "1070", "CX70");
			assertThat(othersMpp.groupLabel()).isEqualTo("Others");
			OhssCell mexicoToIce = fy2019.stream()
				.filter((cell) -> "Mexico".equals(cell.citizenshipLabel())
						&& "Transfers to ICE".equals(cell.measureLabel()))
				.findFirst()
				.orElseThrow();
			assertReported(mexicoToIce, "62610", "O70");
			assertThat(fy2019).filteredOn((cell) -> "Mexico".equals(cell.citizenshipLabel()))
				.extracting(OhssCell::measureLabel)
				.doesNotContain(MPP);
		}
	}

	@Test
	void marksNotAvailableCellsAndLeavesOneLevelTablesWithoutGroups() {
		try (OhssEdition edition = OhssEdition.open(RealOhssWorkbooks.august2024())) {
			OhssCell accompaniedMinors = find(
					cells(edition, "SWB Encounters by Family Status", "Total CBP", "Accompanied Minors (OFO)"), 2014,
					null);
			assertThat(accompaniedMinors.status()).isEqualTo(ValueStatus.NOT_AVAILABLE);
			assertThat(accompaniedMinors.value()).isNull();
			assertThat(accompaniedMinors.cellReference()).isEqualTo("G5");
			try (Stream<OhssCell> cells = edition.cells("SWB Enc by Sector+Field Ofc")) {
				OhssCell totalCbp = cells.filter((cell) -> "Total CBP".equals(cell.measureLabel()))
					.findFirst()
					.orElseThrow();
				assertThat(totalCbp.groupLabel()).as("C4 lies outside the merged USBP and OFO headers").isNull();
				assertReported(totalCbp, "570050", "C5");
			}
			try (Stream<OhssCell> cells = edition.cells("DHS Removals by Arrest Agcy")) {
				assertThat(cells).allMatch((cell) -> cell.groupLabel() == null && cell.citizenshipLabel() == null);
			}
		}
	}

	private static List<OhssCell> cells(OhssEdition edition, String sheet, String group, String measure) {
		try (Stream<OhssCell> cells = edition.cells(sheet)) {
			return cells
				.filter((cell) -> Objects.equals(group, cell.groupLabel()) && measure.equals(cell.measureLabel()))
				.toList();
		}
	}

	private static List<OhssCell> fiscalYearTotals(OhssEdition edition, String sheet, int year, String group) {
		try (Stream<OhssCell> cells = edition.cells(sheet)) {
			return cells.filter((cell) -> cell.fiscalYear() == year && cell.isFiscalYearTotal())
				.filter((cell) -> group.equals(cell.groupLabel()))
				.toList();
		}
	}

	private static OhssCell find(List<OhssCell> cells, int fiscalYear, Integer fiscalMonth) {
		List<OhssCell> found = cells.stream()
			.filter((cell) -> cell.fiscalYear() == fiscalYear && Objects.equals(fiscalMonth, cell.fiscalMonth()))
			.toList();
		assertThat(found).as("FY%d month %s", fiscalYear, fiscalMonth).hasSize(1);
		return found.get(0);
	}

	private static void assertReported(OhssCell cell, String value, String reference) {
		assertThat(cell.status()).isEqualTo(ValueStatus.REPORTED);
		assertThat(cell.value()).isEqualByComparingTo(new BigDecimal(value));
		assertThat(cell.cellReference()).isEqualTo(reference);
	}

}
