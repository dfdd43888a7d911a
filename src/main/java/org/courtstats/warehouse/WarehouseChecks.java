package org.courtstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the data-quality checks of {@code warehouse-sql/checks/} over what a release
 * changed, in the caller's transaction, and records each result in
 * {@code etl.check_result} in a transaction of its own. Each check is a query returning
 * offending rows, with a severity and a threshold in its header: an {@code error} check
 * over its threshold holds the release back, a {@code warn} check over it is logged.
 */
public class WarehouseChecks {

	/** The name under which the rejected-row share is recorded as a check. */
	public static final String REJECTED_ROWS_CHECK = "rejected_rows__within_threshold";

	private static final Logger logger = LoggerFactory.getLogger(WarehouseChecks.class);

	private static final int EXAMPLES = 3;

	/**
	 * Costs of parallel query under which the planner uses workers for the checks and the
	 * integration's working tables.
	 */
	static final Map<String, String> PARALLEL_COSTS = Map.of("parallel_setup_cost", "100", "parallel_tuple_cost",
			"0.01");

	private static final Pattern SEVERITY = Pattern.compile("^--\\s*severity:\\s*(\\S+)\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern THRESHOLD = Pattern.compile("^--\\s*threshold:\\s*(\\S+)\\s*$",
			Pattern.CASE_INSENSITIVE);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate separateTransaction;

	private final List<Check> checks;

	/**
	 * Reads the checks, refusing a check file whose header lacks a valid severity or
	 * threshold.
	 * @param dataSource the warehouse
	 * @throws IllegalArgumentException naming the check file and what its header needs
	 */
	public WarehouseChecks(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.separateTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		// The results must outlive the publish transaction, which a failing check rolls
		// back.
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.checks = load();
	}

	/**
	 * Runs the checks of a release without recording which run ran them.
	 * @param releaseKey the release
	 * @param source eoir, ohss or cbp
	 * @see #verify(long, String, Long)
	 */
	public void verify(long releaseKey, String source) {
		verify(releaseKey, source, null);
	}

	/**
	 * Runs the checks of the tables a release of a source loads (a check is named for its
	 * table, {@code fct_case__keys_resolve}, and runs when the source's load files build
	 * that table, {@link WarehouseBuild#targets(String)}; an {@code etl_source_file__}
	 * check runs for every source), records every result, logs the warnings, and holds
	 * the release back when an error check is over its threshold.
	 * @param releaseKey the release
	 * @param source eoir, ohss or cbp
	 * @param jobExecutionId the run, or null outside a job
	 * @return the results, in the order the checks ran
	 * @throws WarehouseCheckException naming each failing error check, its count and
	 * examples
	 */
	public List<CheckResult> verify(long releaseKey, String source, Long jobExecutionId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource(Map.of("release_key", releaseKey));
		List<CheckResult> results = results(releaseKey, source);
		record(results, releaseKey, source, jobExecutionId);
		List<CheckResult> failed = results.stream()
			.filter((result) -> !result.passed() && result.severity() == Severity.ERROR)
			.toList();
		if (!failed.isEmpty()) {
			String label = this.jdbc.queryForObject(
					"select release_label from warehouse.dim_release where release_key = :release_key", parameters,
					String.class);
			String findings = String.join("; ", failed.stream().map(CheckResult::describe).toList());
			throw new WarehouseCheckException("Release '" + label + "' is held back, not published: " + findings
					+ ". Its staged rows are kept. "
					+ ((jobExecutionId != null) ? "'courtstats status --checks " + jobExecutionId + "'"
							: "etl.check_result")
					+ " lists every check of the run. If the delivery is wrong (cut short, a table missing rows), "
					+ "abandon the run ('courtstats abandon RUN') and deliver the complete release under a new "
					+ "label; a wrong check (warehouse-sql/checks) is corrected in a new version of courtstats, "
					+ "then the load run again.", findings);
		}
		return results;
	}

	/**
	 * Runs the checks of a release of a source in the caller's transaction, and neither
	 * records nor acts on what they find.
	 * @param releaseKey the release
	 * @param source eoir, ohss or cbp
	 * @return the results, in the order the checks ran
	 */
	List<CheckResult> results(long releaseKey, String source) {
		MapSqlParameterSource parameters = new MapSqlParameterSource(Map.of("release_key", releaseKey));
		List<String> targets = WarehouseBuild.targets(source);
		List<CheckResult> results = new ArrayList<>();
		Map<String, String> settings = useParallelWorkers();
		for (Check check : this.checks) {
			if (targets.contains(check.table()) || check.table().equals("etl_source_file")) {
				results.add(evaluate(check, parameters));
			}
		}
		// Restored for the rest of the transaction; a check whose query fails aborts the
		// transaction, and the settings go with it.
		settings.forEach(this::setLocal);
		return results;
	}

