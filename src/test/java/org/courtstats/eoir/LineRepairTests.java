package org.courtstats.eoir;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repairs of malformed lines shaped like the real ones: the real headers, and the real
 * tab-shifted A_TblCase line 111549 of the 2026-04 release.
 */
class LineRepairTests {

	/** The 39 columns of A_TblCase, 2026-04 release. */
	static final String CASE_HEADER = String.join("\t", "IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE",
			"UPDATED_ZIPCODE", "UPDATED_CITY", "NAT", "LANG", "CUSTODY", "SITE_TYPE", "E_28_DATE", "ATTY_NBR",
			"CASE_TYPE", "UPDATE_SITE", "LATEST_HEARING", "LATEST_TIME", "LATEST_CAL_TYPE", "UP_BOND_DATE",
			"UP_BOND_RSN", "CORRECTIONAL_FAC", "RELEASE_MONTH", "RELEASE_YEAR", "INMATE_HOUSING", "DATE_OF_ENTRY",
			"C_ASY_TYPE", "C_BIRTHDATE", "C_RELEASE_DATE", "UPDATED_STATE", "ADDRESS_CHANGEDON", "ZBOND_MRG_FLAG",
			"Sex", "DATE_DETAINED", "DATE_RELEASED", "LPR", "DETENTION_DATE", "DETENTION_LOCATION", "DCO_LOCATION",
			"DETENTION_FACILITY_TYPE", "CASEPRIORITY_CODE");

	/**
	 * A_TblCase line 111549 of the 2026-04 release: 40 fields, BROOKLYN followed by a
	 * tab.
	 */
	static final String REAL_SHIFTED_CASE = String.join("\t", "7375924", "BROOKLYN", "", "NY", "11209", "", "", "EG",
			"AR", "N", "M", "2024-09-12 00:00:00.000", "0", "RMV", "NYC", "2014-12-02 00:00:00.000", "1000", "M", "",
			"", "", "", "", "", "1998-12-06 00:00:00.000", "I", "4/1974", "", "", "", "", "F", "", "", "0", "", "", "",
			"", "N/A");

	/** The 38 columns of B_TblProceeding, 2026-04 release. */
	static final List<String> PROCEEDING_COLUMNS = List.of("IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE",
			"BASE_CITY_CODE", "HEARING_LOC_CODE", "IJ_CODE", "TRANS_IN_DATE", "PREV_HEARING_LOC", "PREV_HEARING_BASE",
			"PREV_IJ_CODE", "TRANS_NBR", "HEARING_DATE", "HEARING_TIME", "DEC_TYPE", "DEC_CODE", "DEPORTED_1",
			"DEPORTED_2", "OTHER_COMP", "APPEAL_RSVD", "APPEAL_NOT_FILED", "COMP_DATE", "ABSENTIA", "VENUE_CHG_GRANTED",
			"TRANSFER_TO", "DATE_APPEAL_DUE_STATUS", "TRANSFER_STATUS", "CUSTODY", "CASE_TYPE", "NAT", "LANG",
			"SCHEDULED_HEAR_LOC", "CORRECTIONAL_FAC", "CRIM_IND", "IHP", "AGGRAVATE_FELON", "DATE_DETAINED",
			"DATE_RELEASED");

	private static final List<String> BOND_COLUMNS = List.of("IDNASSOCBOND", "IDNPROCEEDING", "IDNCASE", "OSC_DATE",
			"REC_TYPE", "GENERATION", "SUB_GENERATION", "UPDATE_DATE", "UPDATE_TIME", "INPUT_DATE", "INPUT_TIME",
			"BASE_CITY_CODE", "BASE_CITY_NAME", "HEARING_LOC_CODE", "IJ_CODE", "DEC", "COMP_DATE", "INITIAL_BOND",
			"REL_CON", "INS_TA", "BOND_HEARING_TELEPHONIC", "BOND_HEAR_REQ_DATE", "NEW_BOND", "APPEAL_REVD",
			"APPEAL_NOT_FILED", "DATE_APPEAL_DUE", "E_28_DATE", "BOND_TYPE", "FILING_METHOD", "FILING_PARTY",
			"DECISION_DUE_DATE");

	@Test
	void theRealTabShiftedCaseLineIsJoinedBackIntoItsColumns() {
		// given
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);

		// when
		LineRepair.Result result = LineRepair.repair(line(header, 111549, REAL_SHIFTED_CASE));

