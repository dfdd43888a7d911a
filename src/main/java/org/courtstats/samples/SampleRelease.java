package org.courtstats.samples;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated EOIR release and what a correct load of it must show.
 *
 * @param folder the release folder
 * @param label the release label (the folder name)
 * @param expected the counts the warehouse must hold after loading it
 * @param rejects the malformed lines the loader must quarantine, each with its reason
 * @param repairs the malformed lines the loader must repair and load, each with its
 * repair
 */
public record SampleRelease(Path folder, String label, Expected expected, List<ExpectedReject> rejects,
		List<ExpectedRepair> repairs) {

	public SampleRelease {
		rejects = List.copyOf(rejects);
		repairs = List.copyOf(repairs);
	}

	/**
	 * The keys of the repaired lines of one table.
	 * @param tableName e.g. {@code B_TblProceeding}
	 * @return the keys, in line order
	 */
	public List<Long> repairedKeys(String tableName) {
		return this.repairs.stream()
			.filter((repair) -> repair.tableName().equals(tableName))
			.map(ExpectedRepair::recordKey)
			.toList();
	}

	/**
	 * Counts a correct load produces, by the warehouse contract's definitions.
	 *
	 * @param cases A_TblCase rows loaded (the repaired tab-shifted line among them)
	 * @param caseIdentifiers valid A_TblCaseIdentifier rows
	 * @param proceedings B_TblProceeding rows loaded (an orphan and the padded short line
	 * among them)
	 * @param repsAssigned valid tbl_RepsAssigned rows
	 * @param mppCases cases that are MPP by identifier or by location
	 * @param mppByIdentifier cases with an MP or RM identifier
	 * @param mppByLocation cases with a proceeding at an MPP hearing location
	 * @param completedProceedings proceedings with a completion date
	 * @param inAbsentia completed proceedings ordered in absentia
	 * @param representedProceedings proceedings represented by the contract's rule
	 * @param mppCompletedProceedings completed proceedings of MPP cases
	 * @param mppInAbsentia of those, in absentia
	 * @param mppRepresented of those, represented
	 * @param completedRemoval completed proceedings of removal (RMV) cases
	 * @param inAbsentiaRemoval of those, in absentia
	 * @param hearings valid tbl_schedule rows
	 * @param applications valid tbl_Court_Appln rows
	 * @param charges distinct charges (B_TblProceedCharges with exact duplicates
	 * collapsed)
	 * @param chargeDuplicates charge lines collapsed into another
	 * @param custodyPeriods tbl_CustodyHistory rows
	 * @param asylumGranted asylum applications on completed proceedings, granted
	 * @param asylumDenied of those, denied
	 * @param asylumAbandoned of those, abandoned
	 * @param asylumWithdrawn of those, withdrawn
	 * @param asylumOther of those, with another or no decision
	 * @param asylumByYearAndCourt those asylum applications by fiscal year of the
	 * decision and court of the proceeding ({@code "2024 SND"})
	 */
	public record Expected(long cases, long caseIdentifiers, long proceedings, long repsAssigned, long mppCases,
			long mppByIdentifier, long mppByLocation, long completedProceedings, long inAbsentia,
			long representedProceedings, long mppCompletedProceedings, long mppInAbsentia, long mppRepresented,
			long completedRemoval, long inAbsentiaRemoval, long hearings, long applications, long charges,
			long chargeDuplicates, long custodyPeriods, long asylumGranted, long asylumDenied, long asylumAbandoned,
			long asylumWithdrawn, long asylumOther, Map<String, Long> asylumByYearAndCourt) {

		public Expected {
			asylumByYearAndCourt = Map.copyOf(asylumByYearAndCourt);
		}

		/**
		 * The counts by name, in a stable order, for printing.
		 * @return name to count
		 */
		public Map<String, Long> asMap() {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("cases", this.cases);
			counts.put("case identifiers", this.caseIdentifiers);
			counts.put("proceedings", this.proceedings);
			counts.put("representatives assigned", this.repsAssigned);
			counts.put("MPP cases", this.mppCases);
			counts.put("MPP cases by identifier", this.mppByIdentifier);
			counts.put("MPP cases by location", this.mppByLocation);
			counts.put("completed proceedings", this.completedProceedings);
			counts.put("in absentia", this.inAbsentia);
			counts.put("represented proceedings", this.representedProceedings);
			counts.put("MPP completed proceedings", this.mppCompletedProceedings);
			counts.put("MPP in absentia", this.mppInAbsentia);
			counts.put("MPP represented", this.mppRepresented);
			counts.put("completed removal proceedings", this.completedRemoval);
			counts.put("removal in absentia", this.inAbsentiaRemoval);
			counts.put("scheduled hearings", this.hearings);
			counts.put("relief applications", this.applications);
			counts.put("charges", this.charges);
			counts.put("duplicate charge lines", this.chargeDuplicates);
			counts.put("custody periods", this.custodyPeriods);
			counts.put("asylum granted", this.asylumGranted);
			counts.put("asylum denied", this.asylumDenied);
			counts.put("asylum abandoned", this.asylumAbandoned);
			counts.put("asylum withdrawn", this.asylumWithdrawn);
			counts.put("asylum other", this.asylumOther);
			return counts;
		}

	}

	/**
	 * A malformed line the loader must quarantine.
	 *
	 * @param tableName the EOIR table of the file
	 * @param lineNumber line number, the header being line 1
	 * @param reasonCode the reason the loader gives
	 */
	public record ExpectedReject(String tableName, long lineNumber, String reasonCode) {
	}

	/**
	 * A malformed line the loader must repair and load.
	 *
	 * @param tableName the EOIR table of the file
	 * @param lineNumber line number, the header being line 1
	 * @param repairCode the repair the loader records ({@code tab_shift}, {@code padded})
	 * @param recordKey the line's key
	 */
	public record ExpectedRepair(String tableName, long lineNumber, String repairCode, long recordKey) {
	}

}
