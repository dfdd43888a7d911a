package org.courtstats.eoir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The column-type catalogue against the column inventory of a real EOIR release (October
 * 2025) and the 2026-04 headers of sources.md, and the shapes it accepts.
 */
class EoirColumnTypesTests {

	private static final Path INVENTORY = Path.of("../shared/data/real/eoir-deportationdata/missingness_by_field.csv");

	/** The real files each catalogued table stands for. */
	private static final Map<String, List<String>> FILES = Map.ofEntries(Map.entry("A_TblCase", List.of("A_TblCase")),
			Map.entry("A_TblCaseIdentifier", List.of("A_TblCaseIdentifier")),
			Map.entry("B_TblProceeding", List.of("B_TblProceeding")),
			Map.entry("B_TblProceedCharges", List.of("B_TblProceedCharges")),
			Map.entry("tbl_schedule", List.of("tbl_schedule")),
			Map.entry("tbl_Court_Appln", List.of("tbl_Court_Appln")),
			Map.entry("tbl_CustodyHistory", List.of("tbl_CustodyHistory")),
			Map.entry("tbl_RepsAssigned", List.of("tbl_RepsAssigned")),
			Map.entry("D_TblAssociatedBond", List.of("D_TblAssociatedBond")),
			Map.entry("tblLookupAlienNat", List.of("tblLookupAlienNat", "tblLookupNationality")),
			Map.entry("tblLanguage", List.of("tblLanguage")),
			Map.entry("tblLookupBaseCity", List.of("tblLookupBaseCity")),
			Map.entry("tblLookupHloc", List.of("tblLookupHloc")),
			Map.entry("tblLookupJudge", List.of("tblLookupJudge")),
			Map.entry("tblLookupCaseType", List.of("tblLookupCaseType")),
			Map.entry("tblLookupCustodyStatus", List.of("tblLookupCustodyStatus")),
			Map.entry("tblLookupCourtDecision", List.of("tblLookupCourtDecision")),
			Map.entry("tblLookUpCaseIdentifier", List.of("tblLookUpCaseIdentifier")),
			Map.entry("tblLookUp_Appln", List.of("tblLookUp_Appln")),
			Map.entry("tblLookupCourtAppDecisions", List.of("tblLookupCourtAppDecisions")),
			Map.entry("tbllookupCharges", List.of("tbllookupCharges")),
			Map.entry("tblAdjournmentcodes", List.of("tblAdjournmentcodes")));

	@Test
	void everyColumnOfTheRealReleaseHasAType() throws IOException {
		Map<String, List<String>> inventory = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(INVENTORY);
		for (String line : lines.subList(1, lines.size())) {
			String[] fields = line.split(",");
			inventory.computeIfAbsent(fields[0], (table) -> new ArrayList<>()).add(fields[1]);
		}

		assertThat(EoirColumnTypes.tableNames()).containsExactlyInAnyOrderElementsOf(FILES.keySet());
		FILES.forEach((table, files) -> {
			EoirColumnTypes.Columns columns = EoirColumnTypes.of(table).orElseThrow();
			for (String file : files) {
				assertThat(inventory.get(file)).as(file).isNotEmpty();
				assertThat(inventory.get(file)).as(file).allMatch((column) -> columns.typeOf(column) != null);
			}
		});
	}

	@Test
	void theCurrentHeadersOfTheCaseTablesHaveTheirTypes() {
		EoirColumnTypes.Columns cases = EoirColumnTypes.of("a_tblcase").orElseThrow();

		assertThat(LineRepairTests.CASE_HEADER.split("\t")).hasSize(39).allMatch((name) -> cases.typeOf(name) != null);
		assertThat(cases.typeOf("sex")).as("any case").isEqualTo(FieldType.code(1));
		assertThat(cases.typeOf("GENDER")).as("the older name").isEqualTo(FieldType.code(1));
		assertThat(cases.typeOf("NAT")).isEqualTo(FieldType.code(2));
		assertThat(cases.typeOf("LANG")).isEqualTo(FieldType.code(3));
		assertThat(cases.typeOf("CUSTODY")).isEqualTo(FieldType.code(1));
		assertThat(cases.typeOf("CASE_TYPE")).isEqualTo(FieldType.code(3));
		assertThat(cases.typeOf("C_BIRTHDATE")).isEqualTo(FieldType.monthYear());
		assertThat(cases.typeOf("LATEST_TIME")).isEqualTo(FieldType.time());
		assertThat(EoirColumnTypes.of("B_TblProceeding").orElseThrow().types())
			.as("38 columns and the older TRANSFER_DATE, DEP1, DEP2, CASETYPE")
			.hasSize(38 + 4);
		assertThat(EoirColumnTypes.of("tbl_Lead_Rider")).isEmpty();
	}