		// then
		LineRepair.Repaired repaired = (LineRepair.Repaired) result;
		assertThat(repaired.repairCode()).isEqualTo("tab_shift");
		assertThat(repaired.fields()).hasSize(39);
		assertThat(byName(header, repaired.fields())).containsEntry("IDNCASE", "7375924")
			.containsEntry("ALIEN_CITY", "BROOKLYN")
			.containsEntry("ALIEN_STATE", "NY")
			.containsEntry("ALIEN_ZIPCODE", "11209")
			.containsEntry("UPDATED_ZIPCODE", "")
			.containsEntry("NAT", "EG")
			.containsEntry("LANG", "AR")
			.containsEntry("CUSTODY", "N")
			.containsEntry("SITE_TYPE", "M")
			.containsEntry("E_28_DATE", "2024-09-12 00:00:00.000")
			.containsEntry("CASE_TYPE", "RMV")
			.containsEntry("UPDATE_SITE", "NYC")
			.containsEntry("LATEST_TIME", "1000")
			.containsEntry("DATE_OF_ENTRY", "1998-12-06 00:00:00.000")
			.containsEntry("C_ASY_TYPE", "I")
			.containsEntry("C_BIRTHDATE", "4/1974")
			.containsEntry("Sex", "F")
			.containsEntry("LPR", "0")
			.containsEntry("CASEPRIORITY_CODE", "N/A");
		assertThat(repaired.message()).isEqualTo("line has 40 fields, the header has 39: a tab inside ALIEN_CITY or "
				+ "ALIEN_STATE split a value in two and moved every later value one column right; the two parts were "
				+ "joined with a space");
	}

	@Test
	void aTabInsideANameBecomesASpace() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);
		String shifted = REAL_SHIFTED_CASE.replace("BROOKLYN\t\tNY", "SAN\tDIEGO\tCA").replace("11209", "92101");

		LineRepair.Repaired repaired = (LineRepair.Repaired) LineRepair.repair(line(header, 7, shifted));

		assertThat(byName(header, repaired.fields())).containsEntry("ALIEN_CITY", "SAN DIEGO")
			.containsEntry("ALIEN_STATE", "CA")
			.containsEntry("ALIEN_ZIPCODE", "92101");
		assertThat(repaired.message()).contains("a tab inside ALIEN_CITY split a value in two");
	}

	@Test
	void aProceedingWhoseOneCharacterCodeIsATabIsRepaired() {
		// given: APPEAL_NOT_FILED holds a lone tab, the shape of the 71 shifted
		// proceedings "before COMP_DATE"
		EoirHeader header = proceedingHeader();
		Map<String, String> values = proceeding();
		values.put("APPEAL_NOT_FILED", "\t");

		// when
		LineRepair.Result result = LineRepair.repair(line(header, 2042, proceedingLine(values)));

		// then
		LineRepair.Repaired repaired = (LineRepair.Repaired) result;
		assertThat(repaired.repairCode()).isEqualTo("tab_shift");
		values.put("APPEAL_NOT_FILED", "");
		assertThat(byName(header, repaired.fields())).isEqualTo(values);
		assertThat(repaired.message())
			.contains("a tab inside one of the 5 columns from DEPORTED_1 to APPEAL_NOT_FILED");
	}

	@Test
	void aBondWithATabInItsCourtNameIsRepaired() {
		EoirTable bonds = new EoirTable("D_TblAssociatedBond", List.of("D_TblAssociatedBond"),
				"staging.eoir_associated_bond", List.of(EoirColumn.of("IDNASSOCBOND", ColumnKind.KEY)));
		EoirHeader header = EoirHeader.parse(bonds, "D_TblAssociatedBond.csv", String.join("\t", BOND_COLUMNS));
		List<String> values = List.of("9000001", "8000003", "5000000", "2019-03-01 00:00:00.000", "B", "99", "99",
				"2019-05-02 00:00:00.000", "1015", "2019-04-20 00:00:00.000", "0900", "SNA", "SAN\tANTONIO", "SNA",
				"ABC", "G", "2019-05-02 00:00:00.000", "10000", "N", "", "V", "2019-04-20 00:00:00.000", "5000", "", "",
				"2019-06-01 00:00:00.000", "", "BB", "W", "A", "");

		LineRepair.Repaired repaired = (LineRepair.Repaired) LineRepair
			.repair(line(header, 88, String.join("\t", values)));

		assertThat(byName(header, repaired.fields())).containsEntry("BASE_CITY_NAME", "SAN ANTONIO")
			.containsEntry("HEARING_LOC_CODE", "SNA")
			.containsEntry("INITIAL_BOND", "10000")
			.containsEntry("BOND_TYPE", "BB")
			.containsEntry("DECISION_DUE_DATE", "");
	}

	@Test
	void b6IsAValueInACodeColumnAndNoValueElsewhere() {
		assertThat(FieldType.code(1).isBlank("b6")).isFalse();
		assertThat(FieldType.code(1).fits("b6")).as("two characters in a one-character code").isFalse();
		assertThat(FieldType.code(2).fits(" b6 ")).isTrue();
		assertThat(FieldType.code(1).isBlank(" n/a ")).isTrue();
		assertThat(FieldType.date().isBlank("b6")).isTrue();
		assertThat(FieldType.text().isBlank("b6")).isTrue();
	}

	@Test
	void twoRepairsThatBothFitAreAmbiguous() {
		// given: the state typed into the city field, the state field left empty
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);
		String shifted = REAL_SHIFTED_CASE.replace("BROOKLYN\t\tNY", "PORTLAND\tOR\t").replace("11209", "97201");

		// when
		LineRepair.Result result = LineRepair.repair(line(header, 31, shifted));

		// then
		LineRepair.Refused refused = (LineRepair.Refused) result;
		assertThat(refused.reasonCode()).isEqualTo("tab_shift_ambiguous");
		assertThat(refused.message()).as("the ZIP code could also be the updated one")
			.isEqualTo("line has 40 fields, the header has 39: 3 different repairs fit every column: joining at "
					+ "ALIEN_CITY gives ALIEN_CITY 'PORTLAND OR', ALIEN_STATE '', joining at ALIEN_STATE gives "
					+ "ALIEN_CITY 'PORTLAND', ALIEN_STATE 'OR'; not repaired, since more than one could be right");
	}

	@Test
	void aProceedingWhoseTabCouldSitOnEitherSideOfACodeIsAmbiguous() {
		EoirHeader header = proceedingHeader();
		Map<String, String> values = proceeding();
		values.put("APPEAL_RSVD", "A");
		values.put("APPEAL_NOT_FILED", "\t");

		LineRepair.Refused refused = (LineRepair.Refused) LineRepair.repair(line(header, 2043, proceedingLine(values)));

		assertThat(refused.reasonCode()).isEqualTo("tab_shift_ambiguous");
		assertThat(refused.message()).contains("joining at DEPORTED_1 gives OTHER_COMP 'A', APPEAL_RSVD ''",
				"joining at APPEAL_RSVD gives OTHER_COMP '', APPEAL_RSVD 'A'");
	}

	@Test
	void aLineNoJoinCanMakeFitIsUnrepairable() {
		// given: an extra value between LATEST_HEARING and LATEST_TIME, where no tab can
		// explain it
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);
		String shifted = REAL_SHIFTED_CASE.replace("BROOKLYN\t\tNY", "BROOKLYN\tNY")
			.replace("2014-12-02 00:00:00.000\t1000", "2014-12-02 00:00:00.000\t0930\t1000");

		// when
		LineRepair.Result result = LineRepair.repair(line(header, 5, shifted));

		// then
		LineRepair.Refused refused = (LineRepair.Refused) result;
		assertThat(refused.reasonCode()).isEqualTo("tab_shift_unrepairable");
		assertThat(refused.message()).isEqualTo("line has 40 fields, the header has 39 (a tab inside a value shifts "
				+ "the columns), and no way of joining two neighbouring fields gives values that fit every column "
				+ "(the closest, joining at LATEST_TIME: LATEST_TIME is '0930 1000', expected a time of day HHMM); not "
				+ "repaired");
	}

	@Test
	void aShortProceedingWithItsKeysIsPadded() {
		// given: a proceeding cut after its 20th field
		EoirHeader header = proceedingHeader();
		Map<String, String> values = proceeding();
		String cut = String.join("\t", Arrays.asList(proceedingLine(values).split("\t", -1)).subList(0, 20));

		// when
		LineRepair.Result result = LineRepair.repair(line(header, 9, cut));

		// then
		LineRepair.Repaired repaired = (LineRepair.Repaired) result;
		assertThat(repaired.repairCode()).isEqualTo("padded");
		assertThat(repaired.fields()).hasSize(38);
		assertThat(byName(header, repaired.fields())).containsEntry("IDNPROCEEDING", "8000003")
			.containsEntry("DEC_CODE", "X")
			.containsEntry("APPEAL_NOT_FILED", "")
			.containsEntry("COMP_DATE", "")
			.containsEntry("DATE_RELEASED", "");
		assertThat(repaired.message()).isEqualTo("line has 20 fields, the header has 38 (the line is cut short): the "
				+ "missing 18 (APPEAL_NOT_FILED to DATE_RELEASED) were padded with empty values");
	}

	@Test
	void aShortLineWithoutItsKeyIsRejected() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv",
				"IDNCASEID\tIDNCASE\tCASE_ID");

		LineRepair.Refused cutBeforeKey = (LineRepair.Refused) LineRepair.repair(line(header, 3, "100001"));
		LineRepair.Refused junkKey = (LineRepair.Refused) LineRepair.repair(line(header, 4, "100001\tFC"));

		assertThat(cutBeforeKey.reasonCode()).isEqualTo("field_count");
		assertThat(cutBeforeKey.message()).isEqualTo("line has 1 fields, the header has 3 (the line is cut short) and "
				+ "ends before IDNCASE, a key of the table; not padded");
		assertThat(junkKey.reasonCode()).isEqualTo("field_count");
		assertThat(junkKey.message()).contains("its key IDNCASE is 'FC'");
	}

	@Test
	void aShortLineWhoseValuesDoNotFitIsRejected() {
		EoirHeader header = proceedingHeader();

		LineRepair.Refused refused = (LineRepair.Refused) LineRepair
			.repair(line(header, 12, "8000003\t5000000\tRMV\t2019-03-05 00:00:00.000"));

		assertThat(refused.reasonCode()).isEqualTo("field_count");
		assertThat(refused.message()).contains("OSC_DATE is 'RMV', expected a date YYYY-MM-DD HH:MM:SS.mmm");
	}

	@Test
	void emptyFieldsAfterTheLastColumnAreDropped() {
		EoirHeader identifiers = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv",
				"IDNCASEID\tIDNCASE\tCASE_ID");
		EoirHeader cases = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);
		String unshifted = REAL_SHIFTED_CASE.replace("BROOKLYN\t\tNY", "BROOKLYN\tNY");

		LineRepair.Repaired identifier = (LineRepair.Repaired) LineRepair
			.repair(line(identifiers, 2, "100001\t5000000\tMP\t\t "));
		LineRepair.Repaired aCase = (LineRepair.Repaired) LineRepair.repair(line(cases, 3, unshifted + "\t"));

		assertThat(identifier.repairCode()).isEqualTo("trailing_empty_fields");
		assertThat(identifier.fields()).containsExactly("100001", "5000000", "MP");
		assertThat(identifier.message())
			.isEqualTo("line has 5 fields, the header has 3: the 2 fields after the last column were empty and were "
					+ "dropped");
		assertThat(aCase.repairCode()).isEqualTo("trailing_empty_fields");
		assertThat(aCase.fields()).containsExactly(unshifted.split("\t", -1));
	}

	@Test
	void aShiftedLineWhoseLastValueIsEmptyIsNotTakenForTrailingFields() {
		// given: the sample generator's copy of the real line: BROOKLYN<tab>, nothing
		// after UPDATE_SITE, so the line ends in an empty field
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", CASE_HEADER);
		Map<String, String> values = Map.of("IDNCASE", "7375924", "ALIEN_CITY", "BROOKLYN\t", "ALIEN_STATE", "NY",
				"ALIEN_ZIPCODE", "11209", "NAT", "GT", "CASE_TYPE", "RMV", "UPDATE_SITE", "NYC");
		String shifted = String.join("\t",
				Arrays.stream(CASE_HEADER.split("\t")).map((name) -> values.getOrDefault(name, "")).toList());

		// when
		LineRepair.Repaired repaired = (LineRepair.Repaired) LineRepair.repair(line(header, 1501, shifted));

		// then
		assertThat(repaired.repairCode()).isEqualTo("tab_shift");
		assertThat(byName(header, repaired.fields())).containsEntry("ALIEN_CITY", "BROOKLYN")
			.containsEntry("ALIEN_STATE", "NY")
			.containsEntry("ALIEN_ZIPCODE", "11209")
			.containsEntry("NAT", "GT")
			.containsEntry("CASE_TYPE", "RMV")
			.containsEntry("UPDATE_SITE", "NYC")
			.containsEntry("CASEPRIORITY_CODE", "");
	}

	@Test
	void moreThanOneExtraValueIsNotRepaired() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE_IDENTIFIER, "A_TblCaseIdentifier.csv",
				"IDNCASEID\tIDNCASE\tCASE_ID");

		LineRepair.Refused refused = (LineRepair.Refused) LineRepair
			.repair(line(header, 2, "100001\t5000000\tMP\tX\tY"));

		assertThat(refused.reasonCode()).isEqualTo("field_count");
		assertThat(refused.message())
			.startsWith("line has 5 fields, the header has 3: more than one tab inside values");
	}

	@Test
	void aTableWithoutColumnTypesIsNotRepaired() {
		EoirTable leadRider = new EoirTable("tbl_Lead_Rider", List.of("tbl_Lead_Rider"), "staging.eoir_lead_rider",
				List.of(EoirColumn.of("idnLeadRider", ColumnKind.KEY)));
		EoirHeader header = EoirHeader.parse(leadRider, "tbl_Lead_Rider.csv", "idnLeadRider\tidnLeadCase");

		LineRepair.Refused refused = (LineRepair.Refused) LineRepair.repair(line(header, 2, "1\t2\t3"));

		assertThat(refused.reasonCode()).isEqualTo("field_count");
		assertThat(refused.message()).isEqualTo("line has 3 fields, the header has 2 (a tab inside a value shifts the "
				+ "columns); no column types are known for tbl_Lead_Rider to repair it with");
	}

	@Test
	void anUnknownColumnFitsAnythingButIsNotWhereTheTabIsLooked() {
		// given: a column the catalogue does not know, next to ALIEN_CITY
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", "IDNCASE\tALIEN_CITY\tNEW_NOTE\tNAT");

		// when
		LineRepair.Repaired repaired = (LineRepair.Repaired) LineRepair
			.repair(line(header, 2, "5000000\tSAN\tDIEGO\tsome note\tMX"));

		// then
		assertThat(repaired.fields()).containsExactly("5000000", "SAN DIEGO", "some note", "MX");
	}

	@Test
	void unknownColumnsAreWhereTheTabIsLookedWhenNoKnownColumnCanHoldOne() {
		EoirHeader header = EoirHeader.parse(EoirTables.CASE, "A_TblCase.csv", "IDNCASE\tNEW_NOTE\tE_28_DATE");

		LineRepair.Repaired repaired = (LineRepair.Repaired) LineRepair
			.repair(line(header, 2, "5000000\tsome\tnote\t2024-01-02 00:00:00.000"));

		assertThat(repaired.fields()).containsExactly("5000000", "some note", "2024-01-02 00:00:00.000");
	}

	static EoirLine line(EoirHeader header, long lineNumber, String text) {
		return new EoirLine(lineNumber, text, header);
	}

	static EoirHeader proceedingHeader() {
		return EoirHeader.parse(EoirTables.PROCEEDING, "B_TblProceeding.csv", String.join("\t", PROCEEDING_COLUMNS));
	}

	/** A completed removal proceeding at an MPP court, by column. */
	static Map<String, String> proceeding() {
		Map<String, String> values = new HashMap<>();
		PROCEEDING_COLUMNS.forEach((column) -> values.put(column, ""));
		values.putAll(Map.ofEntries(Map.entry("IDNPROCEEDING", "8000003"), Map.entry("IDNCASE", "5000000"),
				Map.entry("OSC_DATE", "2019-03-01 00:00:00.000"), Map.entry("INPUT_DATE", "2019-03-05 00:00:00.000"),
				Map.entry("BASE_CITY_CODE", "SND"), Map.entry("HEARING_LOC_CODE", "SYP"), Map.entry("IJ_CODE", "ABC"),
				Map.entry("HEARING_DATE", "2019-04-15 00:00:00.000"), Map.entry("HEARING_TIME", "0830"),
				Map.entry("DEC_TYPE", "O"), Map.entry("DEC_CODE", "X"), Map.entry("DEPORTED_1", "MX"),
				Map.entry("COMP_DATE", "2020-01-10 00:00:00.000"), Map.entry("ABSENTIA", "Y"),
				Map.entry("CUSTODY", "N"), Map.entry("CASE_TYPE", "RMV"), Map.entry("NAT", "MX"),
				Map.entry("LANG", "SP"), Map.entry("SCHEDULED_HEAR_LOC", "SYP"), Map.entry("CRIM_IND", "N"),
				Map.entry("AGGRAVATE_FELON", "0")));
		return values;
	}

	static String proceedingLine(Map<String, String> values) {
		return String.join("\t", PROCEEDING_COLUMNS.stream().map(values::get).toList());
	}

	/** The repaired fields by header name, trimmed as the load trims them. */
	static Map<String, String> byName(EoirHeader header, String[] fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int p = 0; p < fields.length; p++) {
			values.put(header.names().get(p), fields[p].strip());
		}
		return values;
	}

}
