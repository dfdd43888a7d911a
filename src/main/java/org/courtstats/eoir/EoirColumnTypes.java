package org.courtstats.eoir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The type of every column of the EOIR tables, by table and header name, used to repair
 * malformed lines: every column of the real headers is listed, not only those the load
 * stages, since a repair must place each value of a line.
 * <p>
 * Source: the column lists of {@code shared/spec/sources.md} §1.3 (2026-04 headers, with
 * the older names a release may still carry), and the lengths of EOIR's own data
 * dictionary ({@code varchar(n)}), for example NAT 2, LANG 3, CUSTODY 1, CASE_TYPE 3,
 * ALIEN_CITY 15, ALIEN_STATE 2. Where EOIR documents no length, the length of the real
 * values seen is used (the 2025 value frequencies, the 2014 lookup dumps). Table names
 * and header names are matched ignoring case; a table is keyed by
 * {@link EoirTable#name()}. A column a header has and this list lacks is unknown: see
 * {@link LineRepair} for how a repair treats it.
 * <p>
 * Lookups are listed only for the tables the load reads. tblLookupBaseCity's form columns
 * ({@code BaseEoir1Flag} ... {@code I122Subf}) are empty in every dump seen and are typed
 * as text.
 */
final class EoirColumnTypes {

	private static final Map<String, Columns> CATALOGUE = catalogue(
			// Case tables
			table("A_TblCase", integer("IDNCASE"), text("ALIEN_CITY", 15), text("ALIEN_STATE", 2), zip("ALIEN_ZIPCODE"),
					zip("UPDATED_ZIPCODE"), text("UPDATED_CITY", 15), code("NAT", 2), code("LANG", 3),
					code("CUSTODY", 1), code("SITE_TYPE", 1), date("E_28_DATE"), code("ATTY_NBR", 2),
					code("CASE_TYPE", 3), code("CASETYPE", 3), code("UPDATE_SITE", 3), date("LATEST_HEARING"),
					time("LATEST_TIME"), code("LATEST_CAL_TYPE", 1), date("UP_BOND_DATE"), code("UP_BOND_RSN", 2),
					code("CORRECTIONAL_FAC", 1), code("RELEASE_MONTH", 2), code("RELEASE_YEAR", 4),
					code("INMATE_HOUSING", 3), date("DATE_OF_ENTRY"), code("FNLDISP", 2), code("C_ASY_TYPE", 1),
					monthYear("C_BIRTHDATE"), date("C_RELEASE_DATE"), text("UPDATED_STATE", 2),
					date("ADDRESS_CHANGEDON"), code("ZBOND_MRG_FLAG", 1), code("Sex", 1), code("GENDER", 1),
					date("DATE_DETAINED"), date("DATE_RELEASED"), flag("LPR"), date("DETENTION_DATE"),
					text("DETENTION_LOCATION", 34), text("DCO_LOCATION", 24), code("DETENTION_FACILITY_TYPE", 10),
					code("CASEPRIORITY_CODE", 20)),
			table("A_TblCaseIdentifier", integer("IDNCASEID"), integer("IDNCASE"), code("CASE_ID", 2)),
			table("B_TblProceeding", integer("IDNPROCEEDING"), integer("IDNCASE"), date("OSC_DATE"), date("INPUT_DATE"),
					code("BASE_CITY_CODE", 3), code("HEARING_LOC_CODE", 3), code("IJ_CODE", 3), date("TRANS_IN_DATE"),
					date("TRANSFER_DATE"), code("PREV_HEARING_LOC", 3), code("PREV_HEARING_BASE", 3),
					code("PREV_IJ_CODE", 3), code("TRANS_NBR", 2), date("HEARING_DATE"), time("HEARING_TIME"),
					code("DEC_TYPE", 1), code("DEC_CODE", 1), code("DEPORTED_1", 2), code("DEP1", 2),
					code("DEPORTED_2", 2), code("DEP2", 2), code("OTHER_COMP", 1), code("APPEAL_RSVD", 1),
					code("APPEAL_NOT_FILED", 1), date("COMP_DATE"), code("ABSENTIA", 1), date("VENUE_CHG_GRANTED"),
					code("TRANSFER_TO", 3), date("DATE_APPEAL_DUE_STATUS"), code("TRANSFER_STATUS", 1),
					code("CUSTODY", 1), code("CASE_TYPE", 3), code("CASETYPE", 3), code("NAT", 2), code("LANG", 3),
					code("SCHEDULED_HEAR_LOC", 3), code("CORRECTIONAL_FAC", 1), code("CRIM_IND", 1), code("IHP", 1),
					flag("AGGRAVATE_FELON"), date("DATE_DETAINED"), date("DATE_RELEASED")),
			table("B_TblProceedCharges", integer("IDNPRCDCHG"), integer("IDNCASE"), integer("IDNPROCEEDING"),
					code("CHARGE", 13), code("CHG_STATUS", 1)),
			table("tbl_schedule", integer("IDNSCHEDULE"), integer("IDNPROCEEDING"), integer("IDNCASE"),
					date("OSC_DATE"), code("GENERATION", 2), code("SUB_GENERATION", 2), code("REC_TYPE", 1),
					code("LANG", 3), code("HEARING_LOC_CODE", 3), code("BASE_CITY_CODE", 3), code("IJ_CODE", 3),
					code("INTERPRETER_CODE", 3), date("INPUT_DATE"), time("INPUT_TIME"), date("UPDATE_DATE"),
					time("UPDATE_TIME"), code("ASSIGNMENT_PATH", 1), code("CAL_TYPE", 1), date("ADJ_DATE"),
					time("ADJ_TIME_START"), time("ADJ_TIME_STOP"), code("ADJ_RSN", 2), code("ADJ_MEDIUM", 1),
					code("ADJ_MSG", 2), code("ADJ_ELAP_DAYS", 4), integer("LNGSESSNID"), code("SCHEDULE_TYPE", 2),
					code("NOTICE_CODE", 2), flag("BLNCLOCKOVERRIDE"), guid("EOIRAttorneyID"), code("CONTINUE_FLAG", 1),
					date("DATBATCHMODIFIED")),
			table("tbl_Court_Appln", integer("IDNPROCEEDINGAPPLN"), integer("IDNPROCEEDING"), integer("IDNCASE"),
					code("APPL_CODE", 4), date("APPL_RECD_DATE"), code("APPL_DEC", 10)),
			table("tbl_CustodyHistory", integer("IDNCUSTODY"), integer("IDNCASE"), code("CUSTODY", 1),
					date("DATDETAINED"), date("DATRELEASED")),
			table("tbl_RepsAssigned", integer("IDNREPSASSIGNED"), integer("IDNCASE"), code("STRATTYLEVEL", 10),
					code("STRATTYTYPE", 10), code("STRATTYCODE", 10), code("PARENT_TABLE", 100), integer("PARENT_IDN"),
					code("BASE_CITY_CODE", 3), date("INS_TA_DATE_ASSIGNED"), date("E_27_DATE"), date("E_28_DATE"),
					flag("BLNPRIMEATTY")),
			// 2026-04 has 31 columns; Oct 2025 also had the *_TO_BE_REMOVED ones.
			table("D_TblAssociatedBond", integer("IDNASSOCBOND"), integer("IDNPROCEEDING"), integer("IDNCASE"),
					date("OSC_DATE"), code("REC_TYPE", 1), code("GENERATION", 2), code("SUB_GENERATION", 2),
					date("UPDATE_DATE"), time("UPDATE_TIME"), date("INPUT_DATE"), time("INPUT_TIME"),
					code("BASE_CITY_CODE", 3), text("BASE_CITY_NAME", 20), code("HEARING_LOC_CODE", 3),
					code("IJ_CODE", 3), code("DEC", 1), date("COMP_DATE"), code("INITIAL_BOND", 10), code("REL_CON", 1),
					code("INS_TA", 3), code("BOND_HEARING_TELEPHONIC", 1), date("BOND_HEAR_REQ_DATE"),
					code("NEW_BOND", 10), code("APPEAL_REVD", 1), code("APPEAL_NOT_FILED", 1), date("DATE_APPEAL_DUE"),
					date("E_28_DATE"), code("BOND_TYPE", 2), code("FILING_METHOD", 1), code("FILING_PARTY", 1),
					date("DECISION_DUE_DATE"), code("REJ_TO_BE_REMOVED", 1), text("IJ_NAME_TO_BE_REMOVED", 20),
					code("SEND_MSG_WU_TO_BE_REMOVED", 2), date("BOND_HEARING_DATE_TO_BE_REMOVED"),
					time("BOND_HEARING_TIME_TO_BE_REMOVED"), code("ADJ1_CAL_TYPE_TO_BE_REMOVED", 1),
					date("ADJ1_DATE_TO_BE_REMOVED"), time("ADJ1_TIME_TO_BE_REMOVED"), code("ADJ1_RSN_TO_BE_REMOVED", 2),
					code("ADJ1_TELEPHONIC_TO_BE_REMOVED", 1), code("ADJ1_MSG_TO_BE_REMOVED", 2),
					code("ADJ2_CAL_TYPE_TO_BE_REMOVED", 1), date("ADJ2_DATE_TO_BE_REMOVED"),
					time("ADJ2_TIME_TO_BE_REMOVED"), code("ADJ2_RSN_TO_BE_REMOVED", 2),
					code("ADJ2_TELEPHONIC_TO_BE_REMOVED", 1), code("ADJ2_MSG_TO_BE_REMOVED", 2),
					code("SCHEDULED_HEAR_LOC_TO_BE_REMOVED", 3)),
			// Lookups the load reads. tblLookupAlienNat also stands for
			// tblLookupNationality.
			table("tblLookupAlienNat", integer("idnNat"), code("strCode", 3), text("strDescription"), code("Nacara", 5),
					integer("ID"), code("NAT_CODE", 3), text("NAT_NAME"), text("NAT_COUNTRY_NAME"),
					code("NAT_NACARA_COUNTRY", 5), flag("blnActive"), date("datCreatedOn"), date("datModifiedOn")),
			table("tblLanguage", integer("idnLang"), code("strCode", 4), text("strDescription"), date("datCreatedOn"),
					date("datModifiedOn"), flag("blnActive")),
			table("tblLookupBaseCity", baseCityColumns()),
			table("tblLookupHloc", integer("idnHloc"), code("HEARING_LOC_CODE", 3), text("HEARING_LOC_NAME"),
					text("HEARING_CORR_TITLE"), text("HEARING_ST_ADDRESS"), text("HEARING_CITY"),
					text("HEARING_STATE", 2), zip("HEARING_ZIP"), text("HEARING_PHONE_NO"),
					code("HEARING_BASE_CITY", 3), code("Hear_Admin_Hear_Loc", 3), code("Hear_Trans_COV_City", 3),
					code("Hear_Det_Type", 1), code("Hear_Active_Flg", 1), date("datCreatedOn"), date("datModifiedOn"),
					flag("blnActive"), code("ROPLoc", 3), integer("intCalDetainDays"), integer("intCalINSAsyPDays"),
					integer("intCalINSAsyMDays"), integer("intCalINSDays"), integer("intCalEOIRDays"),
					integer("intCalCFRDays"), integer("intCalCDRDays"), code("CircuitCourt", 2), flag("blnPrnWksOnAdd"),
					flag("blnPrnRopOnAdd")),
			table("tblLookupJudge", integer("idnJudge"), code("JUDGE_CODE", 3), text("JUDGE_NAME"),
					text("JUDGE_ST_ADDRESS"), text("JUDGE_CITY"), text("JUDGE_STATE", 2), zip("JUDGE_ZIP_1"),
					code("JUDGE_ZIP_2", 4), text("JUDGE_PHONE_NO"), date("datCreatedOn"), date("datModifiedOn"),
					flag("blnActive"), flag("blnSkippedOnWheel"), flag("blnLastOnWheel"), flag("blnSkippedOnWheelMA"),
					flag("blnLastOnWheelMA"), integer("intOrderMA"), integer("intOrderMM")),
			table("tblLookupCaseType", integer("idnCaseType"), code("strCode", 3), text("strDescription"),
					flag("blnActive"), date("datCreatedOn"), date("datModifiedOn"), code("strAnsirCode", 10)),
			table("tblLookupCustodyStatus", integer("idnCustodyStatus"), code("strCode", 1), text("strSelecBoxVal"),
					text("strDescription"), flag("blnActive"), date("datCreatedOn"), date("datModifiedOn")),
			table("tblLookupCourtDecision", integer("idnCourtDecision"), code("strCaseType", 3), code("strDecCode", 1),
					text("strDecDescription"), code("strDecType", 1), text("strFinalDisposition"), flag("blnActive"),
					date("datCreatedOn"), date("datModifiedOn")),
			table("tblLookUpCaseIdentifier", integer("idnCaseIdentifier"), code("strcode", 3), text("strDescription"),
					date("datCreatedOn"), date("datModifiedOn"), flag("blnActive")),
			table("tblLookUp_Appln", integer("idnAppln"), code("strcode", 10), text("strdescription"),
					text("strAllowedCaseTypes"), text("strAllowedDecisionCodes"), code("APL_casetype_1", 3),
					code("APL_casetype_2", 3), code("APL_casetype_3", 3), code("APL_casetype_4", 3),
					code("APL_casetype_5", 3), code("APL_casetype_6", 3), code("APL_casetype_7", 3),
					date("datCreatedOn"), date("datModifiedOn"), flag("blnActive")),
			table("tblLookupCourtAppDecisions", integer("idnCourtApplnDec"), code("strCourtApplnDecCode", 1),
					text("strCourtApplnDecDesc"), flag("blnActive"), date("datCreatedOn"), date("datModifiedOn"),
					text("Comments")),
			// Charge codes are INA cites with parentheses and inner spaces, e.g.
			// (212)(a)(03)(E)(i )( ).
			table("tbllookupCharges", integer("idnCharges"), text("strCode"), text("strCodeString"),
					text("strCodeDescription"), code("applicable_case_type1", 3), code("applicable_case_type2", 3),
					code("applicable_case_type3", 3), code("criminal_flag", 1), code("aggravate_felon", 1),
					date("DatCreatedOn"), date("DatModifiedOn"), flag("blnActive")),
			// The real header misspells the description column (strDesciption).
			table("tblAdjournmentcodes", integer("idnAdjCode"), code("strcode", 2), text("strDesciption"),
					text("strDescription"), text("Regd_By"), date("datCreatedOn"), date("datModifiedOn"),
					flag("blnActive"), text("asy_clk_stat")));

	private EoirColumnTypes() {
	}

	/**
	 * The column types of a table.
	 * @param tableName the table's logical name ({@link EoirTable#name()}), any case
	 * @return its columns, or empty when the catalogue does not know the table
	 */
	static Optional<Columns> of(String tableName) {
		return Optional.ofNullable(CATALOGUE.get(tableName.toUpperCase(Locale.ROOT)));
	}

	/**
	 * The tables the catalogue knows.
	 * @return logical table names as listed
	 */
	static List<String> tableNames() {
		return CATALOGUE.values().stream().map(Columns::tableName).toList();
	}

	private static Column[] baseCityColumns() {
		List<Column> columns = new ArrayList<>(
				List.of(integer("idnBaseCity"), code("BASE_CITY_CODE", 3), text("BASE_CITY_NAME"),
						code("BaseAutomated", 1), text("BASE_ST_ADDRESS"), text("BASE_CITY"), text("BASE_STATE", 2),
						zip("BASE_ZIP_1"), code("BASE_ZIP_2", 4), text("BASE_PHONE_NO"), text("strRegion")));
		for (String form : List.of("BaseEoir1", "BaseEoir2", "BaseEoir5", "BaseEoir6", "BaseEoir7", "BaseEoir34",
				"BaseEoir35", "BaseEoir36", "BaseEoir39", "I122")) {
			for (String part : List.of("Flag", "Code", "Suba", "Subb", "Subc", "Subd", "Sube", "Subf")) {
				columns.add(text(form + part));
			}
		}
		columns.addAll(List.of(text("RopDefault"), text("RopPrtClass"), text("BaseSplPrtClass"), date("datCreatedOn"),
				date("datModifiedOn"), flag("blnActive"), flag("blnBCIS")));
		return columns.toArray(new Column[0]);
	}

	private static Map<String, Columns> catalogue(Columns... tables) {
		Map<String, Columns> catalogue = new LinkedHashMap<>();
		for (Columns table : tables) {
			if (catalogue.put(table.tableName().toUpperCase(Locale.ROOT), table) != null) {
				throw new IllegalStateException("Column types listed twice for " + table.tableName());
			}
		}
		return catalogue;
	}

	private static Columns table(String tableName, Column... columns) {
		Map<String, FieldType> types = new HashMap<>();
		for (Column column : columns) {
			if (types.put(column.headerName().toUpperCase(Locale.ROOT), column.type()) != null) {
				throw new IllegalStateException(tableName + " lists " + column.headerName() + " twice");
			}
		}
		return new Columns(tableName, types);
	}

	private static Column integer(String headerName) {
		return new Column(headerName, FieldType.integer());
	}

	private static Column date(String headerName) {
		return new Column(headerName, FieldType.date());
	}

	private static Column time(String headerName) {
		return new Column(headerName, FieldType.time());
	}

	private static Column monthYear(String headerName) {
		return new Column(headerName, FieldType.monthYear());
	}

	private static Column flag(String headerName) {
		return new Column(headerName, FieldType.flag());
	}

	private static Column zip(String headerName) {
		return new Column(headerName, FieldType.zip());
	}

	private static Column guid(String headerName) {
		return new Column(headerName, FieldType.guid());
	}

	private static Column code(String headerName, int maxLength) {
		return new Column(headerName, FieldType.code(maxLength));
	}

	private static Column text(String headerName, int maxLength) {
		return new Column(headerName, FieldType.text(maxLength));
	}

	private static Column text(String headerName) {
		return new Column(headerName, FieldType.text());
	}

	private record Column(String headerName, FieldType type) {
	}

	/**
	 * The column types of one table, by header name.
	 *
	 * @param tableName the table's logical name
	 * @param types type by upper-cased header name
	 */
	record Columns(String tableName, Map<String, FieldType> types) {

		Columns {
			types = Map.copyOf(types);
		}

		/**
		 * The type of a header column.
		 * @param headerName the name in the file's header, any case
		 * @return its type, or null when the catalogue does not know the column
		 */
		FieldType typeOf(String headerName) {
			return this.types.get(headerName.strip().toUpperCase(Locale.ROOT));
		}

	}

}
