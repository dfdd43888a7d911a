package org.courtstats.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the data dictionary from the warehouse catalogue: the {@code COMMENT ON} text of
 * every table and view analysts may read, and of their columns.
 */
@Component
public class DataDictionary {

	/** The schemas analysts read whole, in the order the dictionary lists them. */
	private static final List<String> ANALYST_SCHEMAS = List.of("warehouse", "reporting");

	/**
	 * The tables of {@code etl} analysts may read as well (see afterMigrate__grants.sql).
	 */
	private static final List<String> ANALYST_ETL_TABLES = List.of("etl.load_run", "etl.rejected_row");

	private final JdbcTemplate jdbc;

	public DataDictionary(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The documented schemas, each with its tables and views: in each schema dimensions,
	 * then facts, then other tables, then views, each group by name; columns in table
	 * order. Partitions are left out: their parent carries the text.
	 * @return warehouse, reporting, then etl (its analyst-readable tables only)
	 */
	public List<Schema> read() {
		Map<String, String> schemaComments = new LinkedHashMap<>();
		this.jdbc.query("""
				select n.nspname, obj_description(n.oid, 'pg_namespace')
				from pg_namespace n
				where n.nspname = any (?)
				""", (rs) -> {
			schemaComments.put(rs.getString(1), rs.getString(2));
		}, (Object) schemaOrder());
		Map<String, Map<String, RelationBuilder>> relations = new LinkedHashMap<>();
		for (String schema : schemaOrder()) {
			relations.put(schema, new LinkedHashMap<>());
		}
		this.jdbc.query("""
				select n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'),
				    a.attname, format_type(a.atttypid, a.atttypmod), not a.attnotnull, col_description(c.oid, a.attnum)
				from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				where c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
				    and (n.nspname = any (?) or n.nspname || '.' || c.relname = any (?))
				order by array_position(?, n.nspname::text),
				    case when c.relkind in ('v', 'm') then 3
				        when c.relname like 'dim\\_%' then 0
				        when c.relname like 'fct\\_%' then 1
				        else 2 end,
				    c.relname, a.attnum
				""", (rs) -> {
			String schema = rs.getString(1);
			String kind = kind(rs.getString(3));
			String comment = rs.getString(4);
			RelationBuilder relation = relations.get(schema)
				.computeIfAbsent(rs.getString(2), (name) -> new RelationBuilder(schema, name, kind, comment));
			relation.columns.add(new Column(rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8)));
		}, ANALYST_SCHEMAS.toArray(String[]::new), ANALYST_ETL_TABLES.toArray(String[]::new), schemaOrder());
		List<Schema> schemas = new ArrayList<>();
		for (Map.Entry<String, Map<String, RelationBuilder>> schema : relations.entrySet()) {
			if (schemaComments.containsKey(schema.getKey())) {
				schemas.add(new Schema(schema.getKey(), schemaComments.get(schema.getKey()),
						schema.getValue().values().stream().map(RelationBuilder::build).toList()));
			}
		}
		return schemas;
	}

	private static String[] schemaOrder() {
		List<String> order = new ArrayList<>(ANALYST_SCHEMAS);
		order.add("etl");
		return order.toArray(String[]::new);
	}

	private static String kind(String relkind) {
		return switch (relkind) {
			case "v" -> "view";
			case "m" -> "materialized view";
			case "f" -> "foreign table";
			default -> "table";
		};
	}

	private static final class RelationBuilder {

		private final String schema;

		private final String name;

		private final String kind;

		private final String comment;

		private final List<Column> columns = new ArrayList<>();

		RelationBuilder(String schema, String name, String kind, String comment) {
			this.schema = schema;
			this.name = name;
			this.kind = kind;
			this.comment = comment;
		}

		Relation build() {
			return new Relation(this.schema, this.name, this.kind, this.comment, List.copyOf(this.columns));
		}

	}

	/**
	 * A documented schema.
	 *
	 * @param name the schema
	 * @param comment its {@code COMMENT ON} text, or null
	 * @param relations its tables and views analysts read, in dictionary order
	 */
	public record Schema(String name, String comment, List<Relation> relations) {
	}

	/**
	 * A documented table or view.
	 *
	 * @param schema its schema
	 * @param name its name
	 * @param kind table, view, materialized view or foreign table
	 * @param comment its {@code COMMENT ON} text, or null
	 * @param columns its columns in table order
	 */
	public record Relation(String schema, String name, String kind, String comment, List<Column> columns) {

		/**
		 * The name analysts type.
		 * @return {@code schema.name}
		 */
		public String qualifiedName() {
			return this.schema + "." + this.name;
		}

	}

	/**
	 * A documented column.
	 *
	 * @param name the column
	 * @param type its type as PostgreSQL spells it ({@code numeric(7,4)},
	 * {@code character varying(10)})
	 * @param nullable whether it may hold null (always true for a view's column)
	 * @param comment its {@code COMMENT ON} text, or null
	 */
	public record Column(String name, String type, boolean nullable, String comment) {
	}

}
