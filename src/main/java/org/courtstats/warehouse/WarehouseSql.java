package org.courtstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/**
 * A SQL file of {@code warehouse-sql/}, split into its statements. Statements end with a
 * semicolon at the end of a line.
 *
 * @param path path under {@code warehouse-sql/}, e.g. {@code load/fct_case.sql}
 * @param statements the statements, in order
 * @param lines the line of the file on which each statement's code begins
 */
record WarehouseSql(String path, List<String> statements, List<Integer> lines) {

	/**
	 * Where a statement is, for an operator to find it.
	 * @param index the statement's index in {@link #statements()}
	 * @return {@code warehouse-sql/<path>, line N}
	 */
	String location(int index) {
		return "warehouse-sql/" + this.path + ", line " + this.lines.get(index);
	}

	static WarehouseSql load(String path) {
		ClassPathResource resource = new ClassPathResource("warehouse-sql/" + path);
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("warehouse-sql/" + path + " is missing from the build", ex);
		}
		List<String> statements = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int firstCodeLine = 0;
		int lineNumber = 0;
		for (String line : text.split("\n", -1)) {
			lineNumber++;
			current.append(line).append('\n');
			if (firstCodeLine == 0 && !line.isBlank() && !line.strip().startsWith("--")) {
				firstCodeLine = lineNumber;
			}
			if (line.stripTrailing().endsWith(";")) {
				String statement = current.toString().strip();
				statements.add(statement.substring(0, statement.length() - 1));
				lines.add(firstCodeLine);
				current.setLength(0);
				firstCodeLine = 0;
			}
		}
		if (!current.toString().replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
			throw new IllegalStateException("warehouse-sql/" + path + " ends without a semicolon");
		}
		return new WarehouseSql(path, List.copyOf(statements), List.copyOf(lines));
	}

}
