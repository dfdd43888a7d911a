package org.courtstats.eoir;

import java.time.LocalDate;
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

		assertThat(((StagedRecord.Rejected) shifted).reasonCode()).isEqualTo("date_invalid");
		assertThat(((StagedRecord.Rejected) shifted).message())
			.isEqualTo("COMP_DATE is 'X', expected a date YYYY-MM-DD");
		assertThat(((StagedRecord.Rejected) impossible).message())
			.isEqualTo("COMP_DATE is '2019-02-30 00:00:00.000', expected a date YYYY-MM-DD");
		assertThat(((StagedRecord.Row) pending).values()).containsSubsequence(6000003L, 5000000L,
				LocalDate.of(2019, 1, 2));
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
