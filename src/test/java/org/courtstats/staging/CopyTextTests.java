package org.courtstats.staging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

	@Test
	void rendersValuesInCopyTextFormat() {
		CopyText out = new CopyText(0);

		out.appendRow(7L, null, LocalDate.of(2024, 9, 12), "C:\\dir\tx\ny\rz\0");

		assertThat(out).hasToString("7\t\\N\t2024-09-12\tC:\\\\dir\\tx\\ny\\rz\n");
	}

	@Test
	void numbersDatesAndBooleansAreWrittenAsJavaPrintsThem() {
		CopyText out = new CopyText(0);
		List<Object> values = List.of(0L, -1L, 10L, 999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE, 42,
				Integer.MIN_VALUE, LocalDate.of(1999, 1, 2), LocalDate.of(10_000, 12, 31), LocalDate.of(999, 3, 4),
				true, false);

		out.appendRow(values.toArray());

		assertThat(out).hasToString(String.join("\t", values.stream().map(String::valueOf).toList()) + "\n");
	}

	@Test
	void textOutsideAsciiIsEncodedInUtf8() {
		String text = "Jos\u00e9 \u2013 \u20ac \ud83d\ude00 lone \ud800 end";
		CopyText out = new CopyText(0);

		out.appendRow(text, "b");

		assertThat(out.toString())
			.isEqualTo(new String((text + "\tb\n").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
		assertThat(out).hasToString("Jos\u00e9 \u2013 \u20ac \ud83d\ude00 lone ? end\tb\n");
	}

	@Test
	void theBufferGrowsAndIsReusedAfterClear() {
		CopyText out = new CopyText(0);
		String longValue = "x".repeat(10_000);

		out.appendRow(longValue, 1L);
		assertThat(out.toString()).hasSize(10_000 + 3);

		out.clear();
		assertThat(out.isEmpty()).isTrue();
		out.appendRow("a");
		assertThat(out).hasToString("a\n");
	}

	@Test
	void theStagingColumnsStartWithTheFileAndLine() {
		StagingTable table = new StagingTable("staging.eoir_language", java.util.List.of("code", "code_raw", "name"));

		assertThat(table.copyColumns()).containsExactly("source_file_id", "line_number", "code", "code_raw", "name");
	}

}
