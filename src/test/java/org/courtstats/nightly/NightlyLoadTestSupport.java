package org.courtstats.nightly;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.courtstats.CourtstatsApplication;
import org.courtstats.samples.SampleRelease;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the nightly-load tests share: the load, the warehouse it writes, and ways to
 * deliver edited releases. Each test class declares its own database with a
 * {@code @DynamicPropertySource}, so that it gets a context and a warehouse of its own.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
abstract class NightlyLoadTestSupport {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Autowired
	NightlyLoad nightlyLoad;

	@Autowired
	JdbcTemplate jdbc;

	long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	long id(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	String text(String sql) {
		return this.jdbc.queryForObject(sql, String.class);
	}

	long releaseKey(String label) {
		return id("select release_key from warehouse.dim_release where release_label = '" + label + "'");
	}

	List<ReleaseOutcome.Status> load(Path inbox) {
		return this.nightlyLoad.run(inbox, null).stream().map(ReleaseOutcome::status).toList();
	}

	/**
	 * The facts and the reporting views' totals match what the generator counted for the
	 * latest release.
	 */
	void assertFacts(SampleRelease.Expected expected) {
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(expected.cases());
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(expected.proceedings());
		assertThat(count("select count(*) from warehouse.fct_hearing where deleted_in_release_key is null"))
			.isEqualTo(expected.hearings());
		assertThat(count("select count(*) from warehouse.fct_application where deleted_in_release_key is null"))
			.isEqualTo(expected.applications());
		assertThat(count("select count(*) from warehouse.fct_charge where deleted_in_release_key is null"))
			.isEqualTo(expected.charges());
		assertThat(count("select count(*) from warehouse.fct_custody_period where deleted_in_release_key is null"))
			.isEqualTo(expected.custodyPeriods());
		assertThat(count("select count(*) from warehouse.fct_case where is_mpp")).isEqualTo(expected.mppCases());
		assertThat(count("select count(*) from warehouse.fct_case where mpp_by_location"))
			.as("MPP by a proceeding's or a scheduled hearing's location")
			.isEqualTo(expected.mppByLocation());
		assertThat(count("select count(*) from warehouse.fct_proceeding where is_completed"))
			.isEqualTo(expected.completedProceedings());
		assertThat(count("select sum(proceedings) from reporting.representation_rates"))
			.isEqualTo(expected.proceedings());
		assertThat(count("select sum(represented) from reporting.representation_rates"))
			.isEqualTo(expected.representedProceedings());
		assertThat(count("select sum(completed) from reporting.in_absentia_rates"))
			.isEqualTo(expected.completedRemoval());
		assertThat(count("select sum(in_absentia) from reporting.in_absentia_rates"))
			.isEqualTo(expected.inAbsentiaRemoval());
		assertThat(count("select sum(pending_proceedings) from reporting.pending_caseload"))
			.isEqualTo(expected.proceedings() - expected.completedProceedings());
		assertThat(count("select sum(proceedings) from reporting.mpp_case_outcomes"))
			.isEqualTo(expected.mppCompletedProceedings());
		assertThat(count("select sum(in_absentia) from reporting.mpp_case_outcomes"))
			.isEqualTo(expected.mppInAbsentia());
		assertThat(count("select count(*) from warehouse.fct_case "
				+ "where mpp_by_location <> (mpp_hearing_location_key <> -1)"))
			.as("a case MPP by location has its MPP hearing location, and only such a case")
			.isZero();
		assertThat(count("select coalesce(sum(o.proceedings), 0) from reporting.mpp_case_outcomes as o "
				+ "join warehouse.dim_hearing_location as hl using (hearing_loc_code) where not hl.is_mpp_location"))
			.as("only cases MPP by identifier alone are counted away from the port courts")
			.isEqualTo(count("select count(*) from warehouse.fct_proceeding as p join warehouse.fct_case as c "
					+ "using (case_id) where p.is_completed and p.deleted_in_release_key is null "
					+ "and c.mpp_by_identifier and not c.mpp_by_location"));
		assertThat(count("select count(*) from reporting.asylum_decisions "
				+ "where (granted + denied > 0) <> (grant_rate is not null)"))
			.as("a grant rate exactly where there are grants or denials")
			.isZero();
		Map<String, Long> byYearAndCourt = new TreeMap<>();
		this.jdbc.query("select fiscal_year || ' ' || base_city_code, "
				+ "sum(granted + denied + abandoned + withdrawn + other) from reporting.asylum_decisions group by 1",
				(rs) -> {
					byYearAndCourt.put(rs.getString(1), rs.getLong(2));
				});
		assertThat(byYearAndCourt).as("asylum decisions by fiscal year of the decision and court")
			.isEqualTo(expected.asylumByYearAndCourt());
		assertThat(count("select sum(granted) from reporting.asylum_decisions")).isEqualTo(expected.asylumGranted());
		assertThat(count("select sum(denied) from reporting.asylum_decisions")).isEqualTo(expected.asylumDenied());
		assertThat(count("select sum(abandoned) from reporting.asylum_decisions"))
			.isEqualTo(expected.asylumAbandoned());
		assertThat(count("select sum(withdrawn) from reporting.asylum_decisions"))
			.isEqualTo(expected.asylumWithdrawn());
		assertThat(count("select sum(other) from reporting.asylum_decisions")).isEqualTo(expected.asylumOther());
		assertThat(count("select count(*) from reporting.asylum_decisions where grant_rate is not null "
				+ "and grant_rate <> round(granted::numeric / (granted + denied), 4)"))
			.isZero();
	}

	/**
	 * The lines the load quarantined are exactly the generator's malformed ones, each
	 * with its reason.
	 */
	void assertRejects(SampleRelease sample) {
		assertThat(this.jdbc.query(
				"select table_name, line_number, reason_code from etl.rejected_row where raw_record <> '' order by 1, 2",
				(rs, row) -> tuple(rs.getString(1), rs.getLong(2), rs.getString(3))))
			.containsExactlyInAnyOrderElementsOf(sample.rejects()
				.stream()
				.map((reject) -> tuple(reject.tableName(), reject.lineNumber(), reject.reasonCode()))
				.toList());
	}

	/**
	 * Makes staging fail at one line of the proceedings file, as a full disk would, until
	 * {@link #stopFailingStaging()}.
	 */
	void failStagingProceedingsAtLine(long lineNumber) {
		failStagingProceedingsAtLine(this.jdbc, lineNumber);
	}

	static void failStagingProceedingsAtLine(JdbcTemplate jdbc, long lineNumber) {
		jdbc.execute("""
				create function staging.fail_at_line() returns trigger language plpgsql as $$
				begin
				    if new.line_number = %d then raise exception 'disk full (simulated)'; end if;
				    return new;
				end $$""".formatted(lineNumber));
		jdbc.execute("create trigger fail_at_line before insert on staging.eoir_proceeding "
				+ "for each row execute function staging.fail_at_line()");
	}

	void stopFailingStaging() {
		this.jdbc.execute("drop trigger fail_at_line on staging.eoir_proceeding");
	}

	/**
	 * A checksum of every row of every warehouse table but {@code dim_release}, which
	 * records each attempt: equal checksums mean analysts see the same warehouse.
	 */
	String warehouseChecksum() {
		return warehouseChecksum(this.jdbc);
	}

	static String warehouseChecksum(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("select tablename from pg_tables where schemaname = 'warehouse' "
				+ "and tablename <> 'dim_release' order by tablename", String.class);
		StringBuilder sums = new StringBuilder();
		for (String table : tables) {
			sums.append(table)
				.append('=')
				.append(jdbc.queryForObject(
						"select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from warehouse." + table
								+ " as t",
						String.class))
				.append(' ');
		}
		return sums.toString();
	}

	/**
	 * Copies a release folder into an inbox under another label.
	 */
	static Path copy(Path release, Path inbox, String label) throws IOException {
		Path target = inbox.resolve(label);
		try (Stream<Path> files = Files.walk(release)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = target.resolve(release.relativize(file));
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		return target;
	}

	/**
	 * Rewrites a table of a release: its data lines split on tabs, the header to find
	 * columns.
	 */
	static void editTable(Path release, String table, TableEdit edit) throws IOException {
		Path file = release.resolve(table + ".csv");
		List<String> lines = Files.readAllLines(file, WINDOWS_1252);
		List<String> header = new ArrayList<>(List.of(lines.get(0).split("\t", -1)));
		List<String[]> rows = new ArrayList<>();
		lines.subList(1, lines.size())
			.stream()
			.filter((line) -> !line.isEmpty())
			.forEach((line) -> rows.add(line.split("\t", -1)));
		edit.apply(header, rows);
		StringBuilder out = new StringBuilder(String.join("\t", header)).append("\r\n");
		rows.forEach((row) -> out.append(String.join("\t", row)).append("\r\n"));
		Files.writeString(file, out, WINDOWS_1252);
	}

	@FunctionalInterface
	interface TableEdit {

		void apply(List<String> header, List<String[]> rows);

	}

	/**
	 * Ids for an SQL {@code in (...)} list; {@code 0}, an id no generated row has, when
	 * there are none.
	 */
	static String ids(List<Long> ids) {
		return ids.isEmpty() ? "0" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
