package org.courtstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import org.courtstats.normalize.FiscalCalendar;

/**
 * Writes a realistic EOIR case-data release in the real export format (tab-delimited
 * {@code .csv}, windows-1252, no quoting, CRLF, a {@code Lookup/} folder and
 * {@code Count.txt}), with the quirks of the real files: a tab-shifted row, a short row,
 * a non-integer and an empty key, NUL bytes, windows-1252 bytes, {@code N/A} and
 * {@code b6} tokens, the literal code {@code NA}, CHAR padding, lower-case codes, an
 * orphan proceeding, an unknown judge, a duplicate lookup key, and MPP cases marked by
 * identifier, by hearing location (current or previous) and by both. It counts what it
 * writes by the warehouse contract's definitions, so that tests can compare the warehouse
 * against it.
 */
public final class EoirSampleGenerator {

	/** Label of the release the generator writes unless told otherwise. */
	public static final String DEFAULT_LABEL = "EOIR Case Data 2026-0401";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

	private static final Set<String> MPP_LOCATIONS = Set.of("SYP", "OPP", "CIX", "ENP", "MPL", "MPB", "TUM");

	private static final List<String> CASE_COLUMNS = List.of("IDNCASE", "ALIEN_CITY", "ALIEN_STATE", "ALIEN_ZIPCODE",
			"UPDATED_ZIPCODE", "UPDATED_CITY", "NAT", "LANG", "CUSTODY", "SITE_TYPE", "E_28_DATE", "ATTY_NBR",
			"CASE_TYPE", "UPDATE_SITE", "LATEST_HEARING", "LATEST_TIME", "LATEST_CAL_TYPE", "UP_BOND_DATE",
			"UP_BOND_RSN", "CORRECTIONAL_FAC", "RELEASE_MONTH", "RELEASE_YEAR", "INMATE_HOUSING", "DATE_OF_ENTRY",
			"C_ASY_TYPE", "C_BIRTHDATE", "C_RELEASE_DATE", "UPDATED_STATE", "ADDRESS_CHANGEDON", "ZBOND_MRG_FLAG",
			"Sex", "DATE_DETAINED", "DATE_RELEASED", "LPR", "DETENTION_DATE", "DETENTION_LOCATION", "DCO_LOCATION",
			"DETENTION_FACILITY_TYPE", "CASEPRIORITY_CODE");

	private static final List<String> PROCEEDING_COLUMNS = List.of("IDNPROCEEDING", "IDNCASE", "OSC_DATE", "INPUT_DATE",
			"BASE_CITY_CODE", "HEARING_LOC_CODE", "IJ_CODE", "TRANS_IN_DATE", "PREV_HEARING_LOC", "PREV_HEARING_BASE",
			"PREV_IJ_CODE", "TRANS_NBR", "HEARING_DATE", "HEARING_TIME", "DEC_TYPE", "DEC_CODE", "DEPORTED_1",
			"DEPORTED_2", "OTHER_COMP", "APPEAL_RSVD", "APPEAL_NOT_FILED", "COMP_DATE", "ABSENTIA", "VENUE_CHG_GRANTED",
			"TRANSFER_TO", "DATE_APPEAL_DUE_STATUS", "TRANSFER_STATUS", "CUSTODY", "CASE_TYPE", "NAT", "LANG",
			"SCHEDULED_HEAR_LOC", "CORRECTIONAL_FAC", "CRIM_IND", "IHP", "AGGRAVATE_FELON", "DATE_DETAINED",
			"DATE_RELEASED");

	private static final List<String> IDENTIFIER_COLUMNS = List.of("IDNCASEID", "IDNCASE", "CASE_ID");

	private static final List<String> REPS_COLUMNS = List.of("IDNREPSASSIGNED", "IDNCASE", "STRATTYLEVEL",
			"STRATTYTYPE", "PARENT_TABLE", "PARENT_IDN", "BASE_CITY_CODE", "INS_TA_DATE_ASSIGNED", "E_27_DATE",
			"E_28_DATE", "BLNPRIMEATTY");

	private static final List<String> SCHEDULE_COLUMNS = List.of("IDNSCHEDULE", "IDNPROCEEDING", "IDNCASE", "OSC_DATE",
			"GENERATION", "SUB_GENERATION", "REC_TYPE", "LANG", "HEARING_LOC_CODE", "BASE_CITY_CODE", "IJ_CODE",
			"INTERPRETER_CODE", "INPUT_DATE", "INPUT_TIME", "UPDATE_DATE", "UPDATE_TIME", "ASSIGNMENT_PATH", "CAL_TYPE",
			"ADJ_DATE", "ADJ_TIME_START", "ADJ_TIME_STOP", "ADJ_RSN", "ADJ_MEDIUM", "ADJ_MSG", "ADJ_ELAP_DAYS",
			"LNGSESSNID", "SCHEDULE_TYPE", "NOTICE_CODE", "BLNCLOCKOVERRIDE", "EOIRAttorneyID");

	private static final List<String> APPLICATION_COLUMNS = List.of("IDNPROCEEDINGAPPLN", "IDNPROCEEDING", "IDNCASE",
			"APPL_CODE", "APPL_RECD_DATE", "APPL_DEC");

	private static final List<String> CHARGE_COLUMNS = List.of("IDNPRCDCHG", "IDNCASE", "IDNPROCEEDING", "CHARGE",
			"CHG_STATUS");

	private static final List<String> CUSTODY_HISTORY_COLUMNS = List.of("IDNCUSTODY", "IDNCASE", "CUSTODY",
			"DATDETAINED", "DATRELEASED");

	/**
	 * Application codes (case-sensitive) and descriptions; WCAT is left out of the first
	 * release's lookup, so that it is inferred first and upgraded when a later release
	 * supplies it.
	 */
	private static final String[][] APPLICATION_TYPES = { { "ASYL", "ASYLUM" }, { "ASYW", "ASYLUM WITHHOLDING" },
			{ "WCAT", "WITHHOLDING-CONVENTION AGAINST TORTURE" }, { "42B", "EOIR42B" },
			{ "212c", "212C; WAIVER IN RMV PROCEED. PERMITTED BY CASE LAW" }, { "212L", "WAIVER OF 212(a)(7)(B)(i)" } };

	/** The application code that only later releases' lookups carry. */
	static final String LATE_APPLICATION_CODE = "WCAT";

	private static final String[][] APPLICATION_DECISIONS = { { "A", "ABANDONMENT" }, { "C", "CONDITIONAL GRANT" },
			{ "D", "DENY" }, { "F", "FULL GRANT" }, { "G", "GRANT" }, { "L", "GRANT WCAT" }, { "O", "OTHER" },
			{ "R", "RESERVED" }, { "W", "WITHDRAWN" } };

	private static final String[][] ADJOURNMENT_CODES = { { "01", "ALIEN TO SEEK REPRESENTATION" },
			{ "02", "PREPARATION--ALIEN/ATTORNEY/REPRESENTATIVE" }, { "17", "MC TO IC - MERITS HEARING" },
			{ "8A", "IJ COMPLETION" }, { "PD", "PROSECUTORIAL DISCRETION" } };

	/**
	 * Charges: INA cite (with the internal spaces of the real codes), whether
	 * tbllookupCharges lists it (Y/N), and weight.
	 */
	private static final String[][] CHARGES = { { "212a6Ai", "Y", "50" }, { "212a7AiI", "Y", "20" },
			{ "237a1B", "Y", "15" }, { "237a2Aiii", "N", "5" }, { "212a07Ai  I", "Y", "10" } };

	private static final String[][] CHARGE_STATUSES = { { "S", "74" }, { "O", "21" }, { "N", "3" }, { "W", "2" } };

	/**
	 * EOIR nationality codes (not ISO), names and weights; the literal NA is Netherlands
	 * Antilles.
	 */
	private static final String[][] NATIONALITIES = { { "MX", "MEXICO", "30" }, { "GT", "GUATEMALA", "16" },
			{ "HO", "HONDURAS", "15" }, { "ES", "EL SALVADOR", "10" }, { "CU", "CUBA", "6" },
			{ "VE", "VENEZUELA", "6" }, { "NU", "NICARAGUA", "4" }, { "EC", "ECUADOR", "4" }, { "CO", "COLOMBIA", "3" },
			{ "HA", "HAITI", "3" }, { "BR", "BRAZIL", "2" }, { "PE", "PERU", "1" }, { "CH", "CHINA", "2" },
			{ "IN", "INDIA", "2" }, { "RU", "RUSSIA", "1" }, { "IV", "C\u00d4TE D'IVOIRE", "1" },
			{ "NA", "NETHERLANDS ANTILLES", "1" } };

	private static final Map<String, String> LANGUAGE_OF = Map.ofEntries(Map.entry("MX", "SP"), Map.entry("GT", "QUI"),
			Map.entry("HO", "SP"), Map.entry("ES", "SP"), Map.entry("CU", "SP"), Map.entry("VE", "SP"),
			Map.entry("NU", "SP"), Map.entry("EC", "SP"), Map.entry("CO", "SP"), Map.entry("HA", "CRE"),
			Map.entry("BR", "POR"), Map.entry("PE", "SP"), Map.entry("CH", "MAN"), Map.entry("IN", "HIN"),
			Map.entry("RU", "RUS"), Map.entry("IV", "FRE"), Map.entry("NA", "ENG"));

