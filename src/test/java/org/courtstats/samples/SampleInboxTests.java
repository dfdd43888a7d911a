package org.courtstats.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample inbox bundled with the nightly job is exactly what the generator writes (the
 * EOIR release, the OHSS workbook and the CBP file, byte for byte: the workbook writer
 * stamps no clock time), so that it stays in step with the code that reads it.
 */
class SampleInboxTests {

	private static final Path SAMPLE_INBOX = Path.of("jobs/nightly-load/sample-inbox");

	@TempDir
	Path regenerated;

	@Test
	void theBundledSampleIsTheGeneratorsOutput() throws IOException {
		EoirSampleGenerator.generate(this.regenerated, EoirSampleGenerator.DEFAULT_LABEL, 400, 20260401);
		OhssSample workbook = OhssSampleWorkbook.write(this.regenerated, OhssSampleWorkbook.DEFAULT_AS_OF, 20260401);
		CbpSample encounters = CbpSampleFile.write(this.regenerated, CbpSampleFile.DEFAULT_AS_OF, 20260401);

		List<Path> bundled = files(SAMPLE_INBOX);
		assertThat(bundled).isEqualTo(files(this.regenerated))
			.contains(workbook.file().getFileName(), encounters.file().getFileName());
		for (Path file : bundled) {
			assertThat(Files.readAllBytes(SAMPLE_INBOX.resolve(file))).as(file.toString())
				.isEqualTo(Files.readAllBytes(this.regenerated.resolve(file)));
		}
	}

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
