package org.courtstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.PGConnection;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
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

	private static final String NOT_UPDATABLE_VIEW = "55000";

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
	void dropTheProbe() throws SQLException, InterruptedException {
		if (this.analyst != null) {
			this.analyst.close();
		}
		// The probe's server process drops its temporary tables as it exits, after the
		// connection is closed; until then they keep the role from being dropped.
		for (int wait = 0; wait < 100
				&& this.jdbc.queryForObject("select count(*) from pg_stat_activity where usename = ?", Integer.class,
						this.probe) > 0; wait++) {
			Thread.sleep(100);
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
				where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch') and c.relkind in ('r', 'p')
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
		List<String> views = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'reporting' and c.relkind in ('v', 'm')
				order by 1""", String.class);
		// A view PostgreSQL cannot write through refuses before privileges are checked
		// (55000); one it can (a plain select of one table) must refuse for lack of
		// privilege.
		List<String> viewWrites = new ArrayList<>();
		for (String view : views) {
			viewWrites.add("insert into " + view + " default values");
			viewWrites.add("delete from " + view);
		}
		List<String> unreadable = this.jdbc.queryForList("""
				select format('%I.%I', n.nspname, c.relname) from pg_class c
				join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'v', 'm', 'f')
				    and (n.nspname in ('staging', 'batch')
				        or (n.nspname = 'etl' and c.relname not in ('rejected_row', 'load_run')))
				order by 1""", String.class);
		unreadable.forEach((relation) -> forbidden.add("select * from " + relation + " limit 1"));
		forbidden.add("select * from public.flyway_schema_history limit 1");
		SCHEMAS.forEach((schema) -> forbidden.add("create table " + schema + ".analyst_probe (id int)"));
		forbidden.add("create table public.analyst_probe (id int)");
		forbidden.add("create view public.analyst_probe as select 1 as one");
		forbidden.add("create function public.analyst_probe() returns int language sql as 'select 1'");
		forbidden.add("create schema analyst_probe");

		// when
		List<String> allowed = new ArrayList<>();
		for (String statement : forbidden) {
			String error = executeExpectingRefusal(statement);
			if (error != null) {
				allowed.add(statement + ": " + error);
			}
		}
		for (String statement : viewWrites) {
			String error = executeExpectingRefusal(statement, NOT_UPDATABLE_VIEW);
			if (error != null) {
				allowed.add(statement + ": " + error);
			}
		}

		// then
		assertThat(warehouseTables).as("tables of the courtstats schemas")
			.extracting((table) -> table.get("relation"))
			.contains("warehouse.dim_date", "warehouse.fct_proceeding", "etl.rejected_row", "etl.load_run",
					"etl.source_file", "staging.eoir_case", "batch.batch_job_execution")
			.hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.jdbc.queryForObject("select to_regclass('public.flyway_schema_history') is not null",
				Boolean.class))
			.as("Flyway's history table, in schema public")
			.isTrue();
		assertThat(views).as("reporting views").contains("reporting.mpp_case_outcomes", "reporting.load_history");
		assertThat(unreadable).as("what the analyst may not read")
			.contains("etl.source_file", "staging.eoir_case", "staging.eoir_proceeding", "batch.batch_job_instance",
					"batch.batch_step_execution_context")
			.doesNotContain("etl.rejected_row", "etl.load_run");
		assertThat(allowed).as("statements the analyst role should be refused with 'permission denied'").isEmpty();
	}

	@Test
	void theCatalogueGrantsTheAnalystExactlyTheContract() {
		// given: every table and view of the courtstats schemas, and what the analyst may
		// do with it. Column grants count: a readable column of etl.source_file is a
		// leak.
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
	void theAnalystCallsNoRoutineThatWritesCopiesNoRowInAndTouchesNoServerFile() throws Exception {
		// given: the load's procedure, and COPY to and from the server's files and
		// programs
		List<String> refusals = List.of(
				"call warehouse.soft_delete_absent('warehouse.fct_case', 'case_id', 'A_TblCase', 1, 'warehouse.fct_case')",
				"copy warehouse.dim_date from '/etc/hostname'", "copy etl.load_run to '/tmp/analyst_probe.txt'",
				"copy (select 1) to program 'true'", "set role courtstats_loader");

		// when
		List<String> allowed = new ArrayList<>();
		for (String statement : refusals) {
			String error = executeExpectingRefusal(statement);
			if (error != null) {
				allowed.add(statement + ": " + error);
			}
		}
		for (String table : List.of("warehouse.dim_date", "etl.rejected_row", "etl.load_run")) {
			String error = copyInExpectingRefusal("copy " + table + " from stdin (format csv)");
			if (error != null) {
				allowed.add("copy " + table + " from stdin: " + error);
			}
		}

		// then
		assertThat(allowed).as("statements the analyst role should be refused with 'permission denied'").isEmpty();
		assertThat(query("select warehouse.date_key(date '2019-10-01')::text"))
			.as("the immutable helpers stay callable")
			.isEqualTo("20191001");
	}

	@Test
	void theAnalystKeepsTemporaryTablesOfItsOwnSession() throws SQLException {
		// Decided: analysts' tools (dbplyr's compute(), DBeaver, notebooks) keep
		// intermediate results in temporary tables. They live in the session's own
		// schema, vanish with it, and no other session sees them, so nothing shared is
		// written.
		assertThat(execute("create temp table analyst_scratch as select * from reporting.load_history")).isNull();
		assertThat(query("select count(*)::text from pg_class where relname = 'analyst_scratch' "
				+ "and relnamespace = pg_my_temp_schema()"))
			.isEqualTo("1");
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
								+ "where c.relname = 'analyst_scratch' and n.nspname not like 'pg_temp%'",
						Integer.class))
			.as("outside a temporary schema")
			.isZero();
	}

	@Test
	void theGrantsTakeBackCreateOnSchemaPublicAndExecuteOnRoutinesThatWrite() throws Exception {
		// given: a database created before PostgreSQL 15, where everyone creates in
		// public,
		// and a procedure added later that everyone may execute, as PostgreSQL grants
		this.jdbc.execute("grant create on schema public to public");
		this.jdbc.execute("create procedure warehouse.analyst_probe_writes() language sql as 'select 1'");
		this.jdbc.execute("create function warehouse.analyst_probe_volatile() returns int language sql "
				+ "volatile as 'select 1'");
		assertThat(executeExpectingRefusal("create table public.analyst_probe (id int)")).isEqualTo("it ran");
		execute("drop table public.analyst_probe");

		// when: the grants run again, as after every migration
		try (InputStream grants = new ClassPathResource("warehouse-sql/migrations/afterMigrate__grants.sql")
			.getInputStream()) {
			this.jdbc.execute(new String(grants.readAllBytes(), StandardCharsets.UTF_8));
		}

		// then
		try {
			assertThat(executeExpectingRefusal("create table public.analyst_probe (id int)")).isNull();
			assertThat(executeExpectingRefusal("call warehouse.analyst_probe_writes()")).isNull();
			assertThat(executeExpectingRefusal("select warehouse.analyst_probe_volatile()")).isNull();
		}
		finally {
			this.jdbc.execute("drop procedure warehouse.analyst_probe_writes()");
			this.jdbc.execute("drop function warehouse.analyst_probe_volatile()");
		}
	}

	@Test
	void noRoutineRunsWithTheLoadersRightsAndTheAnalystExecutesOnlyThoseThatCannotWrite() {
		List<Map<String, Object>> routines = this.jdbc.queryForList("""
				select p.oid::regprocedure::text as routine, p.prosecdef as definer,
				    p.prokind = 'p' or p.provolatile = 'v' as may_write,
				    has_function_privilege('courtstats_analyst', p.oid, 'EXECUTE') as executes
				from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				where n.nspname in ('etl', 'staging', 'warehouse', 'reporting', 'batch')
				order by 1""");

		assertThat(routines).extracting((routine) -> routine.get("routine"))
			.contains("warehouse.soft_delete_absent(regclass,text,text,bigint,regclass)", "warehouse.date_key(date)");
		assertThat(routines).as("security definer routines (they would run with the loader's rights)")
			.filteredOn((routine) -> (Boolean) routine.get("definer"))
			.isEmpty();
		assertThat(routines).as("procedures and volatile functions the analyst may execute")
			.filteredOn((routine) -> (Boolean) routine.get("may_write") && (Boolean) routine.get("executes"))
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

	/**
	 * Copies one row in as the analyst, as psql's {@code \copy} or a client's COPY would.
	 * @return null when it was refused for lack of privilege, else what happened
	 */
	private String copyInExpectingRefusal(String sql) throws IOException {
		try {
			this.analyst.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader("1\n"));
			return "it ran";
		}
		catch (SQLException ex) {
			return INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()) ? null : ex.getSQLState() + " " + ex.getMessage();
		}
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
	 * @param otherRefusals SQL states that also count as a refusal
	 * @return null when it was refused for lack of privilege, else what happened
	 */
	private String executeExpectingRefusal(String sql, String... otherRefusals) {
		try (Statement statement = this.analyst.createStatement()) {
			statement.execute(sql);
			return "it ran";
		}
		catch (SQLException ex) {
			return (INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())
					|| List.of(otherRefusals).contains(ex.getSQLState())) ? null
							: ex.getSQLState() + " " + ex.getMessage();
		}
	}

}