	private static final String[][] LANGUAGES = { { "SP", "SPANISH" }, { "ENG", "ENGLISH" }, { "POR", "PORTUGUESE" },
			{ "QUI", "QUICHE" }, { "MAM", "MAM" }, { "CRE", "CREOLE" }, { "MAN", "MANDARIN" }, { "HIN", "HINDI" },
			{ "RUS", "RUSSIAN" }, { "FRE", "FRENCH" } };

	/** Courts: base city code, name, city, state. */
	private static final String[][] COURTS = { { "SND", "SAN DIEGO, CALIFORNIA", "SAN DIEGO", "CA" },
			{ "OTM", "OTAY MESA, CALIFORNIA", "SAN DIEGO", "CA" }, { "IMP", "IMPERIAL, CALIFORNIA", "IMPERIAL", "CA" },
			{ "ELP", "EL PASO, TEXAS", "EL PASO", "TX" }, { "HLG", "HARLINGEN, TEXAS", "HARLINGEN", "TX" },
			{ "LRO", "LAREDO, TEXAS", "LAREDO", "TX" }, { "SNA", "SAN ANTONIO, TEXAS", "SAN ANTONIO", "TX" },
			{ "HOU", "HOUSTON, TEXAS", "HOUSTON", "TX" }, { "NYC", "NEW YORK CITY, NEW YORK", "NEW YORK", "NY" },
			{ "MIA", "MIAMI, FLORIDA", "MIAMI", "FL" }, { "CHI", "CHICAGO, ILLINOIS", "CHICAGO", "IL" },
			{ "LOS", "LOS ANGELES, CALIFORNIA", "LOS ANGELES", "CA" } };

	/**
	 * MPP port-court hearing locations and the court each belongs to; MPP itself is a
	 * test code.
	 */
	private static final String[][] MPP_HEARING_LOCATIONS = { { "SYP", "MPP COURT SAN YSIDRO PORT", "SND" },
			{ "OPP", "MPP COURT OTAY MESA SAN DIEGO", "OTM" }, { "CIX", "MPP COURT CALEXICO PORT", "IMP" },
			{ "ENP", "MPP COURT EL PASO", "ELP" }, { "MPL", "MPP LAREDO, TEXAS \u2013 PORT OF ENTRY", "LRO" },
			{ "MPB", "MPP BROWNSVILLE GATEWAY INTERNATIONAL BRIDGE", "HLG" }, { "TUM", "MPP- TUM", "SND" },
			{ "MPP", "TEST HEARING LOC \u2013 ECAS MPP", "SND" } };

	private static final String[][] CASE_TYPES = { { "RMV", "Removal", "86" }, { "DEP", "Deportation", "6" },
			{ "EXC", "Exclusion", "3" }, { "CFR", "Credible Fear Review", "3" }, { "WHO", "Withholding Only", "1" },
			{ "AOC", "Asylum Only Case", "1" } };

	private static final String[][] CUSTODY = { { "N", "Never Detained", "60" }, { "D", "Detained", "25" },
			{ "R", "Released", "15" } };

	/** Decisions: case type, code, kind (C = DEC_CODE, O = OTHER_COMP), description. */
	private static final String[][] DECISIONS = { { "RMV", "X", "C", "Remove" }, { "RMV", "R", "C", "Relief Granted" },
			{ "RMV", "V", "C", "Voluntary Departure" }, { "RMV", "T", "C", "Terminated" },
			{ "RMV", "I", "C", "Prosecutorial Discretion \u2013 Terminated" },
			{ "RMV", "E", "C", "Grant-INA Withholding" }, { "RMV", "Z", "C", "Grant-CAT Withholding" },
			{ "RMV", "U", "C", "Dismissed by IJ" }, { "RMV", "O", "C", "Other" },
			{ "RMV", "C", "O", "Change of Venue" }, { "RMV", "T", "O", "Transfer" },
			{ "RMV", "A", "O", "Administrative Closing \u2013 Other" },
			{ "RMV", "Y", "O", "Prosecutorial Discretion \u2013 Admin Close" },
			{ "RMV", "K", "O", "Administrative Closure" }, { "DEP", "D", "C", "Deport" },
			{ "DEP", "V", "C", "Voluntary Departure" }, { "DEP", "T", "C", "Terminate" },
			{ "DEP", "C", "O", "Change of Venue" }, { "EXC", "E", "C", "Exclude" }, { "EXC", "A", "C", "Admit" },
			{ "EXC", "C", "O", "Change of Venue" }, { "CFR", "A", "C", "Affirmed \u2013 no credible fear" },
			{ "CFR", "V", "C", "Vacate \u2013 credible fear" }, { "WHO", "G", "C", "Granted" },
			{ "WHO", "D", "C", "Denied" }, { "AOC", "G", "C", "Granted" }, { "AOC", "D", "C", "Denied" } };

	/**
	 * Merits decisions of removal cases and their weights; the rest are other
	 * completions.
	 */
	private static final String[][] RMV_OUTCOMES = { { "X", "C", "50" }, { "V", "C", "5" }, { "R", "C", "8" },
			{ "T", "C", "6" }, { "I", "C", "2" }, { "E", "C", "2" }, { "Z", "C", "1" }, { "U", "C", "3" },
			{ "O", "C", "1" }, { "A", "O", "6" }, { "Y", "O", "5" }, { "K", "O", "4" }, { "T", "O", "2" } };

	private static final String[][] IDENTIFIER_TYPES = { { "MP", "MIGRANT PROTECTION PROTOCOL" },
			{ "RM", "Remain in Mexico" }, { "UJ", "Unaccompanied Juvenile" }, { "FA", "Family Units" },
			{ "DD", "Dedicated Docket" }, { "NA", "NACARA" }, { "AO", "Asylum Office Rule" } };

	/** A judge code used in proceedings but absent from tblLookupJudge. */
	static final String UNKNOWN_JUDGE = "ZZQ";

	/** An IDNCASE used by one proceeding and absent from A_TblCase. */
	static final long ORPHAN_CASE_ID = 4_999_999L;

	/**
	 * The IDNCASE of the case whose line a tab in ALIEN_CITY shifts (as line 111549 of
	 * the 2026-04 A_TblCase file): the load repairs it.
	 */
	static final long SHIFTED_CASE_ID = 4_999_998L;

	/** The IDNPROCEEDING of a proceeding whose line is cut short: the load pads it. */
	static final long CUT_PROCEEDING_ID = 9_999_991L;

	/** The IDNPROCEEDING of that proceeding. */
	static final long ORPHAN_PROCEEDING_ID = 7_999_998L;

	/** Proceedings between two reports of a streamed release's progress. */
	private static final long PROGRESS_EVERY = 250_000;

	/** Months between the as-of dates of a release and the next one. */
	private static final int MONTHS_BETWEEN_RELEASES = 1;

	private final Random random;

	private final long seed;

	/**
	 * Whether a proceeding's decision is drawn whether or not it is complete by the
	 * release's date (and dropped when it is not), as streamed releases do: a release a
	 * month later, which sees more proceedings complete, then draws the same numbers
	 * after each, so that its cases keep their rows and keys.
	 */
	private boolean stableDraws;

	private final int caseCount;

	private final List<String> judges = new ArrayList<>();

	private final Map<String, List<String>> judgesByCourt = new HashMap<>();

	private EoirSampleGenerator(int caseCount, long seed) {
		this.caseCount = caseCount;
		this.random = new Random(seed);
		this.seed = seed;
	}

	/**
	 * Writes a release into an inbox.
	 * @param inbox the folder the release folder goes in
	 * @param label the release label, also the folder name
	 * @param cases how many cases to write (at least 20)
	 * @param seed the random seed: the same seed writes the same bytes
	 * @return the release and the counts a correct load produces
	 */
	public static SampleRelease generate(Path inbox, String label, int cases, long seed) {
		return generateSeries(inbox, List.of(label), cases, seed).get(0);
	}

	/**
	 * Writes a series of monthly releases into an inbox: the first as
	 * {@link #generate(Path, String, int, long)} writes it, each next one a month later
	 * with what a month changes in the real data: some pending proceedings completed,
	 * some applications withheld, new cases, one judge moved to another court, and the
	 * lookup codes the first release lacked (the application code
	 * {@value #LATE_APPLICATION_CODE} and the judge {@value #UNKNOWN_JUDGE}).
	 * @param inbox the folder the release folders go in
	 * @param labels the release labels, oldest first, also the folder names
	 * @param cases how many cases the first release holds (at least 20)
	 * @param seed the random seed: the same seed writes the same bytes
	 * @return the releases with the counts a correct load of each (after the ones before
	 * it) produces
	 */
	public static List<SampleRelease> generateSeries(Path inbox, List<String> labels, int cases, long seed) {
		if (cases < 20) {
			throw new IllegalArgumentException("A sample release needs at least 20 cases, not " + cases);
		}
		try {
			EoirSampleGenerator generator = new EoirSampleGenerator(cases, seed);
			generator.makeJudges();
			Model model = generator.buildModel();
			List<SampleRelease> releases = new ArrayList<>();
			for (int i = 0; i < labels.size(); i++) {
				if (i > 0) {
					generator.nextMonth(model);
				}
				releases.add(generator.write(inbox.resolve(labels.get(i)), labels.get(i), model));
			}
			return releases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the sample release into " + inbox, ex);
		}
	}

