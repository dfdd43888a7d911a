package org.courtstats.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Runs the data-quality checks of {@code warehouse-sql/checks/} over what a release
 * changed, in the caller's transaction. Each check is a query returning offending rows; a
 * check that returns any holds the release back.
 */
public class WarehouseChecks {

	private static final Logger logger = LoggerFactory.getLogger(WarehouseChecks.class);

	private static final int EXAMPLES = 3;

	private final NamedParameterJdbcTemplate jdbc;

	private final List<Check> checks;

	public WarehouseChecks(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.checks = load();
	}

	/**
	 * Runs the checks of the tables a release of a source loads: a check is named for its
	 * table ({@code fct_case__keys_resolve}), and runs when the source's load files build
	 * that table ({@link WarehouseBuild#targets(String)}).
	 * @param releaseKey the release
	 * @param source eoir, ohss or cbp
	 * @throws WarehouseCheckException naming the first failing check, its count and
	 * examples
	 */
	public void verify(long releaseKey, String source) {
		MapSqlParameterSource parameters = new MapSqlParameterSource(Map.of("release_key", releaseKey));
		List<String> targets = WarehouseBuild.targets(source);
		for (Check check : this.checks) {
			if (!targets.contains(check.table())) {
				continue;
			}
			Long offending = this.jdbc.queryForObject("select count(*) from (" + check.sql() + ") as offending",
					parameters, Long.class);
			if (offending != null && offending > 0) {
				List<Map<String, Object>> examples = this.jdbc
					.queryForList("select * from (" + check.sql() + ") as offending limit " + EXAMPLES, parameters);
				throw new WarehouseCheckException("Check " + check.name() + " found " + offending
						+ " offending rows, e.g. " + examples + ". The release is held back: nothing was published.");
			}
			logger.info("check {}: passed", check.name());
		}
	}

	/**
	 * Names of the checks, in the order they run.
	 * @return check names (file names without .sql)
	 */
	public List<String> names() {
		return this.checks.stream().map(Check::name).toList();
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
					String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
					if (sql.endsWith(";")) {
						sql = sql.substring(0, sql.length() - 1);
					}
					checks.add(new Check(resource.getFilename().replace(".sql", ""), sql));
				}
			}
			return List.copyOf(checks);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The checks in warehouse-sql/checks cannot be read", ex);
		}
	}

	private record Check(String name, String sql) {

		/** The table a check is about: its name up to the double underscore. */
		String table() {
			int separator = this.name.indexOf("__");
			return (separator > 0) ? this.name.substring(0, separator) : this.name;
		}

	}

}
