package org.courtstats.warehouse;

import java.time.LocalDate;
import java.util.List;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code load/dedup_same_key.sql} counts a table's staged keys again unless the release
 * delivered it as one file that staging found to hold each key once
 * ({@code etl.source_file.keys_distinct}), and marks the staged lines it finds a later
 * line replaces.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class DedupSameKeyIntegrationTests {

	static String url = TestWarehouse.newDatabase("dedup");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@Autowired
	Releases releases;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void aKeyRepeatedInTheOneFileOfATableIsFoundUnlessStagingFoundNone() {
		// given: three releases, each with one hearings file whose staged rows hold
		// hearing 5 on lines 2 and 3, the file recorded as repeating a key, as not known,
		// and as holding each key once
		List<String> found = List.of("false", "null", "true").stream().map((distinct) -> {
			long release = this.releases.register("eoir", "EOIR Case Data " + distinct, LocalDate.of(2026, 4, 1));
			long file = hearingsFile(release, "tbl_schedule.csv", distinct);
			stage(file, 2, 5);
			stage(file, 3, 5);
			stage(file, 4, 6);

			// when
			dedupSameKey(release);

			// then
			return distinct + ": " + droppedLines(release);
		}).toList();

		assertThat(found).containsExactly("false: [tbl_schedule 5 line 2]", "null: [tbl_schedule 5 line 2]",
				"true: []");
	}

	@Test
	void aKeyRepeatedAcrossTwoFilesOfATableIsFoundThoughEachHoldsItOnce() {
		// given: a release with two hearings files, each recorded as holding each key
		// once, that both hold hearing 7
		long release = this.releases.register("eoir", "EOIR Case Data 2026-0601", LocalDate.of(2026, 6, 1));
		long first = hearingsFile(release, "tbl_schedule.csv", "true");
		long second = hearingsFile(release, "tbl_schedule_2.csv", "true");
		stage(first, 2, 7);
		stage(first, 3, 8);
		stage(second, 2, 7);

		// when
		dedupSameKey(release);

		// then: the first file's line is dropped for the second's
		assertThat(droppedLines(release)).containsExactly("tbl_schedule 7 line 2");
		assertThat(this.jdbc
			.queryForObject("select dropped_source_file_id || ' ' || kept_source_file_id from etl.dedup_decision "
					+ "where release_key = ?", String.class, release))
			.isEqualTo(first + " " + second);
	}

	@Test
	void theStagedLinesCarryTheDecisionsAsTheyNowStand() {
		// given: a hearings file whose staged rows hold hearing 5 on lines 2 and 3
		long release = this.releases.register("eoir", "EOIR Case Data 2026-0701", LocalDate.of(2026, 7, 1));
		long file = hearingsFile(release, "tbl_schedule.csv", "false");
		stage(file, 2, 5);
		stage(file, 3, 5);
		stage(file, 4, 6);

		// when
		dedupSameKey(release);

		// then: line 2 is marked as replaced, the others are not
		assertThat(markedLines(file)).containsExactly(2L);

		// and when the staged lines change (line 3 now holds hearing 9) and the
		// decisions are made again, no line is marked any more
		this.jdbc.update(
				"update staging.eoir_schedule set idnschedule = 9 where source_file_id = ? and line_number = 3", file);
		dedupSameKey(release);
		assertThat(droppedLines(release)).isEmpty();
		assertThat(markedLines(file)).isEmpty();
	}

	private long hearingsFile(long releaseKey, String name, String keysDistinct) {
		return this.jdbc.queryForObject("""
				insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
				    table_name, size_bytes, sha256, status, keys_distinct)
				select 'eoir', release_label, release_key, ?, '/inbox/' || ?, ?, 'tbl_schedule', 100,
				    ? || release_key, 'registered', cast(nullif(?, 'null') as boolean)
				from warehouse.dim_release where release_key = ?
				returning source_file_id
				""", Long.class, name, name, name, name, keysDistinct, releaseKey);
	}

	private void stage(long sourceFileId, long line, long hearing) {
		this.jdbc.update("""
				insert into staging.eoir_schedule (source_file_id, line_number, idnschedule, idnproceeding, idncase)
				values (?, ?, ?, 1, 1)
				""", sourceFileId, line, hearing);
	}

	private void dedupSameKey(long releaseKey) {
		NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(this.jdbc);
		for (String statement : WarehouseSql.load("load/dedup_same_key.sql").statements()) {
			named.update(statement, new MapSqlParameterSource("release_key", releaseKey));
		}
	}

	private List<Long> markedLines(long sourceFileId) {
		return this.jdbc.queryForList("""
				select line_number from staging.eoir_schedule
				where source_file_id = ? and replaced_by_later_line order by 1
				""", Long.class, sourceFileId);
	}

	private List<String> droppedLines(long releaseKey) {
		return this.jdbc.queryForList("""
				select table_name || ' ' || dropped_record_key || ' line ' || dropped_line_number
				from etl.dedup_decision where release_key = ? order by 1
				""", String.class, releaseKey);
	}

}
