package org.courtstats.ohss;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.courtstats.RealOhssWorkbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads both real editions in a child JVM whose heap is capped at 256 MB, the budget a
 * nightly load gets: the reader streams, so the heap holds the shared strings and one
 * table's cells, never a whole workbook.
 */
class OhssEditionMemoryTests {

	@Test
	void readsBothRealEditionsIn256Megabytes() throws Exception {
		Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), OhssCellCount.class.getName(),
				RealOhssWorkbooks.july2024().toString(), RealOhssWorkbooks.august2024().toString())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		boolean finished = child.waitFor(3, TimeUnit.MINUTES);
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!finished) {
			child.destroyForcibly();
		}
		assertThat(finished).as("the child finished within 3 minutes; output:%n%s", output).isTrue();
		assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
		assertThat(output).contains("july-2024.xlsx: as-of 2024-07, 34 tables, 0 rejected, 104374 cells")
			.contains("august-2024.xlsx: as-of 2024-08, 34 tables, 0 rejected, 105020 cells")
			.doesNotContain("OutOfMemoryError");
	}

}