	/**
	 * Writes a release of at least the given number of proceedings as it makes it, a case
	 * at a time, so that memory holds one case whatever the size (a model of two million
	 * proceedings does not fit in a 512 MB heap): the proportions of cases, hearings,
	 * applications, charges and representation are those of
	 * {@link #generate(Path, String, int, long)}, without its planted quirks and without
	 * expected counts. With {@code next} it writes the release a month later instead: the
	 * same cases from the same seed, of which one in 200 is gone with all its rows, one
	 * row in 100 of each table changed (a date the warehouse keeps moved by a day, a
	 * charge status swapped), and new cases holding 1% more proceedings.
	 * @param inbox the folder the release folder goes in
	 * @param label the release label, also the folder name
	 * @param proceedings how many proceedings the first release holds, at least 20
	 * @param seed the random seed: the same seed writes the same bytes
	 * @param next whether to write the next month's release of the same cases
	 * @return the release and the rows written to each table
	 */
	public static StreamedRelease writeStreamed(Path inbox, String label, long proceedings, long seed, boolean next) {
		return writeStreamed(inbox, label, proceedings, seed, next, (made) -> {
		});
	}

	/**
	 * Writes a release as {@link #writeStreamed(Path, String, long, long, boolean)} does,
	 * telling the proceedings made so far every {@value #PROGRESS_EVERY}.
	 * @param inbox the folder the release folder goes in
	 * @param label the release label, also the folder name
	 * @param proceedings how many proceedings the first release holds, at least 20
	 * @param seed the random seed: the same seed writes the same bytes
	 * @param next whether to write the next month's release of the same cases
	 * @param progress told the proceedings made so far
	 * @return the release and the rows written to each table
	 */
	public static StreamedRelease writeStreamed(Path inbox, String label, long proceedings, long seed, boolean next,
			LongConsumer progress) {
		if (proceedings < 20) {
			throw new IllegalArgumentException("A sample release needs at least 20 proceedings, not " + proceedings);
		}
		try {
			EoirSampleGenerator generator = new EoirSampleGenerator(0, seed);
			generator.stableDraws = true;
			generator.makeJudges();
			// Changes draw from a random of their own, so that both releases make the
			// same cases.
			return generator.stream(inbox.resolve(label), label, proceedings, next, new Random(seed * 31 + 7),
					progress);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the sample release into " + inbox, ex);
		}
	}

	private StreamedRelease stream(Path folder, String label, long proceedings, boolean next, Random change,
			LongConsumer progress) throws IOException {
		Path data = folder.resolve("EOIR Case Data");
		Path lookup = folder.resolve("Lookup");
		Files.createDirectories(data);
		Files.createDirectories(lookup);
		Model model = new Model();
		if (next) {
			model.month = 1;
			model.asOf = AS_OF.plusMonths(MONTHS_BETWEEN_RELEASES);
		}
		Map<String, Integer> lookupCounts = new LinkedHashMap<>();
		writeLookups(lookup, lookupCounts, model);
		Map<String, Long> rows = new LinkedHashMap<>();
		try (TableOut cases = new TableOut(data, "A_TblCase", CASE_COLUMNS, "DATE_OF_ENTRY");
				TableOut identifiers = new TableOut(data, "A_TblCaseIdentifier", IDENTIFIER_COLUMNS, null);
				TableOut proceedingsOut = new TableOut(data, "B_TblProceeding", PROCEEDING_COLUMNS, "INPUT_DATE");
				TableOut reps = new TableOut(data, "tbl_RepsAssigned", REPS_COLUMNS, "E_28_DATE");
				TableOut schedule = new TableOut(data, "tbl_schedule", SCHEDULE_COLUMNS, "ADJ_DATE");
				TableOut applications = new TableOut(data, "tbl_Court_Appln", APPLICATION_COLUMNS, "APPL_RECD_DATE");
				TableOut charges = new TableOut(data, "B_TblProceedCharges", CHARGE_COLUMNS, "CHG_STATUS");
				TableOut custody = new TableOut(data, "tbl_CustodyHistory", CUSTODY_HISTORY_COLUMNS, "DATDETAINED")) {
			List<TableOut> tables = List.of(cases, identifiers, proceedingsOut, reps, schedule, applications, charges,
					custody);
			Random changes = next ? change : null;
			long made = 0;
			while (made < proceedings) {
				addCase(model, LocalDate.of(2019, 1, 1).plusDays(this.random.nextInt(365 * 6)));
				long before = made;
				made += model.proceedings.size();
				if (made / PROGRESS_EVERY > before / PROGRESS_EVERY) {
					progress.accept(made);
				}
				boolean gone = next && change.nextInt(200) == 0;
				// A case that is gone is still made, so that the cases after it stay the
				// same.
				flush(model, tables, !gone, changes);
			}
			long added = 0;
			while (next && added < proceedings / 100) {
				addCase(model, AS_OF.minusDays(this.random.nextInt(60)));
				added += model.proceedings.size();
				flush(model, tables, true, null);
			}
			for (TableOut table : tables) {
				rows.put(table.name, table.rows);
			}
		}
		try (Writer out = Files.newBufferedWriter(folder.resolve("Count.txt"), WINDOWS_1252)) {
			for (Map.Entry<String, Integer> count : lookupCounts.entrySet()) {
				out.write(count.getKey() + "\t" + count.getValue() + "\r\n");
			}
			for (Map.Entry<String, Long> count : rows.entrySet()) {
				out.write(count.getKey() + "\t" + count.getValue() + "\r\n");
			}
		}
		return new StreamedRelease(folder, label, rows);
	}

	/**
	 * Writes the rows of the case just made, changing some when given {@code changes},
	 * and lets them go; not to {@code write} still draws the case table's random values.
	 */
	private void flush(Model model, List<TableOut> tables, boolean write, Random changes) throws IOException {
		List<List<String>> caseRows = new ArrayList<>();
		for (SampleCase c : model.cases) {
			caseRows.add(caseRow(c));
		}
		if (write) {
			tables.get(0).write(caseRows, changes);
			tables.get(1).write(model.identifiers.stream().map(EoirSampleGenerator::identifierRow).toList(), changes);
			tables.get(2).write(model.proceedings.stream().map(EoirSampleGenerator::proceedingRow).toList(), changes);
			tables.get(3).write(model.reps.stream().map(EoirSampleGenerator::repRow).toList(), changes);
			tables.get(4).write(model.hearings.stream().map(EoirSampleGenerator::scheduleRow).toList(), changes);
			tables.get(5).write(model.applications.stream().map(EoirSampleGenerator::applicationRow).toList(), changes);
			tables.get(6).write(model.charges.stream().map(EoirSampleGenerator::chargeRow).toList(), changes);
			tables.get(7).write(model.custodyPeriods.stream().map(EoirSampleGenerator::custodyRow).toList(), changes);
		}
		model.cases.clear();
		model.identifiers.clear();
		model.proceedings.clear();
		model.reps.clear();
		model.hearings.clear();
		model.applications.clear();
		model.charges.clear();
		model.custodyPeriods.clear();
	}

	private SampleRelease write(Path folder, String label, Model model) throws IOException {
		Path data = folder.resolve("EOIR Case Data");
		Path lookup = folder.resolve("Lookup");
		Files.createDirectories(data);
		Files.createDirectories(lookup);
		Map<String, Integer> counts = new LinkedHashMap<>();
		writeLookups(lookup, counts, model);

		List<SampleRelease.ExpectedReject> rejects = new ArrayList<>();
		List<SampleRelease.ExpectedRepair> repairs = new ArrayList<>();
		counts.put("A_TblCase", writeCases(data.resolve("A_TblCase.csv"), model, repairs));
		counts.put("A_TblCaseIdentifier", writeIdentifiers(data.resolve("A_TblCaseIdentifier.csv"), model, rejects));
		counts.put("B_TblProceeding", writeProceedings(data.resolve("B_TblProceeding.csv"), model, rejects, repairs));
		counts.put("tbl_RepsAssigned", writeReps(data.resolve("tbl_RepsAssigned.csv"), model));
		counts.put("tbl_schedule", writeSchedule(data.resolve("tbl_schedule.csv"), model, rejects));
		counts.put("tbl_Court_Appln", writeApplications(data.resolve("tbl_Court_Appln.csv"), model));
		counts.put("B_TblProceedCharges", writeCharges(data.resolve("B_TblProceedCharges.csv"), model));
		counts.put("tbl_CustodyHistory", writeCustodyHistory(data.resolve("tbl_CustodyHistory.csv"), model));
		try (Writer out = Files.newBufferedWriter(folder.resolve("Count.txt"), WINDOWS_1252)) {
			for (Map.Entry<String, Integer> count : counts.entrySet()) {
				out.write(count.getKey() + "\t" + count.getValue() + "\r\n");
			}
		}
		return new SampleRelease(folder, label, model.expected(), rejects, repairs);
	}

	// code lists

