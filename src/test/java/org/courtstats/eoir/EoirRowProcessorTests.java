package org.courtstats.eoir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.courtstats.normalize.Values;
import org.courtstats.staging.StagedRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EoirRowProcessorTests {

	private static final String IDENTIFIER_HEADER = "IDNCASEID\tIDNCASE\tCASE_ID";

	private final EoirRowProcessor processor = new EoirRowProcessor();

	@Test
	void aWellFormedLineIsCleanedIntoTheStagingColumns() {
		// given
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv",
				"IDNPROCEEDING\tIDNCASE\tCOMP_DATE\tNAT\tABSENTIA\tCUSTODY\tDEC_CODE\tOTHER_COMP");

		// when
		StagedRecord result = this.processor
			.process(line(header, 7, "8000003\t5000000\t2022-05-06 00:00:00.000\tgt \ty\tN/A\tX\tr "));

		// then
		assertThat(result).isInstanceOf(StagedRecord.Row.class);
		StagedRecord.Row row = (StagedRecord.Row) result;
		List<String> columns = EoirTables.PROCEEDING.stagingTable().dataColumns();
		assertThat(row.lineNumber()).isEqualTo(7);
		assertThat(row.values()[columns.indexOf("idnproceeding")]).isEqualTo(8000003L);
		assertThat(row.values()[columns.indexOf("idncase")]).isEqualTo(5000000L);
		assertThat(row.values()[columns.indexOf("comp_date")]).isEqualTo(LocalDate.of(2022, 5, 6));
		assertThat(row.values()[columns.indexOf("nat")]).isEqualTo("GT");
		assertThat(columns).as("a proceeding's NAT as delivered, which no fact keeps").doesNotContain("nat_raw");
		assertThat(row.values()[columns.indexOf("absentia")]).isEqualTo("Y");
		assertThat(row.values()[columns.indexOf("custody")]).isNull();
		assertThat(row.values()[columns.indexOf("dec_code")]).isEqualTo("X");
		assertThat(row.values()[columns.indexOf("dec_code_raw")]).isNull();
		assertThat(row.values()[columns.indexOf("other_comp")]).isEqualTo("R");
		assertThat(row.values()[columns.indexOf("other_comp_raw")]).isEqualTo("r ");
		assertThat(row.values()[columns.indexOf("hearing_loc_code")]).as("a column the file lacks").isNull();
		assertThat(row.values()).hasSize(columns.size());
	}

	@Test
	void theRealTabShiftedCaseLineIsStagedWithANoteOfTheRepair() {
		// given
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", LineRepairTests.CASE_HEADER);

		// when
		StagedRecord result = this.processor.process(line(header, 111549, LineRepairTests.REAL_SHIFTED_CASE));

		// then
		StagedRecord.Row row = (StagedRecord.Row) result;
		List<String> columns = EoirTables.CASE.stagingTable().dataColumns();
		assertThat(row.lineNumber()).isEqualTo(111549);
		assertThat(row.values()[columns.indexOf("idncase")]).isEqualTo(7375924L);
		assertThat(row.values()[columns.indexOf("nat")]).isEqualTo("EG");
		assertThat(row.values()[columns.indexOf("case_type")]).isEqualTo("RMV");
		assertThat(row.values()[columns.indexOf("update_site")]).isEqualTo("NYC");
		assertThat(row.values()[columns.indexOf("e_28_date")]).isEqualTo(LocalDate.of(2024, 9, 12));
		assertThat(row.values()[columns.indexOf("date_of_entry")]).isEqualTo(LocalDate.of(1998, 12, 6));
		assertThat(row.repair().repairCode()).isEqualTo("tab_shift");
		assertThat(row.repair().message()).contains("a tab inside ALIEN_CITY or ALIEN_STATE");
		assertThat(row.repair().rawRecord()).isEqualTo(LineRepairTests.REAL_SHIFTED_CASE);
	}

	@Test
	void aLineWithATabThatCannotBePlacedIsRejectedWithItsRawText() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", LineRepairTests.CASE_HEADER);
		String shifted = LineRepairTests.REAL_SHIFTED_CASE.replace("BROOKLYN\t\tNY", "PORTLAND\tOR\t")
			.replace("11209", "97201");

		StagedRecord result = this.processor.process(line(header, 31, shifted));

		StagedRecord.Rejected rejected = (StagedRecord.Rejected) result;
		assertThat(rejected.lineNumber()).isEqualTo(31);
		assertThat(rejected.reasonCode()).isEqualTo("tab_shift_ambiguous");
		assertThat(rejected.message()).contains("40 fields", "header has 39", "joining at ALIEN_CITY");
		assertThat(rejected.rawRecord()).isEqualTo(shifted);
		assertThat(rejected.recordKey()).as("the key in front still reads").isEqualTo("7375924");
	}

	@Test
	void aLineEndingInATabWhereATabShiftFitsTooIsAmbiguous() {
		// The empty field may be a trailing tab, or the last value of a line a tab inside
		// CHARGE shifted: loading it either way could be wrong.
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING_CHARGE, "B_TblProceedCharges.csv",
				"IDNPRCDCHG\tIDNCASE\tIDNPROCEEDING\tCHARGE\tCHG_STATUS");

		StagedRecord.Rejected rejected = (StagedRecord.Rejected) this.processor
			.process(line(header, 5, "9000001\t5000000\t6000000\t237a1B\tS\t"));

		assertThat(rejected.reasonCode()).isEqualTo("tab_shift_ambiguous");
	}

	@Test
	void aDateColumnHoldingNeitherADateNorANullTokenRejectsItsLine() {
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv",
				"IDNPROCEEDING\tIDNCASE\tOSC_DATE\tCOMP_DATE");

		StagedRecord shifted = this.processor.process(line(header, 7, "6000001\t5000000\t2019-01-02\tX"));
		StagedRecord impossible = this.processor
			.process(line(header, 8, "6000002\t5000000\t2019-01-02\t2019-02-30 00:00:00.000"));
		StagedRecord pending = this.processor.process(line(header, 9, "6000003\t5000000\t2019-01-02\t N/A "));
		StagedRecord trailed = this.processor.process(line(header, 10, "6000004\t5000000\t2019-01-02\t2019-02-03 NYC"));

		assertThat(((StagedRecord.Rejected) shifted).reasonCode()).isEqualTo("date_invalid");
		assertThat(((StagedRecord.Rejected) shifted).message())
			.isEqualTo("COMP_DATE is 'X', expected a date YYYY-MM-DD");
		assertThat(((StagedRecord.Rejected) impossible).message())
			.isEqualTo("COMP_DATE is '2019-02-30 00:00:00.000', expected a date YYYY-MM-DD");
		assertThat(((StagedRecord.Rejected) trailed).message())
			.as("a date the load reads is held to the same shape as those it does not")
			.isEqualTo("COMP_DATE is '2019-02-03 NYC', expected a date YYYY-MM-DD");
		assertThat(((StagedRecord.Row) pending).values()).containsSubsequence(6000003L, 5000000L,
				LocalDate.of(2019, 1, 2));
	}

	@Test
	void aWellFormedLineWhoseValuesMovedBetweenColumnsIsRejected() {
		// given: the real case line as EOIR meant it (39 fields), then with a tab before
		// ATTY_NBR and one empty field fewer after LATEST_CAL_TYPE: still 39 fields, but
		// CASE_TYPE holds ATTY_NBR's 0, and LATEST_HEARING the court NYC.
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", LineRepairTests.CASE_HEADER);
		List<String> fields = new ArrayList<>(List.of(LineRepairTests.REAL_SHIFTED_CASE.split("\t", -1)));
		fields.remove(2);
		String asMeant = String.join("\t", fields);
		fields.add(header.names().indexOf("ATTY_NBR"), "");
		assertThat(fields.remove(header.names().indexOf("UP_BOND_DATE") + 1)).isEmpty();
		String shifted = String.join("\t", fields);

		// when
		StagedRecord loaded = this.processor.process(line(header, 111549, asMeant));
		StagedRecord result = this.processor.process(line(header, 111550, shifted));

		// then
		assertThat(loaded).isInstanceOf(StagedRecord.Row.class);
		StagedRecord.Rejected rejected = (StagedRecord.Rejected) result;
		assertThat(rejected.reasonCode()).isEqualTo("type_mismatch");
		assertThat(rejected.message()).startsWith(
				"LATEST_HEARING is 'NYC', expected a date YYYY-MM-DD HH:MM:SS.mmm: a value moved from another column");
		assertThat(rejected.rawRecord()).isEqualTo(shifted);
		assertThat(rejected.recordKey()).isEqualTo("7375924");
	}

	@Test
	void everyColumnEoirTypesAsAnIntegerDateFlagOrGuidIsCheckedNotOnlyThoseStaged() {
		EoirHeader reps = EoirHeader.parse(EoirTables.REPS_ASSIGNED, "tbl_RepsAssigned.csv",
				"IDNREPSASSIGNED\tIDNCASE\tSTRATTYLEVEL\tSTRATTYTYPE\tPARENT_TABLE\tPARENT_IDN\tE_28_DATE\tBLNPRIMEATTY");
		EoirHeader proceedings = EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv",
				"IDNPROCEEDING\tIDNCASE\tHEARING_DATE\tAGGRAVATE_FELON\tNEW_COLUMN");
		EoirHeader hearings = EoirHeader.parse(EoirTables.SCHEDULE, "tbl_schedule.csv",
				"IDNSCHEDULE\tIDNPROCEEDING\tIDNCASE\tEOIRAttorneyID\tDATBATCHMODIFIED");

		assertThat(reasonOf(reps, "1\t2\tCOURT\tALIEN\tB_TBLPROCEEDING\tFC\t2020-01-02\t1")).as("an id the load reads")
			.startsWith("type_mismatch: PARENT_IDN is 'FC', expected an integer: ");
		assertThat(reasonOf(reps, "1\t2\tCOURT\tALIEN\tB_TBLPROCEEDING\t3\t2020-01-02\t2020-01-02"))
			.startsWith("type_mismatch: BLNPRIMEATTY is '2020-01-02', expected 0 or 1");
		assertThat(reasonOf(proceedings, "6\t5\t2020-01-02 00:00:00.000\tN\tanything"))
			.startsWith("type_mismatch: AGGRAVATE_FELON is 'N', expected 0 or 1");
		assertThat(reasonOf(proceedings, "6\t5\t0830\t0\tanything"))
			.startsWith("type_mismatch: HEARING_DATE is '0830', expected a date");
		assertThat(reasonOf(hearings, "7\t6\t5\tRMV\t"))
			.startsWith("type_mismatch: EOIRAttorneyID is 'RMV', expected a GUID");
		assertThat(reasonOf(hearings, "7\t6\t5\t{6F9619FF-8B86-D011-B42D-00C04FC964FF}\t2025-02-27 10:43:03.53"))
			.as("a GUID in braces, a date with fewer fractional digits")
			.isEqualTo("loaded");
		assertThat(reasonOf(proceedings, "6\t5\t N/A \tTrue\t2020-01-02"))
			.as("a null token fits any column, older exports spell flags True/False, a column no list knows takes anything")
			.isEqualTo("loaded");
		assertThat(reasonOf(reps, "1\t2\tCOURT\tALIEN\tB_TBLPROCEEDING\t\t\tb6")).isEqualTo("loaded");
	}

	private String reasonOf(EoirHeader header, String text) {
		StagedRecord result = this.processor.process(line(header, 2, text));
		return (result instanceof StagedRecord.Rejected rejected) ? rejected.reasonCode() + ": " + rejected.message()
				: "loaded";
	}

	@Test
	void b6InACodeColumnIsTheCodeNotTheRedactionMarker() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 4, "100001\t5000000\tb6"));

		assertThat(row.values()).containsExactly(100001L, 5000000L, "B6");
	}

	@Test
	void aRejectedLookupLineKeyedB6KeepsItsKey() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER_TYPE, "tblLookUpCaseIdentifier.csv",
				"strcode\tstrDescription");

		StagedRecord.Rejected rejected = (StagedRecord.Rejected) this.processor
			.process(line(header, 9, "B6\tSan Clemente\tBorder\tPatrol"));

		assertThat(rejected.reasonCode()).isEqualTo("field_count");
		assertThat(rejected.recordKey()).isEqualTo("B6");
	}

	@Test
	void aCutLookupLineKeyedB6IsPaddedLikeAnyOther() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER_TYPE, "tblLookUpCaseIdentifier.csv",
				"idnCaseIdentifier\tstrcode\tstrDescription\tblnActive");

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 9, "12\tB6"));

		assertThat(row.values()).contains("B6");
		assertThat(row.repair().repairCode()).isEqualTo("padded");
	}

	@Test
	void aShortLineWithItsKeysIsPadded() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 3, "100001\t5000000"));

		assertThat(row.values()).containsExactly(100001L, 5000000L, null);
		assertThat(row.repair().repairCode()).isEqualTo("padded");
		assertThat(row.repair().rawRecord()).isEqualTo("100001\t5000000");
	}

	@Test
	void aShortLineWithoutItsKeyIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord result = this.processor.process(line(header, 3, "100001"));

		assertThat(((StagedRecord.Rejected) result).reasonCode()).isEqualTo("field_count");
		assertThat(((StagedRecord.Rejected) result).message()).contains("cut short", "ends before IDNCASE");
		assertThat(((StagedRecord.Rejected) result).recordKey()).isEqualTo("100001");
	}

	@Test
	void aWellFormedLineCarriesNoRepair() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 2, "100001\t5000000\tMP"));

		assertThat(row.repair()).isNull();
	}

	@Test
	void aMissingKeyIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord result = this.processor.process(line(header, 9, "100001\t\tMP"));

		assertThat(((StagedRecord.Rejected) result).reasonCode()).isEqualTo("key_missing");
		assertThat(((StagedRecord.Rejected) result).message()).isEqualTo("IDNCASE is empty");
		assertThat(((StagedRecord.Rejected) result).recordKey()).as("IDNCASEID, the table's first key")
			.isEqualTo("100001");
	}

	@Test
	void aKeyThatIsNotAnIntegerIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord result = this.processor.process(line(header, 4, "FC\t5000000\tMP"));

		assertThat(((StagedRecord.Rejected) result).reasonCode()).isEqualTo("key_not_integer");
		assertThat(((StagedRecord.Rejected) result).message()).contains("IDNCASEID is 'FC'");
		assertThat(((StagedRecord.Rejected) result).recordKey()).isNull();
	}

	@Test
	void aLookupRowWithoutItsCodeIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.LANGUAGE, "tblLanguage.csv",
				"idnLang\tstrCode\tstrDescription");

		StagedRecord result = this.processor.process(line(header, 2, "1\t N/A \tSPANISH"));

		assertThat(((StagedRecord.Rejected) result).reasonCode()).isEqualTo("key_missing");
	}

	@Test
	void theLiteralNaIsKeptAsACode() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 2, "100001\t5000000\tNA"));

		assertThat(row.values()[2]).isEqualTo("NA");
	}

	@Test
	void blankLinesAreDropped() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		assertThat(this.processor.process(line(header, 12, ""))).isNull();
	}

	@Test
	void anOlderColumnNameMapsOntoTheCurrentOne() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", "IDNCASE\tCASETYPE");

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 2, "5000000\trmv"));

		List<String> columns = EoirTables.CASE.stagingTable().dataColumns();
		assertThat(row.values()[columns.indexOf("case_type")]).isEqualTo("RMV");
		assertThat(row.values()[columns.indexOf("case_type_raw")]).isEqualTo("rmv");
	}

	@Test
	void olderProceedingColumnNamesMapOntoTheCurrentOnes() {
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv",
				"IDNPROCEEDING\tIDNCASE\tCASETYPE\tDEP1\tDEP2");

		StagedRecord.Row row = (StagedRecord.Row) this.processor
			.process(line(header, 2, "8000000\t5000000\tRMV\tmx\tGT"));

		List<String> columns = EoirTables.PROCEEDING.stagingTable().dataColumns();
		assertThat(row.values()[columns.indexOf("case_type")]).isEqualTo("RMV");
		assertThat(row.values()[columns.indexOf("deported_1")]).isEqualTo("MX");
		assertThat(row.values()[columns.indexOf("deported_2")]).isEqualTo("GT");
		assertThat(header.unknownColumns()).isEmpty();
	}

	@Test
	void applicationCodesKeepTheirCase() {
		EoirHeader header = EoirHeader.parse(EoirTables.APPLICATION, "tbl_Court_Appln.csv",
				"IDNPROCEEDINGAPPLN\tIDNPROCEEDING\tIDNCASE\tAPPL_CODE\tAPPL_RECD_DATE\tAPPL_DEC");

		StagedRecord.Row row = (StagedRecord.Row) this.processor
			.process(line(header, 2, "9000000\t8000000\t5000000\t 212c \t\tg"));

		List<String> columns = EoirTables.APPLICATION.stagingTable().dataColumns();
		assertThat(row.values()[columns.indexOf("appl_code")]).isEqualTo("212c");
		assertThat(row.values()[columns.indexOf("appl_dec")]).isEqualTo("G");
	}

	@Test
	void codesCleanTheSameLineAfterLineWhateverCameBefore() {
		// given: one processor, as for a file, and more distinct codes than it keeps, the
		// same ones in a cased column and in an upper-cased one whose raw value is kept
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING_CHARGE, "B_TblProceedCharges.csv",
				"IDNPRCDCHG\tIDNCASE\tIDNPROCEEDING\tCHARGE\tCHG_STATUS");
		List<String> columns = EoirTables.PROCEEDING_CHARGE.stagingTable().dataColumns();
		String[] pool = new String[2_000];
		for (int i = 0; i < pool.length; i++) {
			pool[i] = switch (i % 4) {
				case 0 -> "c" + i;
				case 1 -> " C" + i + " ";
				case 2 -> "N/A";
				default -> "D" + i;
			};
		}
		Random random = new Random(5);
		for (int n = 0; n < 20_000; n++) {
			String cased = pool[random.nextInt(pool.length)];
			String code = pool[random.nextInt(pool.length)];

			// when
			StagedRecord.Row row = (StagedRecord.Row) this.processor
				.process(line(header, n + 2, "9000000\t5000000\t8000000\t" + cased + "\t" + code));

			// then
			String text = Values.text(code);
			String upper = Values.code(code);
			assertThat(row.values()[columns.indexOf("charge")]).isEqualTo(Values.text(cased));
			assertThat(row.values()[columns.indexOf("chg_status")]).isEqualTo(upper);
			assertThat(row.values()[columns.indexOf("chg_status_raw")])
				.isEqualTo((upper != null && !upper.equals(text)) ? code : null);
		}
	}

	private static EoirLine line(EoirHeader header, long lineNumber, String text) {
		return new EoirLine(lineNumber, text, header);
	}

}
