package org.courtstats.eoir;

import static org.courtstats.eoir.ColumnKind.CASED_CODE;
import static org.courtstats.eoir.ColumnKind.CASED_KEY_CODE;
import static org.courtstats.eoir.ColumnKind.CODE;
import static org.courtstats.eoir.ColumnKind.DATE;
import static org.courtstats.eoir.ColumnKind.KEY;
import static org.courtstats.eoir.ColumnKind.KEY_CODE;
import static org.courtstats.eoir.ColumnKind.OPTIONAL_ID;
import static org.courtstats.eoir.ColumnKind.TEXT;
import static org.courtstats.eoir.ColumnKind.TRACED_CODE;

import java.util.List;
import java.util.Optional;

/**
 * The tables of an EOIR release that the load reads, and how each maps onto staging.
 * Other files of a release are listed as skipped.
 */
public final class EoirTables {

	/** Case table: one row per case (charging document). */
	public static final EoirTable CASE = new EoirTable("A_TblCase", List.of("A_TblCase"), "staging.eoir_case",
			List.of(EoirColumn.of("IDNCASE", KEY), EoirColumn.of("NAT", TRACED_CODE), EoirColumn.of("LANG", CODE),
					EoirColumn.of("CUSTODY", CODE), EoirColumn.of("case_type", TRACED_CODE, "CASE_TYPE", "CASETYPE"),
					EoirColumn.of("UPDATE_SITE", CODE), EoirColumn.of("DATE_OF_ENTRY", DATE),
					EoirColumn.of("E_28_DATE", DATE)))
		.recordingUsedValuesOf("nat", "lang", "custody", "case_type", "update_site", "date_of_entry", "e_28_date")
		.keyedBy("idncase");

	/** Case identifier flags, where MPP cases are marked (MP, RM). */
	public static final EoirTable CASE_IDENTIFIER = new EoirTable("A_TblCaseIdentifier", List.of("A_TblCaseIdentifier"),
			"staging.eoir_case_identifier",
			List.of(EoirColumn.of("IDNCASEID", KEY), EoirColumn.of("IDNCASE", KEY), EoirColumn.of("CASE_ID", CODE)))
		.recordingUsedValuesOf("case_id");

	/** Proceedings: one row per proceeding of a case. */
	public static final EoirTable PROCEEDING = new EoirTable("B_TblProceeding", List.of("B_TblProceeding"),
			"staging.eoir_proceeding",
			List.of(EoirColumn.of("IDNPROCEEDING", KEY), EoirColumn.of("IDNCASE", KEY), EoirColumn.of("OSC_DATE", DATE),
					EoirColumn.of("INPUT_DATE", DATE), EoirColumn.of("COMP_DATE", DATE),
					EoirColumn.of("BASE_CITY_CODE", CODE), EoirColumn.of("HEARING_LOC_CODE", CODE),
					EoirColumn.of("SCHEDULED_HEAR_LOC", CODE), EoirColumn.of("PREV_HEARING_LOC", CODE),
					EoirColumn.of("IJ_CODE", CODE), EoirColumn.of("DEC_CODE", TRACED_CODE),
					EoirColumn.of("OTHER_COMP", TRACED_CODE), EoirColumn.of("ABSENTIA", CODE),
					EoirColumn.of("CUSTODY", CODE), EoirColumn.of("case_type", CODE, "CASE_TYPE", "CASETYPE"),
					EoirColumn.of("NAT", CODE), EoirColumn.of("LANG", CODE),
					EoirColumn.of("deported_1", CODE, "DEPORTED_1", "DEP1"),
					EoirColumn.of("deported_2", CODE, "DEPORTED_2", "DEP2")))
		.recordingUsedValuesOf("nat", "lang", "custody", "case_type", "base_city_code", "hearing_loc_code",
				"scheduled_hear_loc", "prev_hearing_loc", "osc_date", "input_date", "comp_date",
				"case_type+dec_code+other_comp")
		.keyedBy("idnproceeding");

