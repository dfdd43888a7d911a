package org.courtstats.eoir;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EoirHeaderTests {

	@Test
	void columnsAreFoundByNameWhateverTheirCaseAndOrder() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv",
				"case_id\tidncase\tIdnCaseId");

		assertThat(header.fieldCount()).isEqualTo(3);
		assertThat(header.indexOf(0)).as("IDNCASEID").isEqualTo(2);
		assertThat(header.indexOf(1)).as("IDNCASE").isEqualTo(1);
		assertThat(header.indexOf(2)).as("CASE_ID").isEqualTo(0);
	}

	@Test
	void aMissingRequiredColumnFailsTheFileNamingFileAndColumn() {
		assertThatExceptionOfType(EoirFileException.class)
			.isThrownBy(() -> EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv", "IDNCASE\tOSC_DATE"))
			.withMessageContaining("B_TblProceeding.csv: line 1")
			.withMessageContaining("no column IDNPROCEEDING")
			.withMessageContaining("Found: IDNCASE, OSC_DATE");
	}

	@Test
	void aHeaderOfBinaryBytesIsShownAsPrintableTextCutShort() {
		String garbage = "1\u2020\u00de\u00e7P\u00f6\u00e1%\u0001".repeat(100);

		assertThatExceptionOfType(EoirFileException.class)
			.isThrownBy(() -> EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv", garbage))
			.withMessageContaining("Found: 1???P??%1???P??%")
			.withMessageContaining("%.... Check that the file is an EOIR B_TblProceeding export")
			.withMessageNotContaining("\u00de")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(700));
	}

	@Test
	void aMissingOptionalColumnReadsAsAbsent() {
		EoirHeader header = EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv", "IDNPROCEEDING\tIDNCASE");

		assertThat(header.indexOf(2)).as("OSC_DATE").isEqualTo(-1);
		assertThat(header.unknownColumns()).isEmpty();
		assertThat(header.missingColumns()).as("named, for the warning")
			.contains("OSC_DATE", "COMP_DATE")
			.doesNotContain("IDNPROCEEDING", "IDNCASE");
	}

	@Test
	void nulBytesInTheHeaderDoNotHideAColumn() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv",
				"IDN\0CASEID\tIDNCASE\tCASE_ID\tEXTRA");

		assertThat(header.indexOf(0)).isEqualTo(0);
		assertThat(header.unknownColumns()).containsExactly("EXTRA");
	}

	@Test
	void columnsTheTableIsKnownToHaveAreNotUnknownEvenWhenTheLoadDoesNotReadThem() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv",
				"IDNCASE\tALIEN_CITY\tSITE_TYPE\tGENDER\tNEW_COLUMN_2027\tDEP1");

		assertThat(header.unknownColumns())
			.as("ALIEN_CITY and SITE_TYPE are EOIR columns the load skips; GENDER "
					+ "is read as Sex; DEP1 is a B_TblProceeding column, not an A_TblCase one")
			.containsExactly("NEW_COLUMN_2027", "DEP1");
	}

}
