package org.courtstats.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseSqlTests {

	@Test
	void everyLoadFileSplitsIntoStatementsThatNameTheirRelease() {
		for (String target : WarehouseBuild.EOIR_TARGETS) {
			WarehouseSql sql = WarehouseSql.load("load/" + target + ".sql");

			assertThat(sql.statements()).as(target).isNotEmpty();
			assertThat(sql.statements()).as(target)
				.allSatisfy((statement) -> assertThat(statement).doesNotEndWith(";"));
			// A file names its release, or reads what the release's used_code holds.
			assertThat(String.join("\n", sql.statements())).as(target).containsAnyOf(":release_key", "used_code");
		}
	}

	@Test
	void eachStatementIsLocatedAtTheLineWhereItsCodeBegins() throws IOException {
		for (String source : List.of("eoir", "ohss", "cbp")) {
			for (String target : WarehouseBuild.targets(source)) {
				WarehouseSql sql = WarehouseSql.load("load/" + target + ".sql");
				List<String> fileLines = Files.readAllLines(Path.of("warehouse-sql/load/" + target + ".sql"));
				assertThat(sql.lines()).as(target).hasSameSizeAs(sql.statements()).isSorted().doesNotHaveDuplicates();
				for (int i = 0; i < sql.statements().size(); i++) {
					String firstCode = sql.statements()
						.get(i)
						.lines()
						.filter((line) -> !line.isBlank() && !line.strip().startsWith("--"))
						.findFirst()
						.orElseThrow();
					assertThat(sql.location(i))
						.isEqualTo("warehouse-sql/load/" + target + ".sql, line " + sql.lines().get(i));
					assertThat(fileLines.get(sql.lines().get(i) - 1).strip().replaceFirst(";$", "")).as(sql.location(i))
						.isEqualTo(firstCode.strip());
				}
			}
		}
	}

	@Test
	void everyCheckIsAboutATableSomeSourceLoadsSoThatItRuns() throws IOException {
		List<String> loaded = Stream.of("eoir", "ohss", "cbp")
			.flatMap((source) -> WarehouseBuild.targets(source).stream())
			.toList();
		try (Stream<Path> checks = Files.list(Path.of("warehouse-sql/checks"))) {
			List<String> tables = checks.map((file) -> file.getFileName().toString())
				.map((name) -> name.substring(0, name.indexOf("__")))
				.distinct()
				.toList();
			assertThat(tables).contains("fct_case", "fct_border_statistic", "fct_encounter", "etl_source_file");
			// An etl_source_file check is about the delivered files, and runs for every
			// source.
			assertThat(loaded)
				.containsAll(tables.stream().filter((table) -> !table.equals("etl_source_file")).toList());
		}
		for (String source : List.of("ohss", "cbp")) {
			for (String target : WarehouseBuild.targets(source)) {
				assertThat(String.join("\n", WarehouseSql.load("load/" + target + ".sql").statements())).as(target)
					.contains(":release_key");
			}
		}
	}

	@Test
	void theDimensionsAreBuiltBeforeTheFactsThatPointAtThem() {
		assertThat(WarehouseBuild.EOIR_TARGETS.indexOf("dim_hearing_location"))
			.isLessThan(WarehouseBuild.EOIR_TARGETS.indexOf("int_case_mpp"));
		assertThat(WarehouseBuild.EOIR_TARGETS.indexOf("int_case_mpp"))
			.isLessThan(WarehouseBuild.EOIR_TARGETS.indexOf("fct_case"));
		List<String> targets = WarehouseBuild.EOIR_TARGETS;
		int lastDimension = targets.stream()
			.filter((t) -> t.startsWith("dim_"))
			.mapToInt(targets::indexOf)
			.max()
			.getAsInt();
		int firstFact = targets.stream()
			.filter((t) -> t.startsWith("fct_"))
			.mapToInt(targets::indexOf)
			.min()
			.getAsInt();
		assertThat(lastDimension).isLessThan(firstFact);
		assertThat(targets.indexOf("int_first_representation")).as("proceedings look up their representation")
			.isGreaterThanOrEqualTo(0)
			.isLessThan(targets.indexOf("fct_proceeding"));
		assertThat(targets.indexOf("fct_proceeding")).as("applications take their proceeding's decision date")
			.isLessThan(targets.indexOf("fct_application"));
		assertThat(targets.indexOf("dedup_same_key")).as("the facts leave out the lines a later one repeats")
			.isGreaterThanOrEqualTo(0)
			.isLessThan(firstFact)
			.isLessThan(targets.indexOf("int_case_mpp"));
		assertThat(targets.get(targets.size() - 1)).as("dedup decisions record what the facts collapsed")
			.isEqualTo("dedup_decision");
	}

	@Test
	void everyFactWhoseIndexesAreSetAsideBuildsThemAgainInTheSameFile() throws IOException {
		// Indexes set aside and never restored would be gone for good once the
		// publication commits.
		Pattern call = Pattern.compile("call warehouse\\.(set_indexes_aside|restore_indexes)\\('([^']+)'\\)");
		int setAside = 0;
		try (Stream<Path> files = Files.list(Path.of("warehouse-sql/load"))) {
			for (Path file : files.sorted().toList()) {
				List<String> open = new ArrayList<>();
				Matcher matcher = call.matcher(Files.readString(file));
				while (matcher.find()) {
					if (matcher.group(1).equals("set_indexes_aside")) {
						open.add(matcher.group(2));
						setAside++;
					}
					else {
						assertThat(open.remove(matcher.group(2)))
							.as(file + ": restores " + matcher.group(2) + " without setting its indexes aside before")
							.isTrue();
					}
				}
				assertThat(open).as(file + ": indexes set aside and not restored").isEmpty();
			}
		}
		assertThat(setAside).as("the EOIR facts set their indexes aside").isEqualTo(6);
	}

}