	/** Scheduled hearings: one row per hearing set on a proceeding's calendar. */
	public static final EoirTable SCHEDULE = new EoirTable("tbl_schedule", List.of("tbl_schedule"),
			"staging.eoir_schedule",
			List.of(EoirColumn.of("IDNSCHEDULE", KEY), EoirColumn.of("IDNPROCEEDING", KEY),
					EoirColumn.of("IDNCASE", KEY), EoirColumn.of("ADJ_DATE", DATE),
					EoirColumn.of("HEARING_LOC_CODE", CODE), EoirColumn.of("BASE_CITY_CODE", CODE),
					EoirColumn.of("IJ_CODE", CODE), EoirColumn.of("LANG", CODE), EoirColumn.of("CAL_TYPE", CODE),
					EoirColumn.of("SCHEDULE_TYPE", CODE), EoirColumn.of("ADJ_RSN", CODE),
					EoirColumn.of("ADJ_MEDIUM", TRACED_CODE)))
		.recordingUsedValuesOf("lang", "base_city_code", "hearing_loc_code", "ij_code", "adj_rsn", "adj_date")
		.keyedBy("idnschedule");

	/** Applications for relief filed in a proceeding (asylum, cancellation, ...). */
	public static final EoirTable APPLICATION = new EoirTable("tbl_Court_Appln", List.of("tbl_Court_Appln"),
			"staging.eoir_application",
			List.of(EoirColumn.of("IDNPROCEEDINGAPPLN", KEY), EoirColumn.of("IDNPROCEEDING", KEY),
					EoirColumn.of("IDNCASE", KEY), EoirColumn.of("APPL_CODE", CASED_CODE),
					EoirColumn.of("APPL_RECD_DATE", DATE), EoirColumn.of("APPL_DEC", CODE)))
		.recordingUsedValuesOf("appl_code", "appl_recd_date", "appl_dec")
		.keyedBy("idnproceedingappln");

	/** Charges (INA cites) brought in a proceeding. */
	public static final EoirTable PROCEEDING_CHARGE = new EoirTable("B_TblProceedCharges",
			List.of("B_TblProceedCharges"), "staging.eoir_charge",
			List.of(EoirColumn.of("IDNPRCDCHG", KEY), EoirColumn.of("IDNCASE", KEY),
					EoirColumn.of("IDNPROCEEDING", KEY), EoirColumn.of("CHARGE", CASED_CODE),
					EoirColumn.of("CHG_STATUS", TRACED_CODE)))
		.recordingUsedValuesOf("charge")
		.keyedBy("idnprcdchg");

	/** Custody history: the detention and release dates of a case. */
	public static final EoirTable CUSTODY_HISTORY = new EoirTable("tbl_CustodyHistory", List.of("tbl_CustodyHistory"),
			"staging.eoir_custody_history",
			List.of(EoirColumn.of("IDNCUSTODY", KEY), EoirColumn.of("IDNCASE", KEY), EoirColumn.of("CUSTODY", CODE),
					EoirColumn.of("DATDETAINED", DATE), EoirColumn.of("DATRELEASED", DATE)))
		.recordingUsedValuesOf("custody", "datdetained", "datreleased")
		.keyedBy("idncustody");

	/**
	 * Representatives assigned to a case or proceeding (EOIR-28 notices of appearance).
	 */
	public static final EoirTable REPS_ASSIGNED = new EoirTable("tbl_RepsAssigned", List.of("tbl_RepsAssigned"),
			"staging.eoir_reps_assigned",
			List.of(EoirColumn.of("IDNREPSASSIGNED", KEY), EoirColumn.of("IDNCASE", KEY),
					EoirColumn.of("STRATTYLEVEL", CODE), EoirColumn.of("STRATTYTYPE", CODE),
					EoirColumn.of("PARENT_TABLE", CODE), EoirColumn.of("PARENT_IDN", OPTIONAL_ID),
					EoirColumn.of("E_28_DATE", DATE)))
		.keyedBy("idnrepsassigned");

