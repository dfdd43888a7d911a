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
 */
record WarehouseSql(String path, List<String> statements) {

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
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			current.append(line).append('\n');
			if (line.stripTrailing().endsWith(";")) {
				String statement = current.toString().strip();
				statements.add(statement.substring(0, statement.length() - 1));
				current.setLength(0);
			}
		}
		if (!current.toString().replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
			throw new IllegalStateException("warehouse-sql/" + path + " ends without a semicolon");
		}
		return new WarehouseSql(path, List.copyOf(statements));
	}

}
