package org.courtstats.staging;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

	@Test
	void rendersValuesInCopyTextFormat() {
		StringBuilder out = new StringBuilder();

		CopyText.appendRow(out, 7L, null, LocalDate.of(2024, 9, 12), "C:\\dir\tx\ny\rz\0");

		assertThat(out).hasToString("7\t\\N\t2024-09-12\tC:\\\\dir\\tx\\ny\\rz\n");
	}

	@Test
	void theStagingColumnsStartWithTheFileAndLine() {
		StagingTable table = new StagingTable("staging.eoir_language", java.util.List.of("code", "code_raw", "name"));

		assertThat(table.copyColumns()).containsExactly("source_file_id", "line_number", "code", "code_raw", "name");
	}

}
