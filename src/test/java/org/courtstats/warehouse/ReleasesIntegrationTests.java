package org.courtstats.warehouse;

import java.time.LocalDate;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clearing a release's staged rows: row by row from a staging table that holds another
 * release's rows too, which are kept; at once ({@code TRUNCATE}, which gives the table a
 * new file) from a table that holds the release alone.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class ReleasesIntegrationTests {

	static String url = TestWarehouse.newDatabase("releases");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@Autowired
	Releases releases;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void aReleaseIsClearedRowByRowBesideAnotherAndAtOnceWhenAlone() {
		// given: two releases, each with a staged lookup file and a judge's version
		long april = this.releases.register("eoir", "EOIR Case Data 2026-0401", LocalDate.of(2026, 4, 1));
		long may = this.releases.register("eoir", "EOIR Case Data 2026-0501", LocalDate.of(2026, 5, 1));
		long aprilFile = stagedLanguages(april, "EOIR Case Data 2026-0401", 3);
		long mayFile = stagedLanguages(may, "EOIR Case Data 2026-0501", 2);
		judgeVersion(april);
		judgeVersion(may);
		long languagesFile = fileNode("staging.eoir_language");
		long judgesFile = fileNode("staging.int_judge_version");

		// when
		this.releases.clearStaged(april);

		// then: April's rows are gone, May's kept, each table's file the same
		assertThat(this.jdbc.queryForList("select distinct source_file_id from staging.eoir_language", Long.class))
			.containsExactly(mayFile)
			.doesNotContain(aprilFile);
		assertThat(count("staging.eoir_language")).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select distinct source_file_id from staging.used_value", Long.class))
			.containsExactly(mayFile);
		assertThat(this.jdbc.queryForList("select release_key from staging.int_judge_version", Long.class))
			.containsExactly(may);
		assertThat(fileNode("staging.eoir_language")).isEqualTo(languagesFile);
		assertThat(fileNode("staging.int_judge_version")).isEqualTo(judgesFile);

		// when
		this.releases.clearStaged(may);

		// then: the tables, which held May's rows alone, were emptied at once
		assertThat(count("staging.eoir_language")).isZero();
		assertThat(count("staging.used_value")).isZero();
		assertThat(count("staging.int_judge_version")).isZero();
		assertThat(fileNode("staging.eoir_language")).isNotEqualTo(languagesFile);
		assertThat(fileNode("staging.int_judge_version")).isNotEqualTo(judgesFile);
	}

	private long stagedLanguages(long releaseKey, String label, int rows) {
		Long sourceFileId = this.jdbc.queryForObject("""
				insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
				    table_name, size_bytes, sha256, status)
				values ('eoir', ?, ?, 'Lookup/tblLanguage.csv', '/inbox/tblLanguage.csv', 'tblLanguage.csv',
				    'tblLanguage', 100, ?, 'registered')
				returning source_file_id
				""", Long.class, label, releaseKey, "sha-" + releaseKey);
		for (int line = 2; line < 2 + rows; line++) {
			this.jdbc.update("insert into staging.eoir_language (source_file_id, line_number, code) values (?, ?, ?)",
					sourceFileId, line, "L" + line);
		}
		// The values its staging recorded go with it.
		this.jdbc.update("""
				insert into staging.used_value (source_file_id, table_name, column_name, code)
				values (?, 'tblLanguage', 'code', 'L2')
				""", sourceFileId);
		return sourceFileId;
	}

	private void judgeVersion(long releaseKey) {
		this.jdbc.update("""
				insert into staging.int_judge_version (release_key, judge_key, judge_code, is_current, effective_from)
				values (?, 1, 'ABC', true, date '2020-01-01')
				""", releaseKey);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private long fileNode(String table) {
		return this.jdbc.queryForObject("select pg_relation_filenode(cast(? as regclass))", Long.class, table);
	}

}
