package org.courtstats.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What analysts would see of a warehouse, row by row, comparable between two databases
 * loaded from the same delivery: every table of schema {@code warehouse} (found in the
 * catalog) and the row count of every {@code reporting} view.
 * <p>
 * Surrogate keys come from sequences, which a rolled-back transaction still advances, so
 * a warehouse loaded after a crash may number its dimension rows differently from a clean
 * one and still say the same. A row is therefore compared without its own identity
 * column, with each {@code *_key} column that points at another table's identity column
 * replaced by the row it points at, and without the columns that record when or by which
 * run it was written ({@code timestamp} columns, {@code job_execution_id}).
 */
final class WarehouseComparison {

	private WarehouseComparison() {
	}

	/**
	 * A warehouse's rows and views.
	 *
	 * @param rows per table, the sorted md5 of each row as compared
	 * @param viewRows per reporting view, its row count
	 */
	record Snapshot(Map<String, List<String>> rows, Map<String, Long> viewRows) {

		long rowCount() {
			return this.rows.values().stream().mapToLong(List::size).sum();
		}

	}

	/**
	 * How a warehouse differs from the clean one.
	 *
	 * @param lost rows of the clean warehouse it lacks
	 * @param duplicated rows it has beyond the clean warehouse's
	 * @param tables the tables that differ, with their lost and extra rows
	 * @param views the reporting views whose row counts differ
	 */
	record Difference(long lost, long duplicated, Map<String, String> tables, Map<String, String> views) {

		boolean none() {
			return this.lost == 0 && this.duplicated == 0 && this.tables.isEmpty() && this.views.isEmpty();
		}

	}

	static Snapshot take(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList(
				"select tablename from pg_tables where schemaname = 'warehouse' order by tablename", String.class);
		Map<String, String> identityTables = new HashMap<>();
		Map<String, List<Column>> columns = new HashMap<>();
		for (String table : tables) {
			List<Column> tableColumns = jdbc.query("""
					select a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> ''
					from pg_attribute as a
					where a.attrelid = ('warehouse.' || quote_ident(?))::regclass and a.attnum > 0
					    and not a.attisdropped
					order by a.attnum
					""", (rs, row) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)), table);
			columns.put(table, tableColumns);
			tableColumns.stream()
				.filter(Column::identity)
				.forEach((column) -> identityTables.put(column.name(), table));
		}
		Map<String, List<String>> rows = new TreeMap<>();
		for (String table : tables) {
			List<String> parts = new ArrayList<>();
			for (Column column : columns.get(table)) {
				if (column.identity() || column.volatileValue()) {
					continue;
				}
				String target = referencedTable(column.name(), table, identityTables);
				if (column.name().equals("source_file_id")) {
					parts.add("coalesce((select f.source || '|' || f.release_label || '|' || f.relative_path "
							+ "from etl.source_file as f where f.source_file_id = t.source_file_id), '\\N')");
				}
				else if (target == null) {
					parts.add("coalesce(t." + quote(column.name()) + "::text, '\\N')");
				}
				else {
					String key = identityColumn(target, columns);
					parts.add("coalesce((select " + plainRow(target, columns, identityTables) + " from warehouse."
							+ quote(target) + " as d where d." + quote(key) + " = t." + quote(column.name())
							+ "), 'missing ' || t." + quote(column.name()) + "::text, '\\N')");
				}
			}
			String row = parts.isEmpty() ? "''" : String.join(" || '|' || ", parts);
			rows.put(table, jdbc.queryForList(
					"select md5(" + row + ") as r from warehouse." + quote(table) + " as t order by r", String.class));
		}
		Map<String, Long> views = new TreeMap<>();
		for (String view : jdbc.queryForList(
				"select viewname from pg_views where schemaname = 'reporting' and viewname <> 'load_history' "
						+ "union select matviewname from pg_matviews where schemaname = 'reporting' order by 1",
				String.class)) {
			views.put(view, jdbc.queryForObject("select count(*) from reporting." + quote(view), Long.class));
		}
		return new Snapshot(rows, views);
	}

	static Difference compare(Snapshot clean, Snapshot other) {
		long lost = 0;
		long duplicated = 0;
		Map<String, String> tables = new TreeMap<>();
		for (String table : union(clean.rows().keySet(), other.rows().keySet())) {
			Map<String, Integer> counts = new HashMap<>();
			clean.rows().getOrDefault(table, List.of()).forEach((row) -> counts.merge(row, 1, Integer::sum));
			other.rows().getOrDefault(table, List.of()).forEach((row) -> counts.merge(row, -1, Integer::sum));
			long tableLost = counts.values().stream().filter((n) -> n > 0).mapToLong(Integer::longValue).sum();
			long tableExtra = -counts.values().stream().filter((n) -> n < 0).mapToLong(Integer::longValue).sum();
			if (tableLost + tableExtra > 0) {
				tables.put(table, tableLost + " lost, " + tableExtra + " extra");
			}
			lost += tableLost;
			duplicated += tableExtra;
		}
		Map<String, String> views = new TreeMap<>();
		for (String view : union(clean.viewRows().keySet(), other.viewRows().keySet())) {
			Long expected = clean.viewRows().get(view);
			Long actual = other.viewRows().get(view);
			if (expected == null || !expected.equals(actual)) {
				views.put(view, actual + " rows instead of " + expected);
			}
		}
		return new Difference(lost, duplicated, tables, views);
	}

	private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
		java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
		all.addAll(b);
		return new ArrayList<>(all);
	}

	/**
	 * The table whose identity column a {@code *_key} column points at: named the same,
	 * or ending with it ({@code deleted_in_release_key} → {@code release_key}).
	 */
	private static String referencedTable(String column, String table, Map<String, String> identityTables) {
		if (!column.endsWith("_key")) {
			return null;
		}
		String best = null;
		for (String key : identityTables.keySet()) {
			boolean matches = column.equals(key) || column.endsWith("_" + key);
			if (matches && !identityTables.get(key).equals(table) && (best == null || key.length() > best.length())) {
				best = key;
			}
		}
		return (best != null) ? identityTables.get(best) : null;
	}

	private static String identityColumn(String table, Map<String, List<Column>> columns) {
		return columns.get(table).stream().filter(Column::identity).findFirst().orElseThrow().name();
	}

	/** A referenced row as text: its own values, without keys, times or runs. */
	private static String plainRow(String table, Map<String, List<Column>> columns,
			Map<String, String> identityTables) {
		List<String> parts = columns.get(table)
			.stream()
			.filter((column) -> !column.identity() && !column.volatileValue()
					&& referencedTable(column.name(), table, identityTables) == null)
			.map((column) -> "coalesce(d." + quote(column.name()) + "::text, '\\N')")
			.toList();
		return parts.isEmpty() ? "''" : String.join(" || '|' || ", parts);
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private record Column(String name, String type, boolean identity) {

		boolean volatileValue() {
			return this.type.startsWith("timestamp") || this.name.equals("job_execution_id")
					|| this.name.equals("row_hash");
		}

	}

}