	/**
	 * Lets the planner give the checks to parallel workers, which see the caller's
	 * uncommitted rows as its own backend does: the checks only read, millions of rows
	 * for a full release, while the integration before them keeps one core busy. With the
	 * server's defaults the planner seldom judges a worker worth starting.
	 * @return the settings changed, with the values to restore
	 */
	private Map<String, String> useParallelWorkers() {
		Map<String, String> previous = new LinkedHashMap<>();
		PARALLEL_COSTS.forEach((name, value) -> previous.put(name, setLocal(name, value)));
		return previous;
	}

	/** Sets a setting until the end of the transaction and gives its previous value. */
	private String setLocal(String name, String value) {
		String previous = this.jdbc.getJdbcTemplate().queryForObject("select current_setting(?)", String.class, name);
		this.jdbc.getJdbcTemplate().queryForObject("select set_config(?, ?, true)", String.class, name, value);
		return previous;
	}

	/**
	 * Records the rejected-row share of a release as the check
	 * {@value #REJECTED_ROWS_CHECK} (severity error, threshold 0 tables over
	 * {@code maxShare}), then holds the release back when a table is over it.
	 * @param rejectedRows the rejected rows, whose message the held-back release gives
	 * @param releaseKey the release
	 * @param source eoir, ohss or cbp
	 * @param jobExecutionId the run, or null
	 * @param maxShare the share of a table's rows read that may be rejected
	 * @param floor rejected rows any table may have whatever its size
	 * @throws RejectedRowsOverThresholdException naming each table over the threshold
	 */
	public void verifyRejectedShare(RejectedRows rejectedRows, long releaseKey, String source, Long jobExecutionId,
			double maxShare, long floor) {
		Check check = new Check(REJECTED_ROWS_CHECK, Severity.ERROR, 0, RejectedRows.TABLES_OVER_THRESHOLD.strip());
		CheckResult result = evaluate(check,
				new MapSqlParameterSource().addValue("release_key", releaseKey)
					.addValue("max_share", BigDecimal.valueOf(maxShare))
					.addValue("floor", floor));
		record(List.of(result), releaseKey, source, jobExecutionId);
		if (!result.passed()) {
			rejectedRows.verifyWithinThreshold(releaseKey, maxShare, floor);
		}
	}

	/**
	 * Names of the checks, in the order they run.
	 * @return check names (file names without .sql)
	 */
	public List<String> names() {
		return this.checks.stream().map(Check::name).toList();
	}

	private CheckResult evaluate(Check check, MapSqlParameterSource parameters) {
		Long offending = this.jdbc.queryForObject("select count(*) from (" + check.sql() + ") as offending", parameters,
				Long.class);
		long count = (offending != null) ? offending : 0;
		String examples = null;
		if (count > 0) {
			examples = this.jdbc.queryForObject("select cast(jsonb_agg(to_jsonb(offending)) as text) from (select * "
					+ "from (" + check.sql() + ") as checked limit " + EXAMPLES + ") as offending", parameters,
					String.class);
		}
		CheckResult result = new CheckResult(check.name(), check.severity(), check.threshold(), count,
				count <= check.threshold(), examples);
		if (!result.passed() && result.severity() == Severity.WARN) {
			logger.warn("check {}: {}; a warning, which does not hold the release back (severity warn)", check.name(),
					result.describe());
		}
		else if (!result.passed()) {
			logger.error("check {}: {}", check.name(), result.describe());
		}
		else {
			logger.info("check {}: passed ({} offending {}, threshold {})", check.name(), count,
					(count == 1) ? "row" : "rows", check.threshold());
		}
		return result;
	}

	private void record(List<CheckResult> results, long releaseKey, String source, Long jobExecutionId) {
		this.separateTransaction.executeWithoutResult((status) -> {
			for (CheckResult result : results) {
				this.jdbc.update("""
						insert into etl.check_result (job_execution_id, release_key, source, check_name, severity,
						    threshold, offending_rows, passed, examples)
						values (:run, :release_key, :source, :name, :severity, :threshold, :offending, :passed,
						    cast(:examples as jsonb))
						""",
						new MapSqlParameterSource().addValue("run", jobExecutionId)
							.addValue("release_key", releaseKey)
							.addValue("source", source)
							.addValue("name", result.name())
							.addValue("severity", result.severity().label())
							.addValue("threshold", result.threshold())
							.addValue("offending", result.offendingRows())
							.addValue("passed", result.passed())
							.addValue("examples", result.examples()));
			}
		});
	}

