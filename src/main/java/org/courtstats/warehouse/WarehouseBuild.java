package org.courtstats.warehouse;

import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Integrates a staged release into the warehouse by running the set-based statements of
 * {@code warehouse-sql/load/}, dimensions first, in the caller's transaction. Running it
 * again over the same staging gives the same warehouse.
 */
public class WarehouseBuild {

	/** The load files, in the order their targets depend on each other. */
	static final List<String> EOIR_TARGETS = List.of("used_code", "dim_date", "dim_nationality", "dim_language",
			"dim_court", "dim_hearing_location", "dim_judge", "dim_case_type", "dim_custody", "dim_decision",
			"dim_case_identifier", "dim_application_type", "dim_application_decision", "dim_adjournment_reason",
			"dim_charge", "dedup_same_key", "int_case_mpp", "int_first_representation", "fct_case", "fct_proceeding",
			"fct_hearing", "fct_application", "fct_charge", "fct_custody_period", "dedup_decision");

	/** The load files of a DHS OHSS edition. */
	static final List<String> OHSS_TARGETS = List.of("used_code", "dim_nationality", "fct_border_statistic");

	/** The load files of a CBP encounters file. */
	static final List<String> CBP_TARGETS = List.of("used_code", "dim_nationality", "fct_encounter");

	/**
	 * The load files of a source, in the order they run.
	 * @param source eoir, ohss or cbp
	 * @return the targets (load file names without .sql)
	 */
	static List<String> targets(String source) {
		return switch (source) {
			case "eoir" -> EOIR_TARGETS;
			case "ohss" -> OHSS_TARGETS;
			case "cbp" -> CBP_TARGETS;
			default -> throw new IllegalArgumentException("No load files for source " + source);
		};
	}

	private static final Logger logger = LoggerFactory.getLogger(WarehouseBuild.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final List<WarehouseSql> eoirScripts;

	private final List<WarehouseSql> ohssScripts;

	private final List<WarehouseSql> cbpScripts;

	/** A statement still running is logged every 30 seconds. */
	private final StatementHeartbeat heartbeat = new StatementHeartbeat(Duration.ofSeconds(30));

	public WarehouseBuild(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.eoirScripts = scripts(EOIR_TARGETS);
		this.ohssScripts = scripts(OHSS_TARGETS);
		this.cbpScripts = scripts(CBP_TARGETS);
	}

	private static List<WarehouseSql> scripts(List<String> targets) {
		return targets.stream().map((target) -> WarehouseSql.load("load/" + target + ".sql")).toList();
	}

	/**
	 * Builds the dimensions and facts of an EOIR release from its staged rows.
	 * @param releaseKey the release
	 * @param asOfDate the date the release describes (dates type 2 dimension versions)
	 */
	public void buildEoirRelease(long releaseKey, LocalDate asOfDate) {
		run(this.eoirScripts, releaseKey, asOfDate);
	}

	/**
	 * Adds the cells of a staged DHS OHSS edition to {@code fct_border_statistic} and
	 * marks, cell by cell, the newest edition's values.
	 * @param releaseKey the edition
	 * @param asOfDate the last day of the month the edition runs to
	 */
	public void buildOhssEdition(long releaseKey, LocalDate asOfDate) {
		run(this.ohssScripts, releaseKey, asOfDate);
	}

	/**
	 * Loads the rows of a staged CBP encounters file into {@code fct_encounter}: each
	 * fiscal year it covers is replaced, unless a newer file holds that year.
	 * @param releaseKey the file's release
	 * @param asOfDate the last day of the last month the file covers
	 */
	public void buildCbpFile(long releaseKey, LocalDate asOfDate) {
		run(this.cbpScripts, releaseKey, asOfDate);
	}

	private void run(List<WarehouseSql> scripts, long releaseKey, LocalDate asOfDate) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("release_key", releaseKey)
			.addValue("as_of_date", asOfDate, Types.DATE);
		analyzeStaging();
		// Just-in-time compilation of these plans costs seconds and saves little on
		// set-based inserts.
		this.jdbc.getJdbcTemplate().execute("set local jit = off");
		// The working tables (create table ... as select) resolve millions of rows with
		// no sort: the planner may share their scan and joins with parallel workers,
		// which see this transaction's uncommitted rows, while the inserts and updates
		// stay on this backend.
		WarehouseChecks.PARALLEL_COSTS.forEach((name, value) -> this.jdbc.getJdbcTemplate()
			.queryForObject("select set_config(?, ?, true)", String.class, name, value));
		for (WarehouseSql script : scripts) {
			long started = System.nanoTime();
			int rows = 0;
			for (int i = 0; i < script.statements().size(); i++) {
				String statement = script.statements().get(i);
				// The rows the file's statements insert, update or delete,
				// its bookkeeping in etl included: a call reports no row
				// count (-1), and a working table's rows are not the
				// warehouse's.
				int changed;
				try (StatementHeartbeat.Beat beat = this.heartbeat.start(script.location(i))) {
					changed = this.jdbc.update(statement, parameters);
				}
				catch (RuntimeException ex) {
					throw new WarehouseSqlException(script.location(i), ex);
				}
				if (!createsTable(statement)) {
					rows += Math.max(0, changed);
				}
			}
			logger.info("{}: {} {} written in {} ms", script.path(), rows, (rows == 1) ? "row" : "rows",
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	private static boolean createsTable(String statement) {
		String code = statement.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("--"))
			.findFirst()
			.orElse("");
		return code.regionMatches(true, 0, "create ", 0, "create ".length());
	}

	/**
	 * Freshly staged tables have no statistics yet; without them the planner expects a
	 * handful of rows and picks nested loops over millions.
	 */
	private void analyzeStaging() {
		List<String> tables = this.jdbc.getJdbcTemplate()
			.queryForList("select format('%I.%I', schemaname, tablename) from pg_tables where schemaname = 'staging'",
					String.class);
		for (String table : tables) {
			this.jdbc.getJdbcTemplate().execute("analyze " + table);
		}
		this.jdbc.getJdbcTemplate().execute("analyze etl.source_file");
	}

}
