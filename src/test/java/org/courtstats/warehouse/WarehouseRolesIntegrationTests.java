package org.courtstats.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles of the contract: {@code courtstats_loader} owns everything;
 * {@code courtstats_analyst} reads {@code warehouse}, {@code reporting},
 * {@code etl.rejected_row} and {@code etl.load_run}, and nothing else. Proved twice: by
 * logging in as a member of the analyst role, and from the catalogue for every object, so
 * that tables added later are covered.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class WarehouseRolesIntegrationTests {

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final List<String> SCHEMAS = List.of("etl", "staging", "warehouse", "reporting", "batch");

	static String url = TestWarehouse.newDatabase("roles");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	// Roles are cluster-wide and the test server is shared: one probe per test, dropped
	// after it.
	private final String probe = "analyst_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private Connection analyst;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@BeforeEach
	void logInAsAMemberOfTheAnalystRole() throws SQLException {
		String password = UUID.randomUUID().toString();
		this.jdbc
			.execute("create role " + this.probe + " login password '" + password + "' in role courtstats_analyst");
		Properties credentials = new Properties();
		credentials.setProperty("user", this.probe);
		credentials.setProperty("password", password);
		// The test URL names the superuser; the probe logs in with its own name.
		this.analyst = DriverManager.getConnection(url.replaceFirst("\\?.*$", ""), credentials);
	}

	@AfterEach
	void dropTheProbe() throws SQLException {
		if (this.analyst != null) {
			this.analyst.close();
		}
		this.jdbc.execute("drop role if exists " + this.probe);
	}

	@Test
	void theAnalystReadsEveryWarehouseTableEveryReportingViewAndTheTwoEtlTables() throws SQLException {
		// given
		List<String> readable = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'v', 'm', 'f')
				    and (n.nspname in ('warehouse', 'reporting') or (n.nspname, c.relname) in
				        (('etl', 'rejected_row'), ('etl', 'load_run')))
				order by 1""", String.class);

		// when
		List<String> refused = new ArrayList<>();
		for (String relation : readable) {
			String error = execute("select * from " + relation + " limit 1");
			if (error != null) {
				refused.add(relation + ": " + error);
			}
		}

		// then
		assertThat(query("select current_user || ' ' || pg_has_role(current_user, 'courtstats_analyst', 'member')"))
			.isEqualTo(this.probe + " true");
		assertThat(readable).as("the relations enumerated from the catalogue")
			.contains("warehouse.dim_date", "warehouse.dim_court", "warehouse.fct_case", "warehouse.fct_proceeding",
					"reporting.mpp_case_outcomes", "reporting.load_history", "etl.rejected_row", "etl.load_run");
		assertThat(refused).as("relations the analyst role should read but may not").isEmpty();
	}

	@Test
	void theAnalystWritesNothingCreatesNothingAndReadsNoStagingManifestOrJobRepository() {
		// given
		List<String> forbidden = new ArrayList<>();
		List<Map<String, Object>> warehouseTables = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) as relation,
				    (select format('%I', a.attname) from pg_attribute a
				     where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum limit 1) as col
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'warehouse' and c.relkind in ('r', 'p')
				order by 1""");
		for (Map<String, Object> table : warehouseTables) {
			String relation = (String) table.get("relation");
			forbidden.add("insert into " + relation + " default values");
			// = default: an identity column refuses any other value before privileges are
			// checked
			forbidden.add("update " + relation + " set " + table.get("col") + " = default");
			forbidden.add("delete from " + relation);
			forbidden.add("truncate " + relation);
		}
		List<String> unreadable = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'v', 'm', 'f')
				    and (n.nspname in ('staging', 'batch')
				        or (n.nspname = 'etl' and c.relname not in ('rejected_row', 'load_run')))
				order by 1""", String.class);
		unreadable.forEach((relation) -> forbidden.add("select * from " + relation + " limit 1"));
		SCHEMAS.forEach((schema) -> forbidden.add("create table " + schema + ".analyst_probe (id int)"));

		// when
		List<String> allowed = new ArrayList<>();
		for (String statement : forbidden) {
			String error = executeExpectingRefusal(statement);
			if (error != null) {
				allowed.add(statement + ": " + error);
			}
		}

		// then
		assertThat(warehouseTables).as("warehouse tables").hasSizeGreaterThanOrEqualTo(12);
		assertThat(unreadable).as("what the analyst may not read")
			.contains("etl.source_file", "staging.eoir_case", "staging.eoir_proceeding", "batch.batch_job_instance",
					"batch.batch_step_execution_context")
			.doesNotContain("etl.rejected_row", "etl.load_run");
		assertThat(allowed).as("statements the analyst role should be refused with 'permission denied'").isEmpty();
	}

	@Test
	void theCatalogueGrantsTheAnalystExactlyTheContract() {
		// given: every table and view of the courtstats schemas, and what the analyst may
		// do
		// with it. Column grants count: a readable column of etl.source_file is a leak.
		List<Map<String, Object>> relations = this.jdbc.queryForList("""
				select n.nspname as schema, format('%I.%I', n.nspname, c.relname) as relation,
				    n.nspname in ('warehouse', 'reporting')
				        or (n.nspname, c.relname) in (('etl', 'rejected_row'), ('etl', 'load_run')) as contract,
				    has_table_privilege('courtstats_analyst', c.oid, 'SELECT') as reads,
				    has_any_column_privilege('courtstats_analyst', c.oid, 'SELECT') as reads_a_column,
				    has_any_column_privilege('courtstats_analyst', c.oid, 'INSERT, UPDATE, REFERENCES')
				        or has_table_privilege('courtstats_analyst', c.oid, 'DELETE, TRUNCATE, TRIGGER') as writes
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				    and c.relkind in ('r', 'p', 'v', 'm', 'f')
				order by 2""");

		// when
		List<String> departures = new ArrayList<>();
		for (Map<String, Object> relation : relations) {
			boolean contract = (Boolean) relation.get("contract");
			if (contract && !(Boolean) relation.get("reads")) {
				departures.add(relation.get("relation") + ": SELECT not granted");
			}
			if (!contract && (Boolean) relation.get("reads_a_column")) {
				departures.add(relation.get("relation") + ": SELECT granted");
			}
			if ((Boolean) relation.get("writes")) {
				departures.add(relation.get("relation") + ": a write privilege granted");
			}
		}
		departures.addAll(this.jdbc.queryForList("""
				select format('%I.%I', sequence_schema, sequence_name) || ': a sequence privilege granted'
				from information_schema.sequences
				where sequence_schema in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				    and has_sequence_privilege('courtstats_analyst',
				        format('%I.%I', sequence_schema, sequence_name), 'SELECT, USAGE, UPDATE')
				union all
				select 'schema ' || nspname || ': '
				    || case when has_schema_privilege('courtstats_analyst', oid, 'CREATE') then 'CREATE granted'
				        when nspname in ('staging', 'batch') then 'USAGE granted' else 'USAGE not granted' end
				from pg_namespace
				where nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				    and (has_schema_privilege('courtstats_analyst', oid, 'CREATE')
				        or has_schema_privilege('courtstats_analyst', oid, 'USAGE') = (nspname in ('staging', 'batch')))
				""", String.class));

		// then
		assertThat(relations).extracting((relation) -> relation.get("schema")).containsAll(SCHEMAS);
		assertThat(relations).filteredOn((relation) -> (Boolean) relation.get("contract"))
			.extracting((relation) -> relation.get("relation"))
			.contains("warehouse.fct_proceeding", "reporting.mpp_case_outcomes", "etl.rejected_row", "etl.load_run")
			.doesNotContain("etl.source_file", "staging.eoir_case", "batch.batch_job_execution");
		assertThat(departures)
			.as("where the analyst role's privileges depart from the contract (fix afterMigrate__grants.sql)")
			.isEmpty();
	}

	@Test
	void theLoaderOwnsEverySchemaTableViewAndSequence() {
		List<String> objects = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) || ' (' || c.relkind::text || ')'
				    || case when c.relowner = 'courtstats_loader'::regrole then '' else ' owned by '
				        || c.relowner::regrole::text end
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				    and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
				union all
				select 'schema ' || nspname
				    || case when nspowner = 'courtstats_loader'::regrole then '' else ' owned by '
				        || nspowner::regrole::text end
				from pg_namespace where nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				order by 1""", String.class);

		assertThat(objects).as("objects checked")
			.contains("warehouse.fct_case (r)", "reporting.load_history (v)", "etl.source_file (r)",
					"batch.batch_job_execution_seq (S)", "schema batch");
		assertThat(objects).as("objects not owned by courtstats_loader (fix afterMigrate__grants.sql)")
			.filteredOn((object) -> object.contains(" owned by "))
			.isEmpty();
	}

	private String query(String sql) throws SQLException {
		try (Statement statement = this.analyst.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * Runs a statement as the analyst.
	 * @return null when it ran, else the error
	 */
	private String execute(String sql) {
		try (Statement statement = this.analyst.createStatement()) {
			statement.execute(sql);
			return null;
		}
		catch (SQLException ex) {
			return ex.getSQLState() + " " + ex.getMessage();
		}
	}

	/**
	 * Runs a statement the analyst must be refused.
	 * @return null when it was refused for lack of privilege, else what happened
	 */
	private String executeExpectingRefusal(String sql) {
		try (Statement statement = this.analyst.createStatement()) {
			statement.execute(sql);
			return "it ran";
		}
		catch (SQLException ex) {
			return INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()) ? null : ex.getSQLState() + " " + ex.getMessage();
		}
	}

}
