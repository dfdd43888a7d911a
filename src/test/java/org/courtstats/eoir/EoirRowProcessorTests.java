package org.courtstats.eoir;

import java.time.LocalDate;
import java.util.List;

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
				"IDNPROCEEDING\tIDNCASE\tCOMP_DATE\tNAT\tABSENTIA\tCUSTODY\tDEC_CODE");

		// when
		StagedRecord result = this.processor
			.process(line(header, 7, "8000003\t5000000\t2022-05-06 00:00:00.000\tgt \ty\tN/A\tX"));

		// then
		assertThat(result).isInstanceOf(StagedRecord.Row.class);
		StagedRecord.Row row = (StagedRecord.Row) result;
		List<String> columns = EoirTables.PROCEEDING.stagingTable().dataColumns();
		assertThat(row.lineNumber()).isEqualTo(7);
		assertThat(row.values()[columns.indexOf("idnproceeding")]).isEqualTo(8000003L);
		assertThat(row.values()[columns.indexOf("idncase")]).isEqualTo(5000000L);
		assertThat(row.values()[columns.indexOf("comp_date")]).isEqualTo(LocalDate.of(2022, 5, 6));
		assertThat(row.values()[columns.indexOf("nat")]).isEqualTo("GT");
		assertThat(row.values()[columns.indexOf("nat_raw")]).isEqualTo("gt ");
		assertThat(row.values()[columns.indexOf("absentia")]).isEqualTo("Y");
		assertThat(row.values()[columns.indexOf("custody")]).isNull();
		assertThat(row.values()[columns.indexOf("dec_code")]).isEqualTo("X");
		assertThat(row.values()[columns.indexOf("dec_code_raw")]).isNull();
		assertThat(row.values()[columns.indexOf("hearing_loc_code")]).as("a column the file lacks").isNull();
	}

	@Test
	void aLineWithMoreFieldsThanTheHeaderIsRejectedWithItsRawText() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", "IDNCASE\tALIEN_CITY\tALIEN_STATE");

		StagedRecord result = this.processor.process(line(header, 111549, "7375924\tBROOKLYN\t\tNY"));

		assertThat(result).isInstanceOf(StagedRecord.Rejected.class);
		StagedRecord.Rejected rejected = (StagedRecord.Rejected) result;
		assertThat(rejected.lineNumber()).isEqualTo(111549);
		assertThat(rejected.reasonCode()).isEqualTo("field_count");
		assertThat(rejected.message()).contains("4 fields", "header has 3", "tab inside a value");
		assertThat(rejected.rawRecord()).isEqualTo("7375924\tBROOKLYN\t\tNY");
		assertThat(rejected.recordKey()).as("the key in front still reads").isEqualTo("7375924");
	}

	@Test
	void aShortLineIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv", IDENTIFIER_HEADER);

		StagedRecord result = this.processor.process(line(header, 3, "100001\t5000000"));

		assertThat(((StagedRecord.Rejected) result).reasonCode()).isEqualTo("field_count");
		assertThat(((StagedRecord.Rejected) result).message()).contains("cut short");
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
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", "IDNCASE\tGENDER\tCASETYPE");

		StagedRecord.Row row = (StagedRecord.Row) this.processor.process(line(header, 2, "5000000\tf\tRMV"));

		List<String> columns = EoirTables.CASE.stagingTable().dataColumns();
		assertThat(row.values()[columns.indexOf("sex")]).isEqualTo("F");
		assertThat(row.values()[columns.indexOf("case_type")]).isEqualTo("RMV");
	}

	private static EoirLine line(EoirHeader header, long lineNumber, String text) {
		return new EoirLine(lineNumber, text, text.split("\t", -1), header);
	}

}