	private static List<Check> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:warehouse-sql/checks/*.sql");
			List<Check> checks = new ArrayList<>();
			for (Resource resource : Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList()) {
				try (InputStream in = resource.getInputStream()) {
					checks.add(parse(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return List.copyOf(checks);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The checks in warehouse-sql/checks cannot be read", ex);
		}
	}

	/**
	 * Reads a check file: its header comment lines give {@code -- severity: error|warn}
	 * (required) and {@code -- threshold: N} (offending rows tolerated, 0 when absent).
	 * @param fileName the file's name, e.g. {@code fct_case__keys_resolve.sql}
	 * @param text its content
	 * @return the check
	 * @throws IllegalArgumentException naming the file when its header is incomplete or
	 * wrong
	 */
	static Check parse(String fileName, String text) {
		Severity severity = null;
		long threshold = 0;
		String where = "warehouse-sql/checks/" + fileName;
		for (String line : text.strip().lines().takeWhile((line) -> line.strip().startsWith("--")).toList()) {
			Matcher severityLine = SEVERITY.matcher(line.strip());
			Matcher thresholdLine = THRESHOLD.matcher(line.strip());
			if (severityLine.matches()) {
				severity = Severity.of(severityLine.group(1), where);
			}
			else if (thresholdLine.matches()) {
				try {
					threshold = Long.parseLong(thresholdLine.group(1));
				}
				catch (NumberFormatException ex) {
					threshold = -1;
				}
				if (threshold < 0) {
					throw new IllegalArgumentException(where + ": '-- threshold: " + thresholdLine.group(1)
							+ "' is not a number of rows. Write the offending rows the check tolerates, "
							+ "e.g. '-- threshold: 0'.");
				}
			}
		}
		if (severity == null) {
			throw new IllegalArgumentException(where + " has no '-- severity:' line in its header comment. Add "
					+ "'-- severity: error' (over the threshold holds the release back) or '-- severity: warn' "
					+ "(recorded and logged; it holds nothing back), see warehouse-sql/README.md.");
		}
		String sql = text.strip();
		if (sql.endsWith(";")) {
			sql = sql.substring(0, sql.length() - 1);
		}
		return new Check(fileName.replace(".sql", ""), severity, threshold, sql);
	}

	/** How a check over its threshold affects the release. */
	public enum Severity {

		/** Holds the release back: nothing is published. */
		ERROR,

		/** Recorded and logged; holds nothing back. */
		WARN;

		/**
		 * The word check files and {@code etl.check_result} use.
		 * @return error or warn
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Severity of(String word, String where) {
			for (Severity severity : values()) {
				if (severity.label().equalsIgnoreCase(word)) {
					return severity;
				}
			}
			throw new IllegalArgumentException(where + ": '-- severity: " + word + "' is neither error nor warn.");
		}

	}

	/**
	 * One check file.
	 *
	 * @param name its file name without .sql
	 * @param severity what being over the threshold does
	 * @param threshold offending rows tolerated
	 * @param sql the query returning the offending rows
	 */
	record Check(String name, Severity severity, long threshold, String sql) {

		/** The table a check is about: its name up to the double underscore. */
		String table() {
			int separator = this.name.indexOf("__");
			return (separator > 0) ? this.name.substring(0, separator) : this.name;
		}

	}

	/**
	 * What one check found.
	 *
	 * @param name the check
	 * @param severity its severity
	 * @param threshold offending rows it tolerates
	 * @param offendingRows offending rows found
	 * @param passed whether they are within the threshold
	 * @param examples up to three offending rows as a JSON array, or null
	 */
	public record CheckResult(String name, Severity severity, long threshold, long offendingRows, boolean passed,
			String examples) {

		String describe() {
			return "check " + this.name + " (" + this.severity.label() + ") found " + this.offendingRows
					+ ((this.offendingRows == 1) ? " offending row" : " offending rows") + " (threshold "
					+ this.threshold + ")" + ((this.examples != null) ? ", e.g. " + this.examples : "");
		}

	}

}
