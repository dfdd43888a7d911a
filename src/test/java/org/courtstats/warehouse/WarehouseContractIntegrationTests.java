package org.courtstats.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table, view and required column the warehouse contract
 * ({@code ../shared/spec/warehouse.md}) lists exists under its name, read from the
 * contract itself so that the two cannot drift apart.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class WarehouseContractIntegrationTests {

	private static final Path CONTRACT = Path.of("../shared/spec/warehouse.md");

	/** dim_date's columns, which its table row gives "as above" (the conventions). */
	private static final List<String> DATE_COLUMNS = List.of("date_key", "full_date", "calendar_year", "calendar_month",
			"fiscal_year", "fiscal_month", "fiscal_quarter");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([a-z_.]+)`\\s*\\|([^|]*)\\|(.*)\\|\\s*$");

	private static final Pattern OPERATIONAL = Pattern.compile("^- `(etl\\.[a-z_]+)`:[^`]*`([^`]+)`");

	private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

	private static final Pattern LEADING_NAME = Pattern.compile("^\\s*([a-z_][a-z0-9_]*)");

	static String url = TestWarehouse.newDatabase("contract");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void everyTableViewAndColumnTheContractListsExists() throws IOException {
		// given
		assertThat(CONTRACT).as("the warehouse contract, beside the project").isRegularFile();
		Map<String, List<String>> contract = requiredColumns(Files.readAllLines(CONTRACT));

		// when
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, List<String>> relation : contract.entrySet()) {
			List<String> columns = this.jdbc.queryForList("""
					select column_name from information_schema.columns
					where table_schema || '.' || table_name = ?""", String.class, relation.getKey());
			if (columns.isEmpty()) {
				missing.add(relation.getKey());
				continue;
			}
			relation.getValue()
				.stream()
				.filter((column) -> !columns.contains(column))
				.forEach((column) -> missing.add(relation.getKey() + "." + column));
		}

		// then
		assertThat(contract).as("relations read from the contract")
			.hasSizeGreaterThanOrEqualTo(27)
			.containsKeys("warehouse.dim_release", "warehouse.fct_application", "reporting.asylum_decisions",
					"etl.rejected_row", "warehouse.fct_border_statistic", "warehouse.fct_encounter",
					"reporting.mpp_returns_by_month", "reporting.encounters_by_month");
		assertThat(contract.get("warehouse.fct_hearing")).contains("schedule_id", "adjournment_reason_code");
		assertThat(missing).as("relations and columns the contract lists that the warehouse lacks").isEmpty();
	}

	/**
	 * The relations of the contract's tables (dimensions, facts, reporting views) and
	 * operational bullets, each with the columns it requires.
	 */
	private static Map<String, List<String>> requiredColumns(List<String> lines) {
		Map<String, List<String>> relations = new LinkedHashMap<>();
		String section = "";
		for (String line : lines) {
			if (line.startsWith("## ")) {
				section = line;
				continue;
			}
			Matcher row = TABLE_ROW.matcher(line);
			if (row.matches() && (section.contains("Dimensions") || section.contains("Facts")
					|| section.contains("Reporting views"))) {
				String name = row.group(1);
				String relation = name.contains(".") ? name : "warehouse." + name;
				List<String> columns = name.equals("dim_date") ? DATE_COLUMNS : columnNames(row.group(3));
				relations.put(relation, columns);
			}
			Matcher bullet = OPERATIONAL.matcher(line);
			if (bullet.find() && section.contains("Operational")) {
				// A bullet that names no column list (etl.load_run: "its counts")
				// requires the relation only.
				boolean listsColumns = bullet.group(2).contains(",");
				relations.put(bullet.group(1), listsColumns ? columnNames("`" + bullet.group(2) + "`") : List.of());
			}
		}
		return relations;
	}

	/**
	 * The column names of a contract cell: the backticked lists, split on the commas
	 * outside parentheses, each name before its note ({@code source ('eoir', ...)}).
	 */
	private static List<String> columnNames(String cell) {
		List<String> names = new ArrayList<>();
		Matcher lists = BACKTICKED.matcher(cell);
		while (lists.find()) {
			int depth = 0;
			StringBuilder part = new StringBuilder();
			for (char c : (lists.group(1) + ",").toCharArray()) {
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				if (c == ',' && depth == 0) {
					Matcher name = LEADING_NAME.matcher(part);
					if (name.find()) {
						names.add(name.group(1));
					}
					part.setLength(0);
				}
				else {
					part.append(c);
				}
			}
		}
		return names;
	}

}