	/**
	 * Nationality codes; tblLookupAlienNat is preferred over tblLookupNationality when
	 * both come.
	 */
	public static final EoirTable NATIONALITY = new EoirTable("tblLookupAlienNat",
			List.of("tblLookupAlienNat", "tblLookupNationality"), "staging.eoir_nationality",
			List.of(EoirColumn.of("code", KEY_CODE, "strCode", "NAT_CODE"),
					EoirColumn.of("name", TEXT, "strDescription", "NAT_NAME")));

	/** Language codes. */
	public static final EoirTable LANGUAGE = new EoirTable("tblLanguage", List.of("tblLanguage"),
			"staging.eoir_language",
			List.of(EoirColumn.of("code", KEY_CODE, "strCode"), EoirColumn.of("name", TEXT, "strDescription")));

	/** Immigration courts (base cities). */
	public static final EoirTable BASE_CITY = new EoirTable("tblLookupBaseCity", List.of("tblLookupBaseCity"),
			"staging.eoir_base_city",
			List.of(EoirColumn.of("BASE_CITY_CODE", KEY_CODE), EoirColumn.of("BASE_CITY_NAME", TEXT),
					EoirColumn.of("BASE_CITY", TEXT), EoirColumn.of("BASE_STATE", TEXT)));

	/** Hearing locations, MPP port courts among them. */
	public static final EoirTable HEARING_LOCATION = new EoirTable("tblLookupHloc", List.of("tblLookupHloc"),
			"staging.eoir_hearing_location",
			List.of(EoirColumn.of("HEARING_LOC_CODE", KEY_CODE), EoirColumn.of("HEARING_LOC_NAME", TEXT),
					EoirColumn.of("HEARING_CITY", TEXT), EoirColumn.of("HEARING_STATE", TEXT),
					EoirColumn.of("HEARING_BASE_CITY", CODE)));

	/** Immigration judges. */
	public static final EoirTable JUDGE = new EoirTable("tblLookupJudge", List.of("tblLookupJudge"),
			"staging.eoir_judge", List.of(EoirColumn.of("JUDGE_CODE", KEY_CODE), EoirColumn.of("JUDGE_NAME", TEXT)));

	/** Case types. */
	public static final EoirTable CASE_TYPE = new EoirTable("tblLookupCaseType", List.of("tblLookupCaseType"),
			"staging.eoir_case_type",
			List.of(EoirColumn.of("code", KEY_CODE, "strCode"), EoirColumn.of("description", TEXT, "strDescription")));

	/** Custody statuses. */
	public static final EoirTable CUSTODY_STATUS = new EoirTable("tblLookupCustodyStatus",
			List.of("tblLookupCustodyStatus"), "staging.eoir_custody_status",
			List.of(EoirColumn.of("code", KEY_CODE, "strCode"), EoirColumn.of("description", TEXT, "strDescription")));

	/** Judge decisions, keyed by case type, code and kind. */
	public static final EoirTable COURT_DECISION = new EoirTable("tblLookupCourtDecision",
			List.of("tblLookupCourtDecision"), "staging.eoir_court_decision",
			List.of(EoirColumn.of("case_type", KEY_CODE, "strCaseType"),
					EoirColumn.of("dec_code", KEY_CODE, "strDecCode"),
					EoirColumn.of("dec_type", KEY_CODE, "strDecType"),
					EoirColumn.of("description", TEXT, "strDecDescription")));

	/** Case identifier codes. */
	public static final EoirTable CASE_IDENTIFIER_TYPE = new EoirTable("tblLookUpCaseIdentifier",
			List.of("tblLookUpCaseIdentifier"), "staging.eoir_case_identifier_type",
			List.of(EoirColumn.of("code", KEY_CODE, "strcode"), EoirColumn.of("description", TEXT, "strDescription")));

