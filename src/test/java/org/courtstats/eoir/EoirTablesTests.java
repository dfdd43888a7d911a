package org.courtstats.eoir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the table specs against the column inventory of a real EOIR release (October
 * 2025), kept in the shared reference data beside the project.
 */
class EoirTablesTests {

	private static final Path INVENTORY = Path.of("../shared/data/real/eoir-deportationdata/missingness_by_field.csv");

	private static final Path LOAD_SQL = Path.of("warehouse-sql/load");

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
	void everyStagedValueIsReadByTheLoad() throws IOException {
		// A key or a lookup's code is staged whether read or not: a row without it is
		// rejected. Any other column is staged only when a load statement that reads the
		// table names it, or when its values are recorded for the dimensions.
		Map<Path, String> statements = new HashMap<>();
		try (Stream<Path> files = Files.list(LOAD_SQL)) {
			for (Path file : files.toList()) {
				// Comments left out: a column named in one is not read.
				statements.put(file, Files.readString(file).replaceAll("--[^\\n]*", ""));
			}
		}
		for (EoirTable table : EoirTables.ALL) {
			String reads = String.join("\n",
					statements.values()
						.stream()
						.filter((sql) -> Pattern.compile("\\b" + Pattern.quote(table.stagingTableName()) + "\\b")
							.matcher(sql)
							.find())
						.toList());
			assertThat(reads).as("the statements reading " + table.stagingTableName()).isNotEmpty();
			for (String column : table.stagingTable().dataColumns()) {
				boolean required = table.columns()
					.stream()
					.anyMatch((c) -> c.stagingColumn().equals(column) && c.kind().requiredInHeader());
				if (!required && !table.usedValueColumns().contains(column)) {
					assertThat(Pattern.compile("\\b" + column + "\\b").matcher(reads).find())
						.as(table.stagingTableName() + "." + column + " is read by a load statement")
						.isTrue();
				}
			}
		}
	}

	@Test
	void theValuesRecordedAreThoseUsedCodeReads() throws IOException {
		String sql = Files.readString(LOAD_SQL.resolve("used_code.sql"));
		Set<String> read = new HashSet<>();
		Matcher tuple = Pattern.compile("\\('[a-z_]+', '(\\w+)', '(\\w+)'\\)").matcher(sql);
		while (tuple.find()) {
			read.add(tuple.group(1) + "." + tuple.group(2));
		}
		Set<String> recorded = new HashSet<>();
		Set<String> combinations = new HashSet<>();
		for (EoirTable table : EoirTables.ALL) {
			table.usedValueColumns()
				.forEach((column) -> (column.contains("+") ? combinations : recorded).add(table.name() + "." + column));
		}
		assertThat(read).hasSize(32).isEqualTo(recorded);
		// The one combination is dim_decision.sql's.
		String decisions = Files.readString(LOAD_SQL.resolve("dim_decision.sql"));
		assertThat(combinations).containsExactly("B_TblProceeding.case_type+dec_code+other_comp");
		assertThat(decisions).contains("u.table_name = 'B_TblProceeding'",
				"u.column_name = 'case_type+dec_code+other_comp'");

		// The migrations that added the columns recorded the same columns of the files
		// staged before them.
		Set<String> backfilled = new HashSet<>();
		try (Stream<Path> migrations = Files.list(Path.of("warehouse-sql/migrations"))) {
			for (Path migration : migrations.filter((file) -> file.getFileName().toString().matches("V0(49|50|51)__.*"))
				.toList()) {
				Matcher triple = Pattern.compile("\\('staging\\.\\w+', '(\\w+)', '(\\w+)'\\)")
					.matcher(Files.readString(migration));
				while (triple.find()) {
					backfilled.add(triple.group(1) + "." + triple.group(2));
				}
			}
		}
		assertThat(backfilled).isEqualTo(recorded);
		String combinationBackfill = Files
			.readString(Path.of("warehouse-sql/migrations/V064__record_the_decisions_proceedings_use.sql"));
		assertThat(combinationBackfill).containsPattern("'B_TblProceeding',\\s+'case_type\\+dec_code\\+other_comp',"
				+ "\\s+array\\[case_type, dec_code, other_comp\\]::text");
	}

	@Test
	void theKeysCheckedAsStagedAreThoseDedupSameKeyCounts() throws IOException {
		String sql = Files.readString(LOAD_SQL.resolve("dedup_same_key.sql"));
		Set<String> counted = new HashSet<>();
		Matcher arm = Pattern.compile("select '(\\w+)'(?: as table_name)?, s\\.(\\w+)(?: as record_key)?\\n\\s+from "
				+ "(staging\\.\\w+) as s[^\\n]*\\n\\s+where \\(select count\\(\\*\\) <> count\\(distinct c\\.(\\w+)\\)"
				+ "\\n\\s+from (staging\\.\\w+) as c[^\\n]*\\n\\s+where '(\\w+)' not in \\(select table_name from "
				+ "distinct_tables\\)\\)")
			.matcher(sql);
		while (arm.find()) {
			assertThat(List.of(arm.group(1), arm.group(2), arm.group(3))).as("one table and key throughout")
				.isEqualTo(List.of(arm.group(6), arm.group(4), arm.group(5)));
			counted.add(arm.group(1) + " " + arm.group(3) + "." + arm.group(2));
		}
		Set<String> checked = new HashSet<>();
		for (EoirTable table : EoirTables.ALL) {
			if (table.keyColumn() != null) {
				checked.add(table.name() + " " + table.stagingTableName() + "." + table.keyColumn());
			}
		}
		assertThat(counted).hasSize(7).isEqualTo(checked);
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
