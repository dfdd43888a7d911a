package org.courtstats.cbp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.courtstats.intake.CountingResource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class CbpFileReaderTests {

	private static final String AOR_HEADER = "Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,"
			+ "Area of Responsibility,AOR (Abbv),Demographic,Citizenship,Title of Authority,Encounter Type,"
			+ "Encounter Count";

	private static final String STATE_HEADER = "Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,"
			+ "Demographic,Citizenship,Title of Authority,Encounter Count";

	private static final String AOR_AND_STATE_HEADER = "Fiscal Year,Month Grouping,Month (abbv),Component,"
			+ "Land Border Region,Area of Responsibility,AOR (Abbv),State,Demographic,Citizenship,"
			+ "Title of Authority,Encounter Type,Encounter Count";

	@TempDir
	Path folder;

	@Test
	void readsTheAreaOfResponsibilityLayoutWithAQuotedCommaAndAYearToDateLabel() throws Exception {
		// given
		Path file = write("nationwide-encounters-fy23-fy26-jul-aor.csv", "\r\n", AOR_HEADER,
				"2026 (FYTD),FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Rio Grande Valley Sector,RGV,"
						+ "Single Adults,\"CHINA, PEOPLES REPUBLIC OF\",Title 8,Apprehensions,\"1,577\"",
				"2025,FYTD,SEP,Office of Field Operations,Northern Land Border,Boston Field Office,Boston,"
						+ "FMUA,MEXICO,Title 8,Inadmissibles,0");

		// when
		List<CbpRecord> records = readAll(file);

		// then
		assertThat(records).hasSize(2);
		EncounterRow first = (EncounterRow) records.get(0);
		assertThat(first).isEqualTo(new EncounterRow(2, 2026, 1, LocalDate.of(2025, 10, 1), "U.S. Border Patrol",
				"Southwest Land Border", "Rio Grande Valley Sector", "RGV", null, "Single Adults",
				"CHINA, PEOPLES REPUBLIC OF", "Title 8", "Apprehensions", 1577));
		EncounterRow second = (EncounterRow) records.get(1);
		assertThat(second.lineNumber()).isEqualTo(3);
		assertThat(second.fiscalMonth()).isEqualTo(12);
		assertThat(second.monthStart()).isEqualTo(LocalDate.of(2025, 9, 1));
		assertThat(second.areaOfResponsibility()).isEqualTo("Boston Field Office");
		assertThat(second.encounterType()).isEqualTo("Inadmissibles");
		assertThat(second.encounterCount()).isZero();
	}

	@Test
	void readsTheStateLayoutAndNamesTitle42EncountersExpulsionsButLeavesTitle8Untyped() throws Exception {
		Path file = write("nationwide-encounters-fy20-fy23-state.csv", "\n", STATE_HEADER,
				"2021,FYTD,DEC,Southwest Land Border,tx,UC / Single Minors,HONDURAS,Title 42,12",
				"2021,FYTD,JAN,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 8,705");

		List<CbpRecord> records = readAll(file);

		EncounterRow title42 = (EncounterRow) records.get(0);
		assertThat(title42.state()).isEqualTo("TX");
		assertThat(title42.component()).isNull();
		assertThat(title42.areaOfResponsibility()).isNull();
		assertThat(title42.aorAbbv()).isNull();
		assertThat(title42.monthStart()).isEqualTo(LocalDate.of(2020, 12, 1));
		assertThat(title42.encounterType()).isEqualTo("Expulsions");
		EncounterRow title8 = (EncounterRow) records.get(1);
		assertThat(title8.monthStart()).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(title8.encounterType()).isNull();
		assertThat(title8.encounterCount()).isEqualTo(705);
	}

	@Test
	void readsTheOlderLayoutWithBothAreaOfResponsibilityAndState() throws Exception {
		Path file = write("nationwide-encounters-fy19-fy22-aug.csv", "\r\n", AOR_AND_STATE_HEADER,
				"2019,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,El Paso Sector,EPT,NM,Single Adults,"
						+ "GUATEMALA,Title 8,Apprehensions,44");
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", file);

		reader.open(new ExecutionContext());
		EncounterRow row = (EncounterRow) reader.read();
		CbpVariant variant = reader.header().variant();
		reader.close();

		assertThat(variant).isEqualTo(CbpVariant.AOR_AND_STATE);
		assertThat(row).isEqualTo(
				new EncounterRow(2, 2019, 2, LocalDate.of(2018, 11, 1), "U.S. Border Patrol", "Southwest Land Border",
						"El Paso Sector", "EPT", "NM", "Single Adults", "GUATEMALA", "Title 8", "Apprehensions", 44));
	}

	@Test
	void columnsAreFoundByNameWhateverTheirOrderCaseAndSpacing() throws Exception {
		Path file = write("reordered.csv", "\n",
				"encounter count, CITIZENSHIP ,Title of  Authority,Demographic,State,Land Border Region,"
						+ "Month(abbv),FISCAL YEAR",
				"7,CUBA,Title 8,Single Adults,FL,Other,MAR,2022");

		EncounterRow row = (EncounterRow) readAll(file).get(0);

		assertThat(row.encounterCount()).isEqualTo(7);
		assertThat(row.citizenshipLabel()).isEqualTo("CUBA");
		assertThat(row.state()).isEqualTo("FL");
		assertThat(row.landBorderRegion()).isEqualTo("Other");
		assertThat(row.monthStart()).isEqualTo(LocalDate.of(2022, 3, 1));
	}

	@Test
	void aByteOrderMarkBeforeTheHeaderIsSkipped() throws Exception {
		Path file = write("bom.csv", "\r\n", "\uFEFF" + STATE_HEADER,
				"2023,FYTD,OCT,Northern Land Border,ME,Single Adults,CANADA,Title 8,153");
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", file);

		reader.open(new ExecutionContext());
		EncounterRow row = (EncounterRow) reader.read();
		reader.close();

		assertThat(reader.header().unknownColumns()).isEmpty();
		assertThat(row.fiscalYear()).isEqualTo(2023);
		assertThat(row.monthStart()).isEqualTo(LocalDate.of(2022, 10, 1));
		assertThat(row.encounterCount()).isEqualTo(153);
	}

	@Test
	void crlfAndLfFilesReadTheSameRowsOnTheSameLines() throws Exception {
		String[] lines = { STATE_HEADER, "2020,FYTD,APR,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2020,FYTD,APR,Northern Land Border,ME,Single Adults,\"CHINA, PEOPLES REPUBLIC OF\",Title 42,1",
				"2020,FYTD,APR,Northern Land Border,ME,Single Adults,MEXICO,Title 8,1" };

		List<CbpRecord> crlf = readAll(write("crlf.csv", "\r\n", lines));
		List<CbpRecord> lf = readAll(write("lf.csv", "\n", lines));

		assertThat(crlf).hasSize(3).isEqualTo(lf);
		assertThat(crlf).extracting(CbpRecord::lineNumber).containsExactly(2L, 3L, 4L);
		assertThat(((EncounterRow) crlf.get(1)).citizenshipLabel()).isEqualTo("CHINA, PEOPLES REPUBLIC OF");
		assertThat(((EncounterRow) crlf.get(2)).citizenshipLabel()).isEqualTo("MEXICO");
	}

	@Test
	void blankLinesAndQuotedLineBreaksKeepTheLineNumbersOfTheRowsAfterThem() throws Exception {
		Path file = write("blank-lines.csv", "\r\n", STATE_HEADER,
				"2020,FYTD,APR,Northern Land Border,ID,Single Adults,\"CANADA\r\n(ONTARIO)\",Title 8,2", "",
				"2020,FYTD,MAY,Northern Land Border,ID,Single Adults,CANADA,Title 8,3");

		List<CbpRecord> records = readAll(file);

		assertThat(records).extracting(CbpRecord::lineNumber).containsExactly(2L, 5L);
		assertThat(((EncounterRow) records.get(1)).encounterCount()).isEqualTo(3);
	}

	@Test
	void eachKindOfBadRowIsRejectedWithFileLineReasonAndTheRowAsRead() throws Exception {
		// given
		Path file = write("bad-rows.csv", "\r\n", STATE_HEADER,
				"2020,FYTD,APR,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"FY,FYTD,APR,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2020,FYTD,APRIL,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2020,FYTD,MAY,Northern Land Border,ID,Single Adults,CANADA,Title 8,-3",
				"2020,FYTD,JUN,Northern Land Border,ID,Single Adults,CANADA,Title 8,two",
				"2020,FYTD,JUL,Northern Land Border,ID,Single Adults,CANADA,Title 8,",
				"2020,FYTD,AUG,Northern Land Border,ID,Single Adults,CHINA, PEOPLES REPUBLIC OF,Title 8,4",
				"1920,FYTD,DEC,Northern Land Border,ID,Single Adults,CANADA,Title 8,5",
				"1950,FYTD,JAN,Northern Land Border,ID,Single Adults,CANADA,Title 8,6",
				"2020,FYTD,SEP,Northern Land Border,ID,Single Adults,CANADA,Title 8,5");

		// when
		List<CbpRecord> records = readAll(file);

		// then
		assertThat(records).hasSize(10);
		assertThat(records.get(0)).isInstanceOf(EncounterRow.class);
		assertThat(records.get(8)).isInstanceOf(EncounterRow.class);
		assertThat(records.get(9)).isInstanceOf(EncounterRow.class);
		List<CbpRecord.Rejected> rejects = records.subList(1, 8).stream().map(CbpRecord.Rejected.class::cast).toList();
		assertThat(rejects).extracting(CbpRecord.Rejected::lineNumber).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
		assertThat(rejects).extracting(CbpRecord.Rejected::reasonCode)
			.containsExactly("bad_fiscal_year", "unknown_month", "negative_count", "bad_count", "bad_count",
					"field_count", "bad_fiscal_year");
		assertThat(rejects.get(6).message()).startsWith("bad-rows.csv: line 9: Fiscal Year 1920, month DEC is "
				+ "1919-12, before the warehouse's calendar (warehouse.dim_date) starts in 1950");
		assertThat(rejects).allSatisfy((rejected) -> {
			assertThat(rejected.fileName()).isEqualTo("bad-rows.csv");
			assertThat(rejected.message()).startsWith("bad-rows.csv: line " + rejected.lineNumber() + ": ");
		});
		assertThat(rejects.get(0).message()).contains("Fiscal Year is \"FY\"");
		assertThat(rejects.get(1).message()).contains("Month (abbv) is \"APRIL\"");
		assertThat(rejects.get(2).message()).contains("Encounter Count is -3, expected 0 or more");
		assertThat(rejects.get(3).message()).contains("Encounter Count is \"two\"");
		assertThat(rejects.get(5).message()).contains("the row has 10 fields, expected 9");
		assertThat(rejects.get(2).rawRecord())
			.isEqualTo("2020,FYTD,MAY,Northern Land Border,ID,Single Adults,CANADA,Title 8,-3");
		assertThat(rejects.get(2).recordKey())
			.isEqualTo("2020|MAY|Northern Land Border|ID|Single Adults|CANADA|Title 8");
		assertThat(rejects.get(5).recordKey()).isNull();
		assertThat(rejects.get(2).toStaged().reasonCode()).isEqualTo("negative_count");
		assertThat(rejects.get(2).toStaged().lineNumber()).isEqualTo(5);
	}

	@Test
	void aRowOfAMonthToComeIsRejectedSoThatItCannotStretchItsFilesWindow() {
		// given: rows of a file written on 30 November 2026
		EncounterRowMapper mapper = new EncounterRowMapper("far.csv",
				CbpHeader.parse("far.csv", List.of(STATE_HEADER.split(","))), LocalDate.of(2026, 11, 30));

		// when
		CbpRecord nextMonth = mapper.map(2,
				List.of("2027", "FYTD", "DEC", "Northern Land Border", "ID", "Single Adults", "CANADA", "Title 8", "2"),
				"next month");
		CbpRecord monthAfterNext = mapper.map(3,
				List.of("2027", "FYTD", "JAN", "Northern Land Border", "ID", "Single Adults", "CANADA", "Title 8", "2"),
				"month after next");
		CbpRecord farAhead = mapper.map(4,
				List.of("2039", "FYTD", "APR", "Northern Land Border", "ID", "Single Adults", "CANADA", "Title 8", "2"),
				"far ahead");

		// then: the coming month is read (a file may count a month in progress, a day
		// early by another time zone); the months after it are not
		assertThat(nextMonth).isInstanceOf(EncounterRow.class);
		assertThat(monthAfterNext).isInstanceOfSatisfying(CbpRecord.Rejected.class,
				(rejected) -> assertThat(rejected.reasonCode()).isEqualTo("future_month"));
		assertThat(farAhead).isInstanceOfSatisfying(CbpRecord.Rejected.class, (rejected) -> {
			assertThat(rejected.reasonCode()).isEqualTo("future_month");
			assertThat(rejected.message()).startsWith("far.csv: line 4: Fiscal Year 2039, month APR is 2039-04, a "
					+ "month still to come when the file was written (2026-11-30): no file counts its encounters yet");
		});
	}

	@Test
	void theMonthsToComeAreThoseOfTheDayTheFileWasWrittenAndCountInNoCoverage() throws Exception {
		// given: a file written on 30 November 2026, read on whatever day
		Path file = write("nationwide-encounters-fy27-state.csv", "\r\n", STATE_HEADER,
				"2027,FYTD,DEC,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2027,FYTD,JAN,Northern Land Border,ID,Single Adults,CANADA,Title 8,3");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T12:00:00Z")));

		// when
		List<CbpRecord> records = readAll(file);
		CbpFileCoverage coverage = CbpFileCoverage.scan(file);

		// then
		assertThat(records.get(0)).isInstanceOf(EncounterRow.class);
		assertThat(records.get(1)).isInstanceOfSatisfying(CbpRecord.Rejected.class,
				(rejected) -> assertThat(rejected.reasonCode()).isEqualTo("future_month"));
		assertThat(coverage.lastMonthStart()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(coverage.rejectedRows()).isOne();
	}

	@Test
	void theStagingStepJudgesTheMonthsToComeByTheSameDayAsTheCoverage() throws Exception {
		// given: a file written on 15 June 2023 that counts July and September 2023,
		// read as the staging step reads it, through a resource counting its bytes
		Path file = write("nationwide-encounters-fy23-state.csv", "\n", STATE_HEADER,
				"2023,FYTD,JUL,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2023,FYTD,SEP,Northern Land Border,ID,Single Adults,CANADA,Title 8,3");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2023-06-15T12:00:00Z")));
		AtomicLong bytesRead = new AtomicLong();
		CbpFileReader reader = new CbpFileReader("cbpFileReader",
				new CountingResource(new FileSystemResource(file), bytesRead), file.getFileName().toString());

		// when
		List<CbpRecord> records = readAll(reader);

		// then: September is a month to come for both, whatever day the load runs
		assertThat(records.get(0)).isInstanceOf(EncounterRow.class);
		assertThat(records.get(1)).isInstanceOfSatisfying(CbpRecord.Rejected.class,
				(rejected) -> assertThat(rejected.message()).contains("when the file was written (2023-06-15)"));
		assertThat(CbpFileCoverage.scan(file).lastMonthStart()).isEqualTo(LocalDate.of(2023, 7, 1));
		assertThat(bytesRead.get()).isEqualTo(Files.size(file));
	}

	@Test
	void aHeaderWithoutARequiredColumnRejectsTheWholeFileNamingFileAndColumn() throws Exception {
		Path file = write("no-count.csv", "\r\n", STATE_HEADER.replace(",Encounter Count", ""),
				"2020,FYTD,APR,Northern Land Border,ID,Single Adults,CANADA,Title 8");
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", file);

		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingCause()
			.isInstanceOf(CbpFileException.class)
			.withMessageStartingWith(
					"no-count.csv: line 1: the header has no column Encounter Count, which the " + "STATE layout");
	}

	@Test
	void anAreaOfResponsibilityHeaderWithoutEncounterTypeIsRefused() throws Exception {
		Path file = write("aor-no-type.csv", "\r\n", AOR_HEADER.replace(",Encounter Type", ""));

		assertThatExceptionOfType(CbpFileException.class).isThrownBy(() -> CbpFileCoverage.scan(file))
			.withMessageContaining("aor-no-type.csv: line 1: the header has no column Encounter Type, which the AOR");
	}

	@Test
	void aHeaderOfNoKnownLayoutAndAnEmptyFileAreRefused() throws Exception {
		Path other = write("other.csv", "\n", "Fiscal Year,Month (abbv),Citizenship,Encounter Count");
		Path empty = write("empty.csv", "\n");

		assertThatExceptionOfType(CbpFileException.class).isThrownBy(() -> CbpFileCoverage.scan(other))
			.withMessageStartingWith("other.csv: line 1: the header has neither a State column nor Component");
		assertThatExceptionOfType(CbpFileException.class).isThrownBy(() -> CbpFileCoverage.scan(empty))
			.withMessageStartingWith("empty.csv: the file is empty");
	}

	@Test
	void unknownColumnsAreIgnored() throws Exception {
		Path file = write("extra.csv", "\r\n", STATE_HEADER + ",Data Source",
				"2020,FYTD,APR,Northern Land Border," + "ID,Single Adults,CANADA,Title 8,2,live CBP systems");
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", file);

		reader.open(new ExecutionContext());
		EncounterRow row = (EncounterRow) reader.read();
		reader.close();

		assertThat(reader.header().unknownColumns()).containsExactly("Data Source");
		assertThat(row.encounterCount()).isEqualTo(2);
	}

	@Test
	void anUnclosedQuoteFailsTheFileNamingItAndTheLine() throws Exception {
		Path file = write("broken-quote.csv", "\r\n", STATE_HEADER,
				"2020,FYTD,APR,Northern Land Border,ID,Single Adults,CANADA,Title 8,2",
				"2020,FYTD,APR,Northern Land Border,ID,Single Adults,\"CANADA,Title 8,2");
		CbpFileReader reader = new CbpFileReader("cbpEncountersReader", file);
		reader.open(new ExecutionContext());
		reader.read();

		assertThatExceptionOfType(CbpFileException.class).isThrownBy(reader::read)
			.withMessageStartingWith("broken-quote.csv: line 3: the row cannot be read as CSV");
		reader.close();
	}

	@Test
	void aRestartResumesAtTheLineAfterTheRowsAlreadyCommitted() throws Exception {
		// given: a first run committed two chunks of two rows, then stopped
		List<String> lines = new ArrayList<>(List.of(STATE_HEADER));
		String[] months = { "OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR" };
		for (int i = 0; i < months.length; i++) {
			lines.add("2022,FYTD," + months[i] + ",Southwest Land Border,AZ,Single Adults,"
					+ "\"CHINA, PEOPLES REPUBLIC OF\",Title 8," + (i + 1));
		}
		Path file = write("restart.csv", "\r\n", lines.toArray(String[]::new));
		CbpFileReader first = new CbpFileReader("cbpEncountersReader", file);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		for (int i = 0; i < 4; i++) {
			first.read();
			if (i % 2 == 1) {
				first.update(context);
			}
		}
		first.read();
		first.close();

		// when: a new reader opens with the saved context
		CbpFileReader restarted = new CbpFileReader("cbpEncountersReader", file);
		restarted.open(context);
		List<CbpRecord> rest = new ArrayList<>();
		for (CbpRecord record = restarted.read(); record != null; record = restarted.read()) {
			rest.add(record);
		}
		restarted.update(context);
		restarted.close();

		// then: it goes on with the fifth row (line 6), and counts every row read
		assertThat(context.getInt("cbpEncountersReader.read.count")).isEqualTo(8);
		assertThat(rest).extracting(CbpRecord::lineNumber).containsExactly(6L, 7L, 8L);
		assertThat(rest).map(EncounterRow.class::cast)
			.extracting(EncounterRow::fiscalMonth, EncounterRow::encounterCount)
			.containsExactly(tuple(5, 5L), tuple(6, 6L), tuple(7, 7L));
	}

	@Test
	void coverageReportsTheFiscalYearsAndVariantOfAFile() throws Exception {
		Path file = write("nationwide-encounters-fy24-fy26-aor.csv", "\r\n", AOR_HEADER,
				"2024,FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,FMUA,PERU,Title 8,"
						+ "Apprehensions,3",
				"2025,FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,FMUA,PERU,Title 8,"
						+ "Apprehensions,4",
				"2026 (FYTD),FYTD,OCT,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,FMUA,PERU,Title 8,"
						+ "Apprehensions,5",
				"2026 (FYTD),FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,FMUA,PERU,Title 8,"
						+ "Apprehensions,6",
				"20X6,FYTD,NOV,U.S. Border Patrol,Southwest Land Border,Yuma Sector,YUM,FMUA,PERU,Title 8,"
						+ "Apprehensions,6");

		CbpFileCoverage coverage = CbpFileCoverage.scan(file);

		assertThat(coverage.variant()).isEqualTo(CbpVariant.AOR);
		assertThat(coverage.fiscalYears()).containsExactly(2024, 2025, 2026);
		assertThat(coverage.rowsByFiscalYear()).containsEntry(2026, 2L);
		assertThat(coverage.rows()).isEqualTo(4);
		assertThat(coverage.rejectedRows()).isEqualTo(1);
	}

	@Test
	void aFileCutShortInItsLastLineFailsNamingTheLine() throws Exception {
		// given: a download broken off inside its third row
		Path whole = write("nationwide-encounters-fy20-fy23-state.csv", "\r\n", STATE_HEADER,
				"2021,FYTD,DEC,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 42,12",
				"2021,FYTD,JAN,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 8,705");
		String text = Files.readString(whole);
		Files.writeString(whole, text.substring(0, text.length() - 30));

		// when, then
		assertThatExceptionOfType(CbpFileException.class).isThrownBy(() -> readAll(whole))
			.withMessageStartingWith("nationwide-encounters-fy20-fy23-state.csv: line 3, the last, ends without a "
					+ "line break (it holds 6 of the 9 fields): the file was cut short")
			.withMessageContaining("Nothing of it is loaded");
	}

	@Test
	void aFileCutShortInsideItsLastValueFailsToo() throws Exception {
		// given: the count 705 cut to 70, every field there
		Path whole = write("nationwide-encounters-fy20-fy23-state.csv", "\r\n", STATE_HEADER,
				"2021,FYTD,JAN,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 8,705");
		String text = Files.readString(whole);
		Files.writeString(whole, text.substring(0, text.length() - 3));

		// when, then
		assertThatExceptionOfType(CbpFileException.class).isThrownBy(() -> readAll(whole))
			.withMessageContaining("line 2, the last, ends without a line break (it holds 9 of the 9 fields)");
	}

	@Test
	void aRestartAfterTheLastRowOfAFileCutShortFailsAgain() throws Exception {
		// given: a first run that read every row of a cut file and failed at its end
		Path file = write("nationwide-encounters-fy20-fy23-state.csv", "\r\n", STATE_HEADER,
				"2021,FYTD,JAN,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 8,705");
		String text = Files.readString(file);
		Files.writeString(file, text.substring(0, text.length() - 3));
		ExecutionContext context = new ExecutionContext();
		CbpFileReader first = new CbpFileReader("cbpEncountersReader", file);
		first.open(context);
		first.read();
		first.update(context);
		first.close();

		// when, then: the restart, which skips that row, fails the same way
		CbpFileReader restarted = new CbpFileReader("cbpEncountersReader", file);
		restarted.open(context);
		try {
			assertThatExceptionOfType(CbpFileException.class).isThrownBy(restarted::read)
				.withMessageContaining("line 2, the last, ends without a line break");
		}
		finally {
			restarted.close();
		}
	}

	@Test
	void aShortLastRowThatEndsItsLineIsRejectedLikeAnyOther() throws Exception {
		Path file = write("short-last-row.csv", "\r\n", STATE_HEADER,
				"2021,FYTD,DEC,Southwest Land Border,TX,UC / Single Minors,HONDURAS,Title 42,12",
				"2021,FYTD,JAN,Southwest Land Border,TX,UC / Single Minors");

		List<CbpRecord> records = readAll(file);

		assertThat(records).hasSize(2);
		assertThat(((CbpRecord.Rejected) records.get(1)).reasonCode()).isEqualTo("field_count");
	}

	private Path write(String name, String lineEnd, String... lines) throws Exception {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append(line).append(lineEnd);
		}
		Path file = this.folder.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	private static List<CbpRecord> readAll(Path file) throws Exception {
		return readAll(new CbpFileReader("cbpEncountersReader", file));
	}

	private static List<CbpRecord> readAll(CbpFileReader reader) throws Exception {
		reader.open(new ExecutionContext());
		List<CbpRecord> records = new ArrayList<>();
		for (CbpRecord record = reader.read(); record != null; record = reader.read()) {
			records.add(record);
		}
		reader.close();
		return records;
	}

	@Test
	void aFileThatFailsAsItIsOpenedIsClosed() {
		// given: a file whose first read fails
		AtomicBoolean closed = new AtomicBoolean();
		Resource failing = new ByteArrayResource(new byte[0]) {

			@Override
			public InputStream getInputStream() {
				return new InputStream() {

					@Override
					public int read() throws IOException {
						throw new IOException("Input/output error");
					}

					@Override
					public void close() {
						closed.set(true);
					}

				};
			}

		};
		CbpFileReader reader = new CbpFileReader("cbpReader", failing, "nationwide-encounters-fy25.csv");

		// when, then: opening it fails, with the stream closed
		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingRootCause()
			.withMessage("Input/output error");
		assertThat(closed).isTrue();
	}

}