	/**
	 * Kinds of relief application; codes are case-sensitive ({@code 212c}, {@code 212L}).
	 */
	public static final EoirTable APPLICATION_TYPE = new EoirTable("tblLookUp_Appln", List.of("tblLookUp_Appln"),
			"staging.eoir_application_type", List.of(EoirColumn.of("code", CASED_KEY_CODE, "strcode"),
					EoirColumn.of("description", TEXT, "strdescription")));

	/** Decisions on relief applications. */
	public static final EoirTable APPLICATION_DECISION = new EoirTable("tblLookupCourtAppDecisions",
			List.of("tblLookupCourtAppDecisions"), "staging.eoir_application_decision",
			List.of(EoirColumn.of("code", KEY_CODE, "strCourtApplnDecCode"),
					EoirColumn.of("description", TEXT, "strCourtApplnDecDesc")));

	/**
	 * Adjournment reasons of scheduled hearings (the header's description column is
	 * misspelt).
	 */
	public static final EoirTable ADJOURNMENT_REASON = new EoirTable("tblAdjournmentcodes",
			List.of("tblAdjournmentcodes"), "staging.eoir_adjournment_reason",
			List.of(EoirColumn.of("code", KEY_CODE, "strcode"),
					EoirColumn.of("description", TEXT, "strDesciption", "strDescription")));

	/** Charge codes (INA cites). */
	public static final EoirTable CHARGE_CODE = new EoirTable("tbllookupCharges", List.of("tbllookupCharges"),
			"staging.eoir_charge_code",
			List.of(EoirColumn.of("code", CASED_KEY_CODE, "strCode"),
					EoirColumn.of("description", TEXT, "strCodeDescription"),
					EoirColumn.of("criminal_flag", CODE, "criminal_flag")));

	/**
	 * The tables every full EOIR snapshot carries: a release without one of them is
	 * refused, since its absence would read as every row deleted.
	 */
	public static final List<EoirTable> SNAPSHOT = List.of(CASE, CASE_IDENTIFIER, PROCEEDING, REPS_ASSIGNED);

	/**
	 * The case-data tables, the lookups aside: each holds thousands to millions of rows
	 * in every release, so a file of one that holds its header alone is refused.
	 */
	public static final List<EoirTable> CASE_DATA = List.of(CASE, CASE_IDENTIFIER, PROCEEDING, REPS_ASSIGNED, SCHEDULE,
			APPLICATION, PROCEEDING_CHARGE, CUSTODY_HISTORY);

	/** Every table the load reads, lookups first. */
	public static final List<EoirTable> ALL = List.of(NATIONALITY, LANGUAGE, BASE_CITY, HEARING_LOCATION, JUDGE,
			CASE_TYPE, CUSTODY_STATUS, COURT_DECISION, CASE_IDENTIFIER_TYPE, APPLICATION_TYPE, APPLICATION_DECISION,
			ADJOURNMENT_REASON, CHARGE_CODE, CASE, CASE_IDENTIFIER, PROCEEDING, REPS_ASSIGNED, SCHEDULE, APPLICATION,
			PROCEEDING_CHARGE, CUSTODY_HISTORY);

	private EoirTables() {
	}

	/**
	 * The table a delivered file holds, by file name (case-insensitive).
	 * @param fileName the file name
	 * @return the table, or empty when the load does not read the file
	 */
	public static Optional<EoirTable> forFile(String fileName) {
		return ALL.stream().filter((table) -> table.matches(fileName)).findFirst();
	}

	/**
	 * The table with a logical name.
	 * @param name logical name, e.g. {@code A_TblCase}
	 * @return the table
	 */
	public static EoirTable named(String name) {
		return ALL.stream()
			.filter((table) -> table.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No EOIR table named " + name));
	}

}
