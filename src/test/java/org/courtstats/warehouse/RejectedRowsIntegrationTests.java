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

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The rejected-row threshold compares shares exactly: a table rejecting as many rows as
 * the threshold allows is within it, as the threshold a held-back release is offered
 * promises.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
class RejectedRowsIntegrationTests {

	static String url = TestWarehouse.newDatabase("rejected_share");

	final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(url));

	@Autowired
	Releases releases;

	@Autowired
	RejectedRows rejectedRows;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@Test
	void aShareExactlyAtTheThresholdIsWithinItAndOneRowMoreIsNot() {
		// given: 29 rejected rows of 100 read, where 0.29 times 100 in floating point is
		// 28.999999999999996
		long release = this.releases.register("eoir", "EOIR Case Data 2026-0401", LocalDate.of(2026, 4, 1));
		long file = file(release, 100, 29);

		// then
		assertThatNoException().isThrownBy(() -> this.rejectedRows.verifyWithinThreshold(release, 0.29, 5));
		this.jdbc.update("update etl.source_file set rows_rejected = 30 where source_file_id = ?", file);
		assertThatExceptionOfType(RejectedRowsOverThresholdException.class)
			.isThrownBy(() -> this.rejectedRows.verifyWithinThreshold(release, 0.29, 5))
			.withMessageContaining("B_TblProceeding has 30 rejected rows of 100 read (30%)")
			.withMessageContaining("max-rejected-share=0.3 ");
	}

	private long file(long releaseKey, long read, long rejected) {
		return this.jdbc.queryForObject("""
				insert into etl.source_file (source, release_label, release_key, relative_path, path, file_name,
				    table_name, size_bytes, sha256, status, rows_read, rows_rejected)
				values ('eoir', 'EOIR Case Data 2026-0401', ?, 'EOIR Case Data/B_TblProceeding.csv',
				    '/inbox/B_TblProceeding.csv', 'B_TblProceeding.csv', 'B_TblProceeding', 100, 'sha', 'registered',
				    ?, ?)
				returning source_file_id
				""", Long.class, releaseKey, read, rejected);
	}

}
