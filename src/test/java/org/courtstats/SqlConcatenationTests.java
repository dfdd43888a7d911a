package org.courtstats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL text is never built from a value that comes from input: in every concatenation
 * whose literals, joined, start a SQL statement (or a {@code where} clause), each other
 * expression (and each argument to the literal's {@code formatted}) is a constant or on
 * the allow-list below, each entry with why it is safe. Values go in as bind parameters
 * ({@code ?}).
 * <p>
 * The scan reads the source text, not the compiled code: it sees a concatenation in the
 * expression that holds the SQL literal, not SQL assembled in steps (a
 * {@code StringBuilder}, a variable holding a fragment concatenated later without a
 * literal), nor a literal whose first word is not SQL. It is a tripwire for the plain
 * case, which is how SQL is written here, and a review of each allowed entry.
 */
class SqlConcatenationTests {

	private static final Pattern SQL_START = Pattern.compile(
			"(?is)\\s*(select|insert|update|delete|copy|create|drop|alter|analyze|truncate|with|lock|call|grant|revoke"
					+ "|where)\\b.*");

	private static final Pattern CONSTANT = Pattern.compile("([A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*");

	/** File name to the expressions it may concatenate into SQL, and why each is safe. */
	private static final Map<String, Map<String, String>> ALLOWED = Map.of(
			// Identifiers the catalogue quotes (format('%I.%I', ...)) and names in the
			// code.
			"Releases.java",
			Map.of("table", "staging tables read from the catalogue, quoted by format('%I.%I')", "ofRelease",
					"a condition written in Releases (the rows of a release), binding the release key"),
			"WarehouseBuild.java", Map.of("table", "staging tables read from pg_tables, quoted by format('%I.%I')"),
			"CopyStagingWriter.java",
			Map.of("this.slice.table().name()", "a staging table named in the code (StagingTable)",
					"String.join(\", \",this.slice.table().copyColumns())", "columns named in the code (StagingTable)",
					"this.rows.copyOptions()", "a constant of CopyText or CopyBinary"),
			"JdbcBatchStagingWriter.java",
			Map.of("slice.table().name()", "a staging table named in the code (StagingTable)",
					"String.join(\", \",slice.table().copyColumns())", "columns named in the code (StagingTable)",
					"String.join(\", \",Collections.nCopies(columns,\"?\"))", "bind parameter markers only"),
			"LoadBenchmark.java",
			Map.of("name", "the benchmark's own scratch database names, constants of LoadBenchmark"), "RawCopy.java",
			Map.of("table", "raw_ and a file name reduced to [a-z0-9_] by RawCopy.tableName"), "WarehouseChecks.java",
			Map.of("check.sql()", "a query of warehouse-sql/checks/, shipped in the jar"),
			// A setting, not input: the embedded server's database name, quoted as an
			// identifier.
			"EmbeddedWarehouse.java", Map.of("this.settings.database().replace(\"\\\"\",\"\\\"\\\"\")",
					"courtstats.database.embedded.database, quoted as an identifier (create database binds nothing)"));

	@Test
	void noSqlTextIsConcatenatedWithAValueOutsideTheAllowList() throws IOException {
		// given
		List<Path> sources;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}

		// when
		Set<String> found = new TreeSet<>();
		Set<String> departures = new TreeSet<>();
		for (Path source : sources) {
			String file = source.getFileName().toString();
			for (String operand : concatenatedIntoSql(Files.readString(source))) {
				found.add(file + ": " + operand);
				if (!CONSTANT.matcher(operand).matches()
						&& !ALLOWED.getOrDefault(file, Map.of()).containsKey(operand)) {
					departures.add(source + ": SQL text built with " + operand
							+ " (make it a bind parameter, or add it to the allow-list saying why it is safe)");
				}
			}
		}
		Set<String> stale = new TreeSet<>();
		ALLOWED.forEach((file, operands) -> operands.keySet()
			.stream()
			.filter((operand) -> !found.contains(file + ": " + operand))
			.forEach((operand) -> stale.add(file + ": " + operand)));

		// then
		assertThat(sources).hasSizeGreaterThan(100);
		assertThat(found).as("what the scan sees (it would see these if they were input)")
			.contains("Releases.java: table", "WarehouseChecks.java: check.sql()", "RunHistory.java: RUNS");
		assertThat(departures).isEmpty();
		assertThat(stale).as("allow-list entries no longer used (remove them)").isEmpty();
	}

	@Test
	void theScanFindsAValueConcatenatedIntoSql() {
		String source = """
				class Dao {
				    void find(String name, String table) {
				        // "select " + commented
				        jdbc.queryForList("select * from warehouse.dim_court where court_name = '" + name + "'");
				        jdbc.update(\"""
				                delete from %s where id = ?
				                \""".formatted(table), 1);
				        jdbc.update("update etl.load_run set status = ? " + "where id = ?", "x", 1);
				        log.info("Loaded " + name + " from " + table);
				    }
				}
				""";

		assertThat(concatenatedIntoSql(source)).containsExactlyInAnyOrder("name", "table");
	}

	/**
	 * The non-literal expressions joined by {@code +} to a SQL literal, or given to its
	 * {@code formatted}, with the spaces taken out.
	 */
	static List<String> concatenatedIntoSql(String source) {
		List<String> tokens = tokens(source);
		List<String> operands = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			if (!isLiteral(tokens.get(i))) {
				i++;
				continue;
			}
			// The whole chain a + "b" + c around the literal, and its literals' text.
			int first = i;
			while (first > 0 && tokens.get(first - 1).equals("+")) {
				first = operandStart(tokens, first - 2);
			}
			List<List<String>> chain = new ArrayList<>();
			int j = first;
			while (true) {
				int end = operandEnd(tokens, j);
				chain.add(tokens.subList(j, end));
				if (end >= tokens.size() || !tokens.get(end).equals("+")) {
					j = end;
					break;
				}
				j = end + 1;
			}
			StringBuilder text = new StringBuilder();
			List<List<String>> values = new ArrayList<>();
			for (List<String> operand : chain) {
				if (operand.size() == 1 && isLiteral(operand.get(0))) {
					text.append(literalText(operand.get(0)));
				}
				else if (operand.size() > 3 && isLiteral(operand.get(0)) && operand.get(1).equals(".")
						&& operand.get(2).equals("formatted")) {
					text.append(literalText(operand.get(0)));
					values.addAll(arguments(operand.subList(4, operand.size() - 1)));
				}
				else {
					values.add(operand);
				}
			}
			if (SQL_START.matcher(text).matches()) {
				values.forEach((value) -> addOperand(operands, value));
			}
			i = Math.max(j, i + 1);
		}
		return operands;
	}

	private static List<List<String>> arguments(List<String> tokens) {
		List<List<String>> arguments = new ArrayList<>();
		int start = 0;
		while (start < tokens.size()) {
			int end = operandEnd(tokens, start);
			arguments.add(tokens.subList(start, end));
			start = end + 1;
		}
		return arguments;
	}

	private static void addOperand(List<String> operands, List<String> operand) {
		if (operand.size() == 1 && isLiteral(operand.get(0))) {
			return;
		}
		operands.add(String.join("", operand));
	}

	private static int operandEnd(List<String> tokens, int from) {
		int depth = 0;
		int i = from;
		for (; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (depth == 0 && (token.equals("+") || token.equals(",") || token.equals(")") || token.equals(";")
					|| token.equals("}") || token.equals("?") || token.equals(":"))) {
				break;
			}
			depth += token.equals("(") || token.equals("[") || token.equals("{") ? 1 : 0;
			depth -= token.equals(")") || token.equals("]") || token.equals("}") ? 1 : 0;
		}
		return i;
	}

	private static int operandStart(List<String> tokens, int from) {
		int depth = 0;
		int i = from;
		for (; i >= 0; i--) {
			String token = tokens.get(i);
			if (depth == 0 && (token.equals("+") || token.equals(",") || token.equals("(") || token.equals(";")
					|| token.equals("{") || token.equals("=") || token.equals("return") || token.equals("?")
					|| token.equals(":"))) {
				break;
			}
			depth += token.equals(")") || token.equals("]") ? 1 : 0;
			depth -= token.equals("(") || token.equals("[") ? 1 : 0;
		}
		return i + 1;
	}

	private static boolean isLiteral(String token) {
		return token.startsWith("\"");
	}

	private static String literalText(String token) {
		return token.startsWith("\"\"\"") ? token.substring(3) : token.substring(1);
	}

	/**
	 * Java tokens, comments dropped: literals whole, words whole, any other character
	 * alone.
	 */
	private static List<String> tokens(String source) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
			}
			else if (source.startsWith("/*", i)) {
				i = source.indexOf("*/", i + 2) + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				while (source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				tokens.add(source.substring(i, end + 3));
				i = end + 3;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (source.charAt(end) != c) {
					end += (source.charAt(end) == '\\') ? 2 : 1;
				}
				tokens.add(source.substring(i, end + 1));
				i = end + 1;
			}
			else if (Character.isJavaIdentifierPart(c)) {
				int end = i;
				while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
					end++;
				}
				tokens.add(source.substring(i, end));
				i = end;
			}
			else {
				if (!Character.isWhitespace(c)) {
					tokens.add(String.valueOf(c));
				}
				i++;
			}
		}
		return tokens;
	}

}
