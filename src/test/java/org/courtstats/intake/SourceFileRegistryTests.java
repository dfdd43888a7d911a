package org.courtstats.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fingerprints of a release's files, read several at a time: each file's own, in the
 * release's order, from a folder or a zip.
 */
class SourceFileRegistryTests {

	private static final String LABEL = "EOIR Case Data 2026-0401";

	// Fingerprinting reads files only; the registry's database is not reached.
	private final SourceFileRegistry registry = new SourceFileRegistry(new SimpleDriverDataSource());

	@TempDir
	Path deliveries;

	@Test
	void eachFileHasItsOwnSizeAndSha256InTheReleasesOrder() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.deliveries, LABEL, 300, 5);
		EoirRelease release = release(sample.folder());
		assertThat(release.files()).hasSizeGreaterThan(10);

		for (int threads : new int[] { 1, 2, 3 }) {
			List<SourceFileRegistry.Fingerprint> fingerprints = this.registry.fingerprint(release, threads);

			assertThat(fingerprints).extracting(SourceFileRegistry.Fingerprint::file).isEqualTo(release.files());
			for (SourceFileRegistry.Fingerprint fingerprint : fingerprints) {
				Path path = fingerprint.file().path();
				assertThat(fingerprint.sizeBytes()).as(path.toString()).isEqualTo(Files.size(path));
				assertThat(fingerprint.sha256()).as(path.toString()).isEqualTo(sha256(Files.readAllBytes(path)));
			}
		}
	}

	@Test
	void theEntriesOfAZipHaveTheFingerprintsOfTheFilesTheyHold() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.deliveries.resolve("folder"), LABEL, 300, 5);
		Map<String, String> files = byPath(this.registry.fingerprint(release(sample.folder()), 2));
		Path zip = this.deliveries.resolve(LABEL + ".zip");
		ReleaseZips.write(zip, ReleaseZips.entriesOf(sample.folder()), (name) -> name.endsWith("tbl_schedule.csv"));

		Map<String, String> entries = byPath(this.registry.fingerprint(release(zip), 2));

		assertThat(entries).isEqualTo(files);
	}

	@ParameterizedTest(name = "a file {0}")
	@ValueSource(strings = { "gone", "become a folder" })
	void aFileThatCannotBeReadIsNamed(String change) throws IOException {
		// given: a file gone after the release was listed, or become a folder, which
		// has a size and a time but no bytes to read (it fails as a thread reads it)
		SampleRelease sample = EoirSampleGenerator.generate(this.deliveries, LABEL, 50, 5);
		EoirRelease release = release(sample.folder());
		Path file = release.files().get(release.files().size() / 2).path();
		Files.delete(file);
		if (change.equals("become a folder")) {
			Files.createDirectory(file);
		}

		// then
		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> this.registry.fingerprint(release, 2))
			.withMessageContaining(file.toAbsolutePath().toString())
			.withMessageContaining("cannot be read")
			.withMessageEndingWith("Check that it is there and that the loader's user may read it (its permissions, "
					+ "a mount that went away), then run the load again.");
	}

	private static EoirRelease release(Path location) {
		return new EoirRelease(LABEL, ReleaseLabels.asOfDate(LABEL), location, Inbox.filesOf(location));
	}

	private static Map<String, String> byPath(List<SourceFileRegistry.Fingerprint> fingerprints) {
		return fingerprints.stream()
			.collect(Collectors.toMap((fingerprint) -> fingerprint.file().relativePath(),
					SourceFileRegistry.Fingerprint::sha256));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
