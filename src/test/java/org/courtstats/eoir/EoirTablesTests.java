package org.courtstats.eoir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the table specs against the column inventory of a real EOIR release (October
 * 2025), kept in the shared reference data beside the project.
 */
class EoirTablesTests {

	private static final Path INVENTORY = Path.of("../shared/data/real/eoir-deportationdata/missingness_by_field.csv");

	private static final Map<String, Set<String>> realColumns = new HashMap<>();

	@BeforeAll
	static void readInventory() throws IOException {
		assertThat(INVENTORY).as("the shared reference data beside the project").exists();
		for (String line : Files.readAllLines(INVENTORY).subList(1, Files.readAllLines(INVENTORY).size())) {
			String[] fields = line.split(",");
			realColumns.computeIfAbsent(fields[0].toLowerCase(Locale.ROOT), (table) -> new HashSet<>())
				.add(fields[1].toUpperCase(Locale.ROOT));
		}
	}

	@Test
	void everyTableTheLoadReadsIsInTheRealRelease() {
		for (EoirTable table : EoirTables.ALL) {
			assertThat(table.fileNames()).as(table.name())
				.anyMatch((name) -> realColumns.containsKey(name.toLowerCase(Locale.ROOT)));
		}
	}

	@Test
	void everyColumnIsReadUnderANameTheRealReleaseUses() {
		for (EoirTable table : EoirTables.ALL) {
			Set<String> real = new HashSet<>();
			table.fileNames()
				.forEach((name) -> real.addAll(realColumns.getOrDefault(name.toLowerCase(Locale.ROOT), Set.of())));
			for (EoirColumn column : table.columns()) {
				assertThat(column.headerNames()).as(table.name() + "." + column.stagingColumn())
					.anyMatch((name) -> real.contains(name.toUpperCase(Locale.ROOT)));
			}
		}
	}

	@Test
	void fileNamesMatchWhateverTheirCase() {
		assertThat(EoirTables.forFile("TBLLOOKUPCASEIDENTIFIER.CSV")).contains(EoirTables.CASE_IDENTIFIER_TYPE);
		assertThat(EoirTables.forFile("tbllookupNationality.csv")).contains(EoirTables.NATIONALITY);
		assertThat(EoirTables.forFile("a_tblcase.csv")).contains(EoirTables.CASE);
		assertThat(EoirTables.forFile("TBL_SCHEDULE.csv")).contains(EoirTables.SCHEDULE);
		assertThat(EoirTables.forFile("tblLookUp_Appln.csv")).contains(EoirTables.APPLICATION_TYPE);
		assertThat(EoirTables.forFile("tblProBono.csv")).as("out of scope").isEmpty();
		assertThat(EoirTables.forFile("Count.txt")).isEmpty();
	}

}