	private void makeJudges() {
		Set<String> codes = new HashSet<>();
		for (String[] court : COURTS) {
			List<String> pool = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String code;
				do {
					code = "" + letter() + letter() + letter();
				}
				while (!codes.add(code) || code.equals(UNKNOWN_JUDGE));
				pool.add(code);
				this.judges.add(code);
			}
			this.judgesByCourt.put(court[0], pool);
		}
	}

	private char letter() {
		return (char) ('A' + this.random.nextInt(26));
	}

	private void writeLookups(Path lookup, Map<String, Integer> counts, Model model) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < NATIONALITIES.length; i++) {
			String description = NATIONALITIES[i][1];
			if (NATIONALITIES[i][0].equals("VE")) {
				description = "VENEZ\0UELA";
			}
			rows.add(List.of(String.valueOf(i + 1), NATIONALITIES[i][0], pad(description, 40), "", "1",
					"2003-01-01 00:00:00.000", "2019-05-02 10:43:03.530"));
		}
		counts.put("tblLookupAlienNat", writeTable(lookup.resolve("tblLookupAlienNat.csv"),
				List.of("idnNat", "strCode", "strDescription", "Nacara", "blnActive", "datCreatedOn", "datModifiedOn"),
				rows));

		rows = new ArrayList<>();
		for (int i = 0; i < LANGUAGES.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), LANGUAGES[i][0], LANGUAGES[i][1], "2003-01-01 00:00:00.000", "",
					"1"));
		}
		counts.put("tblLanguage", writeTable(lookup.resolve("tblLanguage.csv"),
				List.of("idnLang", "strCode", "strDescription", "datCreatedOn", "datModifiedOn", "blnActive"), rows));

		rows = new ArrayList<>();
		for (int i = 0; i < COURTS.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), COURTS[i][0], pad(COURTS[i][1], 50), "1",
					pad("100 MAIN STREET", 40), pad(COURTS[i][2], 15), COURTS[i][3], "00000", "", "", "1"));
		}
		counts.put("tblLookupBaseCity",
				writeTable(lookup.resolve("tblLookupBaseCity.csv"),
						List.of("idnBaseCity", "BASE_CITY_CODE", "BASE_CITY_NAME", "BaseAutomated", "BASE_ST_ADDRESS",
								"BASE_CITY", "BASE_STATE", "BASE_ZIP_1", "BASE_ZIP_2", "BASE_PHONE_NO", "strRegion"),
						rows));

		rows = new ArrayList<>();
		int id = 1;
		for (String[] court : COURTS) {
			rows.add(hearingLocation(id++, court[0], court[1] + " IMMIGRATION COURT", court[2], court[3], court[0]));
		}
		for (String[] mpp : MPP_HEARING_LOCATIONS) {
			rows.add(hearingLocation(id++, mpp[0], mpp[1], "", "", mpp[2]));
		}
		rows.add(hearingLocation(id++, "PDN", "PASO DEL NORTE", "EL PASO", "TX", "ELP"));
		// tblLookupHloc's key is not unique in the real release: the later row wins.
		rows.add(hearingLocation(id++, "NYC", "NEW YORK CITY BROADWAY", "NEW YORK", "NY", "NYC"));
		counts.put("tblLookupHloc",
				writeTable(lookup.resolve("tblLookupHloc.csv"),
						List.of("idnHloc", "HEARING_LOC_CODE", "HEARING_LOC_NAME", "HEARING_CORR_TITLE",
								"HEARING_ST_ADDRESS", "HEARING_CITY", "HEARING_STATE", "HEARING_ZIP",
								"HEARING_PHONE_NO", "HEARING_BASE_CITY", "blnActive"),
						rows));

		rows = new ArrayList<>();
		for (int i = 0; i < this.judges.size(); i++) {
			rows.add(List.of(String.valueOf(i + 1), this.judges.get(i), pad("JUDGE " + this.judges.get(i), 30), "", "",
					"", "2003-01-01 00:00:00.000", "", "1"));
		}
		if (model.month > 0) {
			// The judge the first release's lookup lacked.
			rows.add(List.of(String.valueOf(this.judges.size() + 1), UNKNOWN_JUDGE, pad("JUDGE " + UNKNOWN_JUDGE, 30),
					"", "", "", "2026-04-01 00:00:00.000", "", "1"));
		}
		counts.put("tblLookupJudge",
				writeTable(lookup.resolve("tblLookupJudge.csv"), List.of("idnJudge", "JUDGE_CODE", "JUDGE_NAME",
						"JUDGE_ST_ADDRESS", "JUDGE_CITY", "JUDGE_STATE", "datCreatedOn", "datModifiedOn", "blnActive"),
						rows));

		rows = new ArrayList<>();
		for (int i = 0; i < CASE_TYPES.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), CASE_TYPES[i][0], CASE_TYPES[i][1], "1", "", "", ""));
		}
		counts.put("tblLookupCaseType", writeTable(lookup.resolve("tblLookupCaseType.csv"), List.of("idnCaseType",
				"strCode", "strDescription", "blnActive", "datCreatedOn", "datModifiedOn", "strAnsirCode"), rows));

		rows = new ArrayList<>();
		for (int i = 0; i < CUSTODY.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), CUSTODY[i][0], CUSTODY[i][1], CUSTODY[i][1], "1", "", ""));
		}
		counts.put("tblLookupCustodyStatus",
				writeTable(
						lookup.resolve("tblLookupCustodyStatus.csv"), List.of("idnCustodyStatus", "strCode",
								"strSelecBoxVal", "strDescription", "blnActive", "datCreatedOn", "datModifiedOn"),
						rows));

		rows = new ArrayList<>();
		for (int i = 0; i < DECISIONS.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), DECISIONS[i][0], DECISIONS[i][1], DECISIONS[i][3], DECISIONS[i][2],
					"", "1", "", ""));
		}
		counts.put("tblLookupCourtDecision",
				writeTable(lookup.resolve("tblLookupCourtDecision.csv"),
						List.of("idnCourtDecision", "strCaseType", "strDecCode", "strDecDescription", "strDecType",
								"strFinalDisposition", "blnActive", "datCreatedOn", "datModifiedOn"),
						rows));

		rows = new ArrayList<>();
		for (int i = 0; i < IDENTIFIER_TYPES.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), IDENTIFIER_TYPES[i][0], IDENTIFIER_TYPES[i][1], "", "", "1"));
		}
		counts.put("tblLookUpCaseIdentifier", writeTable(lookup.resolve("tblLookUpCaseIdentifier.csv"),
				List.of("idnCaseIdentifier", "strcode", "strDescription", "datCreatedOn", "datModifiedOn", "blnActive"),
				rows));

		rows = new ArrayList<>();
		for (int i = 0; i < APPLICATION_TYPES.length; i++) {
			if (model.month == 0 && APPLICATION_TYPES[i][0].equals(LATE_APPLICATION_CODE)) {
				continue;
			}
			rows.add(List.of(String.valueOf(i + 1), APPLICATION_TYPES[i][0], APPLICATION_TYPES[i][1], "RMV, EXC, DEP",
					"", "", "1"));
		}
		counts.put("tblLookUp_Appln", writeTable(lookup.resolve("tblLookUp_Appln.csv"), List.of("idnAppln", "strcode",
				"strdescription", "strAllowedCaseTypes", "datCreatedOn", "datModifiedOn", "blnActive"), rows));

		rows = new ArrayList<>();
		for (int i = 0; i < APPLICATION_DECISIONS.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), APPLICATION_DECISIONS[i][0], APPLICATION_DECISIONS[i][1], "1", "",
					"", ""));
		}
		counts.put("tblLookupCourtAppDecisions",
				writeTable(lookup.resolve("tblLookupCourtAppDecisions.csv"),
						List.of("idnCourtApplnDec", "strCourtApplnDecCode", "strCourtApplnDecDesc", "blnActive",
								"datCreatedOn", "datModifiedOn", "Comments"),
						rows));

		rows = new ArrayList<>();
		for (int i = 0; i < ADJOURNMENT_CODES.length; i++) {
			rows.add(List.of(String.valueOf(i + 1), ADJOURNMENT_CODES[i][0], pad(ADJOURNMENT_CODES[i][1], 50), "", "",
					"", "1", ""));
		}
		// The real header misspells the description column.
		counts
			.put("tblAdjournmentcodes",
					writeTable(lookup.resolve("tblAdjournmentcodes.csv"), List.of("idnAdjCode", "strcode",
							"strDesciption", "Regd_By", "datCreatedOn", "datModifiedOn", "blnActive", "asy_clk_stat"),
							rows));

		rows = new ArrayList<>();
		for (int i = 0; i < CHARGES.length; i++) {
			if (CHARGES[i][1].equals("Y")) {
				rows.add(List.of(String.valueOf(i + 1), CHARGES[i][0], CHARGES[i][0],
						"Charge under INA " + CHARGES[i][0].strip(), "RMV", "", "",
						CHARGES[i][0].startsWith("237") ? "Y" : "N", "N", "", "", "1"));
			}
		}
		counts.put("tbllookupCharges",
				writeTable(lookup.resolve("tbllookupCharges.csv"),
						List.of("idnCharges", "strCode", "strCodeString", "strCodeDescription", "applicable_case_type1",
								"applicable_case_type2", "applicable_case_type3", "criminal_flag", "aggravate_felon",
								"DatCreatedOn", "DatModifiedOn", "blnActive"),
						rows));

		// A lookup the load does not read: listed as skipped.
		counts.put("tblLookupSex",
				writeTable(lookup.resolve("tblLookupSex.csv"), List.of("idnSex", "strCode", "strDescription"),
						List.of(List.of("1", "M", "Male"), List.of("2", "F", "Female"))));
	}

	private static List<String> hearingLocation(int id, String code, String name, String city, String state,
			String baseCity) {
		return List.of(String.valueOf(id), code, pad(name, 50), "", "", city, state, "", "", baseCity, "1");
	}

	// the model: cases and everything recorded on them

	private Model buildModel() {
		Model model = new Model();
		for (int i = 0; i < this.caseCount; i++) {
			addCase(model, LocalDate.of(2019, 1, 1).plusDays(this.random.nextInt(365 * 6)));
		}
		addOrphanProceeding(model);
		markQuirks(model);
		return model;
	}

	private void addCase(Model model, LocalDate start) {
		SampleCase c = new SampleCase();
		c.id = 5_000_000L + model.casesAdded++ * 7L;
		String[] nationality = weighted(NATIONALITIES);
		c.nat = nationality[0];
		c.lang = LANGUAGE_OF.get(c.nat);
		c.custody = weighted(CUSTODY)[0];
		c.caseType = weighted(CASE_TYPES)[0];
		String[] court = COURTS[this.random.nextInt(COURTS.length)];
		c.court = court[0];
		c.start = start;
		boolean mppEligible = c.caseType.equals("RMV") && !c.nat.equals("MX") && this.random.nextInt(100) < 14;
		if (mppEligible) {
			int kind = this.random.nextInt(3);
			c.mppIdentifier = kind != 1;
			c.mppLocationPlanned = kind != 0;
		}
		model.cases.add(c);

		if (c.mppIdentifier) {
			model.identifiers
				.add(new Identifier(model.nextIdentifier++, c.id, this.random.nextBoolean() ? "MP" : "RM"));
		}
		else if (this.random.nextInt(100) < 8) {
			String other = new String[] { "UJ", "FA", "DD", "NA", "AO" }[this.random.nextInt(5)];
			model.identifiers.add(new Identifier(model.nextIdentifier++, c.id, other));
		}

		int proceedings = 1 + ((this.random.nextInt(100) < 25) ? 1 : 0) + ((this.random.nextInt(100) < 5) ? 1 : 0);
		LocalDate input = c.start;
		for (int k = 0; k < proceedings; k++) {
			Proceeding p = new Proceeding();
			p.id = model.nextProceeding;
			model.nextProceeding += 3;
			p.caseId = c.id;
			p.caseType = c.caseType;
			p.nat = c.nat;
			p.lang = c.lang;
			p.custody = c.custody;
			p.input = input;
			p.osc = input.minusDays(this.random.nextInt(30));
			if (k == 0 && c.mppLocationPlanned) {
				String[] mpp = MPP_HEARING_LOCATIONS[this.random.nextInt(MPP_HEARING_LOCATIONS.length - 1)];
				p.hearingLoc = mpp[0];
				p.court = mpp[2];
			}
			else {
				p.court = (k == 0) ? c.court : COURTS[this.random.nextInt(COURTS.length)][0];
				p.hearingLoc = p.court;
			}
			List<String> pool = this.judgesByCourt.get(p.court);
			p.judge = (this.random.nextInt(100) == 0) ? UNKNOWN_JUDGE : pool.get(this.random.nextInt(pool.size()));
			boolean last = k == proceedings - 1;
			LocalDate venueChange = last ? null : input.plusDays(60 + this.random.nextInt(200));
			if (venueChange != null && venueChange.isAfter(model.asOf) && !this.stableDraws) {
				// The change of venue would come after the release's date: the case is
				// still in this proceeding, pending. (The streamed releases keep drawing
				// as before, so that a release and the next one make the same cases.)
				last = true;
				proceedings = k + 1;
			}
			else if (venueChange != null) {
				// A change of venue ends this proceeding; the case goes on in the next
				// one.
				p.completion = venueChange.minusDays(1);
				p.otherComp = "C";
				p.absentia = "N";
				input = venueChange;
			}
			else if (this.random.nextInt(100) < 70) {
				LocalDate completion = input.plusDays(30 + this.random.nextInt(700));
				if (!completion.isAfter(model.asOf)) {
					p.completion = completion;
					decide(p, c);
				}
				else if (this.stableDraws) {
					p.decidedLater = new Proceeding();
					p.decidedLater.caseType = p.caseType;
					decide(p.decidedLater, c);
				}
			}
			c.proceedings.add(p);
			model.proceedings.add(p);
			addReps(model, c, p);
			addHearings(model, p);
			addCharges(model, p);
			if (last && p.caseType.equals("RMV")) {
				addApplications(model, p);
			}
		}
		if (this.random.nextInt(100) < 4) {
			// Representation recorded on the case: it covers every proceeding of the
			// case.
			model.reps.add(new Rep(model.nextRep++, c.id, "COURT", "ALIEN", "a_tblcase", c.id, c.start.plusDays(5)));
		}
		if (!c.custody.equals("N")) {
			LocalDate detained = c.start.minusDays(this.random.nextInt(20));
			LocalDate released = c.custody.equals("R") ? detained.plusDays(10 + this.random.nextInt(90)) : null;
			if (released != null && afterTheRelease(model, released)) {
				released = null;
			}
			model.custodyPeriods.add(new CustodyPeriod(model.nextCustody++, c.id, "D", detained, released));
		}
	}

	private void addHearings(Model model, Proceeding p) {
		int hearings = 1 + this.random.nextInt(3);
		for (int h = 0; h < hearings; h++) {
			Hearing hearing = new Hearing();
			hearing.id = model.nextSchedule++;
			hearing.proceeding = p;
			hearing.date = p.input.plusDays(30L + 60L * h + this.random.nextInt(20));
			hearing.location = (h == 0) ? p.hearingLoc : p.court;
			hearing.calType = (h == 0) ? "M" : "I";
			hearing.scheduleType = (h == 0) ? "MM" : "IA";
			hearing.adjournment = (h < hearings - 1) ? ADJOURNMENT_CODES[this.random.nextInt(3)][0]
					: ((p.completion != null) ? "8A" : "");
			hearing.medium = new String[] { "P", "P", "V", "T" }[this.random.nextInt(4)];
			model.hearings.add(hearing);
		}
	}

	private void addCharges(Model model, Proceeding p) {
		int charges = 1 + ((this.random.nextInt(100) < 30) ? 1 : 0);
		Set<String> used = new HashSet<>();
		for (int k = 0; k < charges; k++) {
			String charge = weighted(CHARGES)[0];
			if (used.add(charge)) {
				model.charges.add(new Charge(model.nextCharge, p.caseId, p.id, charge, weighted(CHARGE_STATUSES)[0]));
			}
			model.nextCharge += 2;
		}
	}

	private void addApplications(Model model, Proceeding p) {
		int draw = this.random.nextInt(100);
		if (draw < 45) {
			addApplication(model, application(model, p, "ASYL"));
			if (this.random.nextInt(100) < 30) {
				addApplication(model, application(model, p, LATE_APPLICATION_CODE));
			}
		}
		else if (draw < 50) {
			addApplication(model, application(model, p, "ASYW"));
		}
		else if (draw < 60) {
			addApplication(model, application(model, p, "42B"));
		}
		else if (draw < 63) {
			addApplication(model, application(model, p, (draw == 62) ? "212L" : "212c"));
		}
	}

	private void addApplication(Model model, Application application) {
		if (!afterTheRelease(model, application.received)) {
			model.applications.add(application);
		}
	}

	/**
	 * Whether an event of a case added in a later month of a series would come after the
	 * release's date: not in the release yet. (The first release, and the streamed ones,
	 * which draw alike whatever the dates, keep every event.)
	 */
	private boolean afterTheRelease(Model model, LocalDate date) {
		return model.month > 0 && !this.stableDraws && date.isAfter(model.asOf);
	}

	private Application application(Model model, Proceeding p, String code) {
		Application application = new Application();
		application.id = model.nextApplication;
		model.nextApplication += 2;
		application.proceeding = p;
		application.code = code;
		application.received = p.input.plusDays(20 + this.random.nextInt(180));
		application.decision = (p.completion != null) ? applicationDecision(p, code) : "";
		if (p.completion == null && p.decidedLater != null) {
			// Drawn and dropped, as the proceeding's decision was.
			applicationDecision(p.decidedLater, code);
		}
		return application;
	}

	/**
	 * The decision on an application, following the proceeding's: relief granted grants
	 * it, a removal order denies it (abandons it when in absentia), an administrative
	 * completion mostly withdraws it.
	 */
	private String applicationDecision(Proceeding p, String code) {
		if (p.decCode != null && "REZ".contains(p.decCode)) {
			return code.equals(LATE_APPLICATION_CODE) ? "L" : (this.random.nextInt(10) == 0 ? "C" : "G");
		}
		if ("X".equals(p.decCode)) {
			return "Y".equals(p.absentia) ? "A" : "D";
		}
		if ("V".equals(p.decCode)) {
			return "W";
		}
		if (p.otherComp != null) {
			return this.random.nextBoolean() ? "W" : "";
		}
		return "O";
	}

	/**
	 * A month later: a tenth of the pending removal proceedings completed with a removal
	 * order, every 25th application withheld, a twentieth more cases, one judge moved to
	 * another court, and the lookup rows the release before lacked.
	 */
	private void nextMonth(Model model) {
		model.month++;
		LocalDate previous = model.asOf;
		model.asOf = previous.plusMonths(MONTHS_BETWEEN_RELEASES);
		List<Proceeding> pending = model.proceedings.stream()
			.filter((p) -> p.completion == null && p.caseType.equals("RMV") && p.cutAfterFields == 0)
			.toList();
		// Grouped once: a scan of every application per proceeding is quadratic at a
		// million rows.
		Map<Proceeding, List<Application>> applicationsOf = new IdentityHashMap<>();
		for (Application application : model.applications) {
			applicationsOf.computeIfAbsent(application.proceeding, (key) -> new ArrayList<>()).add(application);
		}
		for (int i = 0; i < pending.size(); i += 10) {
			Proceeding p = pending.get(i);
			p.completion = previous.plusDays(15);
			p.decCode = "X";
			p.decType = "O";
			p.absentia = (i % 20 == 0) ? "Y" : "N";
			for (Application application : applicationsOf.getOrDefault(p, List.of())) {
				application.decision = applicationDecision(p, application.code);
			}
		}
		List<Application> kept = new ArrayList<>(model.applications.size());
		for (int i = 0; i < model.applications.size(); i++) {
			if (i % 25 != 0) {
				kept.add(model.applications.get(i));
			}
		}
		model.applications.clear();
		model.applications.addAll(kept);
		int added = Math.max(1, this.caseCount / 20);
		for (int i = 0; i < added; i++) {
			addCase(model, previous.minusDays(this.random.nextInt(60)));
		}
		// The judge takes the pending proceedings along; the completed ones stay
		// where they were heard.
		String moved = this.judgesByCourt.get("NYC").get(0);
		for (Proceeding p : model.proceedings) {
			if (p.judge.equals(moved) && p.completion == null) {
				p.court = "CHI";
			}
		}
		model.movedJudge = moved;
	}

	private void decide(Proceeding p, SampleCase c) {
		if (p.caseType.equals("RMV")) {
			String[] outcome = weighted(RMV_OUTCOMES);
			if (outcome[1].equals("C")) {
				p.decCode = outcome[0];
			}
			else {
				p.otherComp = outcome[0];
			}
			if ("X".equals(p.decCode)) {
				int absentiaShare = (c.mppIdentifier || c.mppLocationPlanned) ? 60 : 35;
				p.absentia = (this.random.nextInt(100) < absentiaShare) ? "Y" : "N";
			}
			else {
				p.absentia = this.random.nextBoolean() ? "N" : "";
			}
		}
		else {
			List<String[]> options = new ArrayList<>();
			for (String[] decision : DECISIONS) {
				if (decision[0].equals(p.caseType) && decision[2].equals("C")) {
					options.add(decision);
				}
			}
			p.decCode = options.get(this.random.nextInt(options.size()))[1];
			p.absentia = "N";
		}
		p.decType = (this.random.nextInt(50) == 0) ? "7" : (this.random.nextBoolean() ? "O" : "W");
	}

	private void addReps(Model model, SampleCase c, Proceeding p) {
		long id = model.nextRep;
		model.nextRep += 5;
		int draw = this.random.nextInt(100);
		if (draw < 45) {
			LocalDate e28 = p.input.plusDays(this.random.nextInt(120));
			if (!afterTheRelease(model, e28)) {
				model.reps.add(new Rep(id, c.id, "COURT", "ALIEN", "B_TblProceeding", p.id, e28));
			}
		}
		else if (draw < 55) {
			model.reps.add(new Rep(id, c.id, "COURT", "INS", "B_TblProceeding", p.id, p.input.plusDays(3)));
		}
		else if (draw < 58) {
			model.reps.add(new Rep(id, c.id, "BOARD", "ALIEN", "B_TblProceeding", p.id, p.input.plusDays(3)));
		}
	}

	private void addOrphanProceeding(Model model) {
		Proceeding orphan = new Proceeding();
		orphan.id = ORPHAN_PROCEEDING_ID;
		orphan.caseId = ORPHAN_CASE_ID;
		orphan.caseType = "RMV";
		orphan.nat = "HO";
		orphan.lang = "SP";
		orphan.custody = "N";
		orphan.input = LocalDate.of(2021, 2, 3);
		orphan.osc = orphan.input;
		orphan.court = "HOU";
		orphan.hearingLoc = "HOU";
		orphan.judge = this.judgesByCourt.get("HOU").get(0);
		orphan.completion = LocalDate.of(2022, 5, 6);
		orphan.decCode = "X";
		orphan.absentia = "Y";
		orphan.decType = "O";
		model.proceedings.add(orphan);
	}

	/** Plants the quirks of the real files on rows that stay valid. */
	private void markQuirks(Model model) {
		SampleCase first = model.cases.get(0);
		first.alienCity = "HOUS\0TON";
		SampleCase antillean = model.cases.get(1);
		antillean.nat = "NA";
		antillean.lang = "ENG";
		antillean.proceedings.forEach((p) -> p.nat = "NA");
		model.cases.get(2).langToken = "N/A";
		model.cases.get(3).zipToken = "b6";
		model.cases.get(4).proceedings.get(0).natRaw = "gt ";
		model.cases.get(4).proceedings.get(0).nat = "GT";
		model.cases.get(5).proceedings.get(0).custodyToken = "N/A";
		// A case heard at the ECAS test location MPP, which is not an MPP port court.
		SampleCase test = model.cases.get(6);
		test.proceedings.get(0).hearingLoc = "MPP";
		test.proceedings.get(0).court = "SND";
		// A case moved from an MPP port court: only PREV_HEARING_LOC tells.
		SampleCase moved = model.cases.stream()
			.filter((c) -> !c.mppIdentifier && !c.mppLocationPlanned && c.caseType.equals("RMV"))
			.skip(3)
			.findFirst()
			.orElseThrow();
		moved.proceedings.get(0).prevHearingLoc = "ENP";
		// A pending proceeding whose line is cut after 20 fields (before COMP_DATE).
		Proceeding source = model.proceedings.get(model.proceedings.size() / 3);
		Proceeding cut = new Proceeding();
		cut.id = CUT_PROCEEDING_ID;
		cut.caseId = source.caseId;
		cut.caseType = source.caseType;
		cut.nat = source.nat;
		cut.lang = source.lang;
		cut.custody = source.custody;
		cut.osc = source.osc;
		cut.input = source.input;
		cut.court = source.court;
		cut.hearingLoc = source.hearingLoc;
		cut.judge = source.judge;
		cut.cutAfterFields = 20;
		model.proceedings.add(model.proceedings.size() / 3 + 1, cut);
		// A case whose only MPP signal is a hearing scheduled at an MPP port court.
		SampleCase scheduledOnly = model.cases.stream()
			.filter((c) -> !c.mppIdentifier && !c.mppLocationPlanned && c.caseType.equals("RMV") && c != moved)
			.skip(5)
			.findFirst()
			.orElseThrow();
		Hearing atPort = new Hearing();
		atPort.id = model.nextSchedule++;
		atPort.proceeding = scheduledOnly.proceedings.get(0);
		atPort.date = atPort.proceeding.input.plusDays(12);
		atPort.location = "MPB";
		atPort.calType = "M";
		atPort.scheduleType = "MM";
		atPort.adjournment = "17";
		atPort.medium = "V";
		model.hearings.add(atPort);
		// Hearing medium in lower case, and the literal schedule type NA
		// (Naturalization).
		model.hearings.get(0).medium = "p";
		model.hearings.get(1).scheduleType = "NA";
		// A charge delivered twice under two ids: collapsed into the lower one.
		Charge original = model.charges.get(model.charges.size() / 2);
		model.charges.add(new Charge(model.nextCharge++, original.caseId, original.proceedingId, original.charge,
				original.status));
		// A charge status in lower case.
		Charge lower = model.charges.get(3);
		model.charges.set(3, new Charge(lower.id, lower.caseId, lower.proceedingId, lower.charge,
				lower.status.toLowerCase(Locale.ROOT)));
		boolean hasNacara = model.identifiers.stream().anyMatch((identifier) -> identifier.code.equals("NA"));
		if (!hasNacara) {
			model.identifiers.add(new Identifier(99_999L, model.cases.get(7).id, "NA"));
		}
	}

	// writing the case tables

	private int writeCases(Path file, Model model, List<SampleRelease.ExpectedRepair> repairs) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (SampleCase c : model.cases) {
			rows.add(caseRow(c));
		}
		// A tab inside ALIEN_CITY shifts every later value one column right (line 111549
		// of the 2026-04 file).
		Map<String, String> shifted = new HashMap<>();
		shifted.put("IDNCASE", String.valueOf(SHIFTED_CASE_ID));
		shifted.put("ALIEN_CITY", "BROOKLYN\t");
		shifted.put("ALIEN_STATE", "NY");
		shifted.put("ALIEN_ZIPCODE", "11209");
		shifted.put("NAT", "GT");
		shifted.put("CASE_TYPE", "RMV");
		shifted.put("UPDATE_SITE", "NYC");
		int shiftedAt = 1 + rows.size() / 2;
		rows.add(shiftedAt, ordered(CASE_COLUMNS, shifted));
		repairs.add(new SampleRelease.ExpectedRepair("A_TblCase", shiftedAt + 2L, "tab_shift", SHIFTED_CASE_ID));
		return writeTable(file, CASE_COLUMNS, rows, true);
	}

	private int writeIdentifiers(Path file, Model model, List<SampleRelease.ExpectedReject> rejects)
			throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Identifier identifier : model.identifiers) {
			rows.add(identifierRow(identifier));
		}
		rows.add(List.of("199999", "", "MP"));
		rejects.add(new SampleRelease.ExpectedReject("A_TblCaseIdentifier", rows.size() + 1L, "key_missing"));
		return writeTable(file, IDENTIFIER_COLUMNS, rows);
	}

	private int writeProceedings(Path file, Model model, List<SampleRelease.ExpectedReject> rejects,
			List<SampleRelease.ExpectedRepair> repairs) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Proceeding p : model.proceedings) {
			List<String> row = proceedingRow(p);
			if (p.cutAfterFields > 0) {
				repairs.add(new SampleRelease.ExpectedRepair("B_TblProceeding", rows.size() + 2L, "padded", p.id));
				rows.add(row.subList(0, p.cutAfterFields));
			}
			else {
				rows.add(row);
			}
		}
		List<String> junkKey = new ArrayList<>(rows.get(0));
		junkKey.set(0, "FC");
		rows.add(junkKey);
		rejects.add(new SampleRelease.ExpectedReject("B_TblProceeding", rows.size() + 1L, "key_not_integer"));
		return writeTable(file, PROCEEDING_COLUMNS, rows);
	}

	private int writeReps(Path file, Model model) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Rep rep : model.reps) {
			rows.add(repRow(rep));
		}
		return writeTable(file, REPS_COLUMNS, rows);
	}

	private int writeSchedule(Path file, Model model, List<SampleRelease.ExpectedReject> rejects) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Hearing hearing : model.hearings) {
			rows.add(scheduleRow(hearing));
		}
		// tbl_schedule is where empty keys turn up in the real release.
		List<String> emptyKey = new ArrayList<>(rows.get(rows.size() / 4));
		emptyKey.set(0, "");
		int emptyAt = rows.size() / 4 + 1;
		rows.add(emptyAt, emptyKey);
		rejects.add(new SampleRelease.ExpectedReject("tbl_schedule", emptyAt + 2L, "key_missing"));
		return writeTable(file, SCHEDULE_COLUMNS, rows);
	}

	private int writeApplications(Path file, Model model) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Application application : model.applications) {
			rows.add(applicationRow(application));
		}
		return writeTable(file, APPLICATION_COLUMNS, rows);
	}

	private int writeCharges(Path file, Model model) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (Charge charge : model.charges) {
			rows.add(chargeRow(charge));
		}
		return writeTable(file, CHARGE_COLUMNS, rows);
	}

	private int writeCustodyHistory(Path file, Model model) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (CustodyPeriod period : model.custodyPeriods) {
			rows.add(custodyRow(period));
		}
		return writeTable(file, CUSTODY_HISTORY_COLUMNS, rows);
	}

	// the rows of each table

	private List<String> caseRow(SampleCase c) {
		Map<String, String> row = new HashMap<>();
		row.put("IDNCASE", String.valueOf(c.id));
		row.put("ALIEN_CITY", (c.alienCity != null) ? c.alienCity : "PHOENIX");
		row.put("ALIEN_STATE", "AZ");
		row.put("ALIEN_ZIPCODE", (c.zipToken != null) ? c.zipToken : "85001");
		row.put("NAT", c.nat);
		row.put("LANG", (c.langToken != null) ? c.langToken : c.lang);
		row.put("CUSTODY", c.custody);
		// The person's own facts, drawn the same in every release of the case.
		Random person = new Random(this.seed * 31 + c.id);
		row.put("SITE_TYPE", person.nextBoolean() ? "M" : "I");
		row.put("CASE_TYPE", c.caseType);
		row.put("UPDATE_SITE", c.court);
		row.put("LATEST_HEARING", timestamp(c.start.plusDays(90)));
		row.put("LATEST_TIME", "0830");
		row.put("LATEST_CAL_TYPE", "M");
		row.put("DATE_OF_ENTRY", timestamp(c.start.minusDays(10 + person.nextInt(300))));
		row.put("C_ASY_TYPE", "E");
		row.put("C_BIRTHDATE", (1 + person.nextInt(12)) + "/" + (1960 + person.nextInt(45)));
		row.put("Sex", person.nextBoolean() ? "M" : "F");
		row.put("LPR", "0");
		row.put("CASEPRIORITY_CODE", "NA");
		return ordered(CASE_COLUMNS, row);
	}

	private static List<String> proceedingRow(Proceeding p) {
		Map<String, String> row = new HashMap<>();
		row.put("IDNPROCEEDING", String.valueOf(p.id));
		row.put("IDNCASE", String.valueOf(p.caseId));
		row.put("OSC_DATE", timestamp(p.osc));
		row.put("INPUT_DATE", timestamp(p.input));
		row.put("BASE_CITY_CODE", p.court);
		row.put("HEARING_LOC_CODE", p.hearingLoc);
		row.put("IJ_CODE", p.judge);
		row.put("HEARING_DATE", timestamp(p.input.plusDays(45)));
		row.put("HEARING_TIME", "1000");
		row.put("DEC_TYPE", p.decType);
		row.put("DEC_CODE", p.decCode);
		row.put("OTHER_COMP", p.otherComp);
		row.put("COMP_DATE", timestamp(p.completion));
		row.put("ABSENTIA", p.absentia);
		row.put("CUSTODY", (p.custodyToken != null) ? p.custodyToken : p.custody);
		row.put("CASE_TYPE", p.caseType);
		row.put("NAT", (p.natRaw != null) ? p.natRaw : p.nat);
		row.put("LANG", p.lang);
		row.put("SCHEDULED_HEAR_LOC", p.hearingLoc);
		row.put("PREV_HEARING_LOC", p.prevHearingLoc);
		row.put("CRIM_IND", "N");
		return ordered(PROCEEDING_COLUMNS, row);
	}

	private static List<String> scheduleRow(Hearing hearing) {
		Proceeding p = hearing.proceeding;
		Map<String, String> row = new HashMap<>();
		row.put("IDNSCHEDULE", String.valueOf(hearing.id));
		row.put("IDNPROCEEDING", String.valueOf(p.id));
		row.put("IDNCASE", String.valueOf(p.caseId));
		row.put("OSC_DATE", timestamp(p.osc));
		row.put("GENERATION", "99");
		row.put("SUB_GENERATION", "99");
		row.put("REC_TYPE", "X");
		row.put("LANG", p.lang);
		row.put("HEARING_LOC_CODE", hearing.location);
		row.put("BASE_CITY_CODE", p.court);
		row.put("IJ_CODE", p.judge);
		row.put("INPUT_DATE", timestamp(p.input));
		row.put("INPUT_TIME", "0900");
		row.put("CAL_TYPE", hearing.calType);
		row.put("ADJ_DATE", timestamp(hearing.date));
		row.put("ADJ_TIME_START", "0830");
		row.put("ADJ_TIME_STOP", "0900");
		row.put("ADJ_RSN", hearing.adjournment);
		row.put("ADJ_MEDIUM", hearing.medium);
		row.put("SCHEDULE_TYPE", hearing.scheduleType);
		row.put("BLNCLOCKOVERRIDE", "0");
		return ordered(SCHEDULE_COLUMNS, row);
	}

	private static List<String> identifierRow(Identifier identifier) {
		return List.of(String.valueOf(identifier.id), String.valueOf(identifier.caseId), identifier.code);
	}

	private static List<String> repRow(Rep rep) {
		return List.of(String.valueOf(rep.id), String.valueOf(rep.caseId), rep.level, rep.type, rep.parentTable,
				String.valueOf(rep.parentId), "", "", "", timestamp(rep.e28), "1");
	}

	private static List<String> applicationRow(Application application) {
		return List.of(String.valueOf(application.id), String.valueOf(application.proceeding.id),
				String.valueOf(application.proceeding.caseId), application.code, timestamp(application.received),
				application.decision);
	}

	private static List<String> chargeRow(Charge charge) {
		return List.of(String.valueOf(charge.id), String.valueOf(charge.caseId), String.valueOf(charge.proceedingId),
				charge.charge, charge.status);
	}

	private static List<String> custodyRow(CustodyPeriod period) {
		return List.of(String.valueOf(period.id), String.valueOf(period.caseId), period.custody,
				timestamp(period.detained), timestamp(period.released));
	}

	// low-level helpers

	private static List<String> ordered(List<String> columns, Map<String, String> values) {
		List<String> row = new ArrayList<>(columns.size());
		for (String column : columns) {
			String value = values.get(column);
			row.add((value != null) ? value : "");
		}
		return row;
	}

	private static int writeTable(Path file, List<String> header, List<List<String>> rows) throws IOException {
		return writeTable(file, header, rows, false);
	}

	/**
	 * Writes windows-1252, CRLF, tab-delimited, no quoting; returns the data rows
	 * written.
	 */
	private static int writeTable(Path file, List<String> header, List<List<String>> rows, boolean trailingBlankLine)
			throws IOException {
		try (Writer out = Files.newBufferedWriter(file, WINDOWS_1252)) {
			out.write(String.join("\t", header));
			out.write("\r\n");
			for (List<String> row : rows) {
				out.write(String.join("\t", row));
				out.write("\r\n");
			}
			if (trailingBlankLine) {
				out.write("\r\n");
			}
		}
		return rows.size();
	}

	private static String timestamp(LocalDate date) {
		return (date != null) ? date + " 00:00:00.000" : "";
	}

	private static String pad(String value, int width) {
		return String.format(Locale.ROOT, "%-" + width + "s", value);
	}

	private String[] weighted(String[][] options) {
		int weightColumn = options[0].length - 1;
		int total = 0;
		for (String[] option : options) {
			total += Integer.parseInt(option[weightColumn]);
		}
		int draw = this.random.nextInt(total);
		for (String[] option : options) {
			draw -= Integer.parseInt(option[weightColumn]);
			if (draw < 0) {
				return option;
			}
		}
		return options[options.length - 1];
	}

	/**
	 * A release written by {@link #writeStreamed(Path, String, long, long, boolean)}.
	 *
	 * @param folder the release folder
	 * @param label the release label
	 * @param rows rows written to each case-data table, by table name
	 */
	public record StreamedRelease(Path folder, String label, Map<String, Long> rows) {

		public StreamedRelease {
			rows = Map.copyOf(rows);
		}

		/**
		 * Rows written to the case-data tables in all.
		 * @return the total
		 */
		public long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** One case-data file being written a case at a time. */
	private static final class TableOut implements java.io.Closeable {

		final String name;

		final Writer out;

		/**
		 * The column a changed row has changed, or -1 for a table whose rows never
		 * change.
		 */
		final int changed;

		long rows;

		TableOut(Path folder, String name, List<String> header, String changedColumn) throws IOException {
			this.name = name;
			this.changed = (changedColumn != null) ? header.indexOf(changedColumn) : -1;
			this.out = Files.newBufferedWriter(folder.resolve(name + ".csv"), WINDOWS_1252);
			this.out.write(String.join("\t", header));
			this.out.write("\r\n");
		}

		void write(List<List<String>> rows, Random changes) throws IOException {
			for (List<String> row : rows) {
				if (changes != null && this.changed >= 0 && changes.nextInt(100) == 0) {
					List<String> copy = new ArrayList<>(row);
					copy.set(this.changed, changedValue(copy.get(this.changed)));
					row = copy;
				}
				this.out.write(String.join("\t", row));
				this.out.write("\r\n");
				this.rows++;
			}
		}

		/** A date a day later, or a charge status swapped. */
		private static String changedValue(String value) {
			if (value.length() >= 10 && value.charAt(4) == '-') {
				return timestamp(LocalDate.parse(value.substring(0, 10)).plusDays(1));
			}
			if (value.isEmpty()) {
				return value;
			}
			return value.equals("S") ? "O" : "S";
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

	private static final class SampleCase {

		long id;

		String nat;

		String lang;

		String custody;

		String caseType;

		String court;

		LocalDate start;

		boolean mppIdentifier;

		boolean mppLocationPlanned;

		String alienCity;

		String langToken;

		String zipToken;

		final List<Proceeding> proceedings = new ArrayList<>();

	}

	private static final class Proceeding {

		long id;

		long caseId;

		String caseType;

		String nat;

		String natRaw;

		String lang;

		String custody;

		String custodyToken;

		LocalDate osc;

		LocalDate input;

		String court;

		String hearingLoc;

		String prevHearingLoc;

		String judge;

		LocalDate completion;

		String decCode;

		String otherComp;

		String decType;

		String absentia;

		/**
		 * The decision drawn for a proceeding not yet complete by the release's date,
		 * with stable draws; not written.
		 */
		Proceeding decidedLater;

		/** Fields written before the line is cut short; 0 for a whole line. */
		int cutAfterFields;

	}

	private record Identifier(long id, long caseId, String code) {
	}

	private record Rep(long id, long caseId, String level, String type, String parentTable, long parentId,
			LocalDate e28) {
	}

	private static final class Hearing {

		long id;

		Proceeding proceeding;

		LocalDate date;

		String location;

		String calType;

		String scheduleType;

		String adjournment;

		String medium;

	}

	private static final class Application {

		long id;

		Proceeding proceeding;

		String code;

		LocalDate received;

		String decision;

	}

	private record Charge(long id, long caseId, long proceedingId, String charge, String status) {
	}

	private record CustodyPeriod(long id, long caseId, String custody, LocalDate detained, LocalDate released) {
	}

	private static final class Model {

		/** Months since the first release. */
		int month;

		/** Cases made so far, also those a streamed release has written and let go. */
		long casesAdded;

		LocalDate asOf = AS_OF;

		String movedJudge;

		long nextProceeding = 8_000_000L;

		long nextIdentifier = 100_000L;

		long nextRep = 300_000L;

		long nextSchedule = 20_000_000L;

		long nextApplication = 9_000_000L;

		long nextCharge = 30_000_000L;

		long nextCustody = 600_000L;

		final List<SampleCase> cases = new ArrayList<>();

		final List<Proceeding> proceedings = new ArrayList<>();

		final List<Identifier> identifiers = new ArrayList<>();

		final List<Rep> reps = new ArrayList<>();

		final List<Hearing> hearings = new ArrayList<>();

		final List<Application> applications = new ArrayList<>();

		final List<Charge> charges = new ArrayList<>();

		final List<CustodyPeriod> custodyPeriods = new ArrayList<>();

		/** Counts by the warehouse contract's definitions, over the valid rows only. */
		SampleRelease.Expected expected() {
			Set<Long> byIdentifier = new HashSet<>();
			for (Identifier identifier : this.identifiers) {
				if (identifier.code.equals("MP") || identifier.code.equals("RM")) {
					byIdentifier.add(identifier.caseId);
				}
			}
			Set<Long> byLocation = new HashSet<>();
			for (Proceeding p : this.proceedings) {
				if (MPP_LOCATIONS.contains(p.hearingLoc)
						|| (p.prevHearingLoc != null && MPP_LOCATIONS.contains(p.prevHearingLoc))) {
					byLocation.add(p.caseId);
				}
			}
			for (Hearing hearing : this.hearings) {
				if (MPP_LOCATIONS.contains(hearing.location)) {
					byLocation.add(hearing.proceeding.caseId);
				}
			}
			Set<Long> mpp = new HashSet<>(byIdentifier);
			mpp.addAll(byLocation);
			long mppCases = this.cases.stream().filter((c) -> mpp.contains(c.id)).count();
			long mppByIdentifier = this.cases.stream().filter((c) -> byIdentifier.contains(c.id)).count();
			long mppByLocation = this.cases.stream().filter((c) -> byLocation.contains(c.id)).count();
			long completed = 0;
			long inAbsentia = 0;
			long represented = 0;
			long mppCompleted = 0;
			long mppInAbsentia = 0;
			long mppRepresented = 0;
			long completedRemoval = 0;
			long inAbsentiaRemoval = 0;
			Map<String, List<Rep>> repsByParent = new HashMap<>();
			for (Rep rep : this.reps) {
				repsByParent
					.computeIfAbsent(rep.parentTable.toUpperCase(Locale.ROOT) + ":" + rep.parentId,
							(key) -> new ArrayList<>())
					.add(rep);
			}
			for (Proceeding p : this.proceedings) {
				boolean isCompleted = p.completion != null;
				boolean isInAbsentia = isCompleted && "Y".equals(p.absentia);
				boolean isRepresented = isRepresented(p, repsByParent);
				boolean isMpp = mpp.contains(p.caseId);
				completed += isCompleted ? 1 : 0;
				inAbsentia += isInAbsentia ? 1 : 0;
				represented += isRepresented ? 1 : 0;
				if (isMpp && isCompleted) {
					mppCompleted++;
					mppInAbsentia += isInAbsentia ? 1 : 0;
					mppRepresented += isRepresented ? 1 : 0;
				}
				if (isCompleted && p.caseType.equals("RMV")) {
					completedRemoval++;
					inAbsentiaRemoval += isInAbsentia ? 1 : 0;
				}
			}
			Set<String> distinctCharges = new HashSet<>();
			for (Charge charge : this.charges) {
				distinctCharges.add(charge.proceedingId + ":" + charge.caseId + ":" + charge.charge + ":"
						+ charge.status.toUpperCase(Locale.ROOT));
			}
			Map<String, Long> asylum = new HashMap<>();
			Map<String, Long> asylumByYearAndCourt = new TreeMap<>();
			for (Application application : this.applications) {
				boolean isAsylum = application.code.equals("ASYL") || application.code.equals("ASYW");
				LocalDate decided = application.proceeding.completion;
				if (isAsylum && decided != null) {
					asylum.merge(decisionGroup(application.decision), 1L, Long::sum);
					asylumByYearAndCourt.merge(
							FiscalCalendar.fiscalYearOf(decided) + " " + application.proceeding.court, 1L, Long::sum);
				}
			}
			// The tab-shifted case line is repaired and loaded: it counts as a case.
			return new SampleRelease.Expected(this.cases.size() + 1, this.identifiers.size(), this.proceedings.size(),
					this.reps.size(), mppCases, mppByIdentifier, mppByLocation, completed, inAbsentia, represented,
					mppCompleted, mppInAbsentia, mppRepresented, completedRemoval, inAbsentiaRemoval,
					this.hearings.size(), this.applications.size(), distinctCharges.size(),
					this.charges.size() - distinctCharges.size(), this.custodyPeriods.size(),
					asylum.getOrDefault("granted", 0L), asylum.getOrDefault("denied", 0L),
					asylum.getOrDefault("abandoned", 0L), asylum.getOrDefault("withdrawn", 0L),
					asylum.getOrDefault("other", 0L), asylumByYearAndCourt);
		}

		/** The warehouse contract's decision groups of application decisions. */
		private static String decisionGroup(String decision) {
			return switch (decision) {
				case "G", "F", "C", "I", "P", "L" -> "granted";
				case "D" -> "denied";
				case "A" -> "abandoned";
				case "W" -> "withdrawn";
				default -> "other";
			};
		}

		private boolean isRepresented(Proceeding p, Map<String, List<Rep>> repsByParent) {
			List<Rep> candidates = new ArrayList<>(repsByParent.getOrDefault("B_TBLPROCEEDING:" + p.id, List.of()));
			candidates.addAll(repsByParent.getOrDefault("A_TBLCASE:" + p.caseId, List.of()));
			for (Rep rep : candidates) {
				boolean courtAlien = rep.level.equals("COURT") && rep.type.equals("ALIEN") && rep.e28 != null;
				if (courtAlien && (p.completion == null || !rep.e28.isAfter(p.completion))) {
					return true;
				}
			}
			return false;
		}

	}

}