	@Test
	void everyColumnTheLoadReadsHasATypeUnderTheSameName() {
		for (EoirTable table : EoirTables.ALL) {
			EoirColumnTypes.Columns columns = EoirColumnTypes.of(table.name()).orElse(null);
			if (columns == null) {
				continue;
			}
			for (EoirColumn column : table.columns()) {
				assertThat(column.headerNames()).as(table.name() + "." + column.stagingColumn())
					.allMatch((name) -> columns.typeOf(name) != null);
			}
		}
	}

	@Test
	void aValueFitsItsColumnByShapeAndLength() {
		assertThat(FieldType.date().fits("2024-09-12 00:00:00.000")).isTrue();
		assertThat(FieldType.date().fits("2004-09-12 23:35:21")).as("older lookups").isTrue();
		assertThat(FieldType.date().fits("RMV")).isFalse();
		assertThat(FieldType.integer().fits("7375924")).isTrue();
		assertThat(FieldType.integer().fits("FC")).isFalse();
		assertThat(FieldType.code(2).fits("NY")).isTrue();
		assertThat(FieldType.code(2).fits(" NY ")).as("padding does not count").isTrue();
		assertThat(FieldType.code(1).fits("NY")).isFalse();
		assertThat(FieldType.code(3).fits("2024-09-12 00:00:00.000")).isFalse();
		assertThat(FieldType.time().fits("0830")).isTrue();
		assertThat(FieldType.time().fits("8:30")).isTrue();
		assertThat(FieldType.time().fits("M")).isFalse();
		assertThat(FieldType.monthYear().fits("4/1974")).isTrue();
		assertThat(FieldType.monthYear().fits("1974")).isFalse();
		assertThat(FieldType.zip().fits("11209")).isTrue();
		assertThat(FieldType.zip().fits("`1209")).isTrue();
		assertThat(FieldType.zip().fits("11209-1234")).isTrue();
		assertThat(FieldType.zip().fits("NY")).isFalse();
		assertThat(FieldType.zip().fits("7375924")).as("an id is no ZIP code").isFalse();
		assertThat(FieldType.flag().fits("0")).isTrue();
		assertThat(FieldType.flag().fits("True")).isTrue();
		assertThat(FieldType.flag().fits("2024-09-09 00:00:00.000")).isFalse();
		assertThat(FieldType.guid().fits("6F9619FF-8B86-D011-B42D-00C04FC964FF")).isTrue();
		assertThat(FieldType.text(15).fits("SAN DIEGO")).isTrue();
		assertThat(FieldType.text(2).fits("DIEGO CA")).isFalse();
		assertThat(FieldType.date().fits("2024-09-12")).isTrue();
		assertThat(FieldType.date().fits("2024-09-12T10:43")).isTrue();
		assertThat(FieldType.date().fits("2025-02-27 10:43:03.530000000")).isTrue();
		assertThat(FieldType.date().fits("2025-02-27 10:43:03.5300000000")).as("ten fractional digits").isFalse();
		assertThat(FieldType.date().fits("2025-02-27 10:43:03.")).isFalse();
		assertThat(FieldType.date().fits("2025-02-27 10:4")).isFalse();
		assertThat(FieldType.date().fits("2025-02-27x10:43")).isFalse();
		assertThat(FieldType.date().fits("2025/02/27")).isFalse();
		assertThat(FieldType.date().fits("0")).isFalse();
		assertThat(FieldType.integer().fits("-12")).isTrue();
		assertThat(FieldType.integer().fits("-")).isFalse();
		assertThat(FieldType.integer().fits("123456789012345678")).isTrue();
		assertThat(FieldType.integer().fits("1234567890123456789")).as("19 digits").isFalse();
		assertThat(FieldType.integer().fits("12.5")).isFalse();
		assertThat(FieldType.flag().fits("FALSE")).isTrue();
		assertThat(FieldType.flag().fits("Y")).isFalse();
		assertThat(FieldType.flag().fits("fal\u017fe")).as("a long s is no ASCII s").isFalse();
		assertThat(FieldType.flag().fits("10")).isFalse();
		assertThat(FieldType.guid().fits("{6f9619ff-8b86-d011-b42d-00c04fc964ff}")).isTrue();
		assertThat(FieldType.guid().fits("6F9619FF-8B86-D011-B42D-00C04FC964FG")).isFalse();
		assertThat(FieldType.guid().fits("6F9619FF8B86-D011-B42D-00C04FC964FF-")).isFalse();
		assertThat(FieldType.date().fits("7\t2024-09-12 00:00:00.000 \tx", 2, 27))
			.as("a value where it lies in a line, its padding stripped")
			.isTrue();
		assertThat(FieldType.integer().fits("7\tFC\t", 2, 4)).isFalse();
		for (FieldType type : List.of(FieldType.date(), FieldType.integer(), FieldType.code(1), FieldType.flag(),
				FieldType.guid())) {
			assertThat(type.fits("")).as("empty fits %s", type).isTrue();
			assertThat(type.fits("N/A")).as("a null token fits %s", type).isTrue();
		}
	}

}
