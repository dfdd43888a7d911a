package org.courtstats.intake;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.courtstats.eoir.EoirFileReader;
import org.courtstats.eoir.EoirLine;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A zip entry read in place: streamed from the zip each time it is opened, the zip closed
 * with the stream, its name never taken for a path.
 */
class ZipEntryResourceTests {

	private static final String LANGUAGES = "idnLang\tstrCode\tstrDescription\r\n1\tA\ta\r\n2\tB\tb\r\n3\tC\tc\r\n"
			+ "4\tD\td\r\n";

	@TempDir
	Path folder;

	@Test
	void eachOpeningStreamsTheEntryFromTheStart() throws IOException {
		// given
		Path zip = ReleaseZips.writeDeflate64(this.folder.resolve("EOIR Case Data 2026-0401.zip"),
				"Lookup/tblLanguage.csv", LANGUAGES, "Count.txt", "tblLanguage\t4\r\n");
		ZipEntryResource resource = new ZipEntryResource(zip, "Lookup/tblLanguage.csv");

		// when
		String first;
		try (InputStream in = resource.getInputStream()) {
			first = new String(in.readNBytes(20), StandardCharsets.UTF_8);
		}
		String again;
		try (InputStream in = resource.getInputStream()) {
			again = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}

		// then
		assertThat(first).isEqualTo(LANGUAGES.substring(0, 20));
		assertThat(again).isEqualTo(LANGUAGES);
		assertThat(resource.exists()).isTrue();
		assertThat(resource.contentLength()).isEqualTo(LANGUAGES.length());
		assertThat(resource.lastModified()).isEqualTo(ReleaseZips.ENTRY_TIME.toMillis());
		assertThat(resource.getFilename()).isEqualTo("tblLanguage.csv");
		assertThat(resource.getDescription()).contains("Lookup/tblLanguage.csv").contains(zip.toString());
	}

	@Test
	void anEntryWhoseBytesDoNotMatchItsChecksumFailsAtItsEnd() throws IOException {
		// given: an entry stored with the checksum of other bytes, as damage inside the
		// entry leaves it
		byte[] bytes = LANGUAGES.getBytes(StandardCharsets.UTF_8);
		Path zip = storedEntry(bytes, crcOf(bytes) ^ 1, bytes.length);
		ZipEntryResource resource = new ZipEntryResource(zip, "Lookup/tblLanguage.csv");

		// when, then
		try (InputStream in = resource.getInputStream()) {
			assertThatExceptionOfType(ZipException.class).isThrownBy(in::readAllBytes)
				.withMessage(zip + ": entry 'Lookup/tblLanguage.csv' is corrupt: its bytes do not match the checksum "
						+ "(CRC-32) its header declares");
		}
	}

	@Test
	void anEntryEndingShortOfItsDeclaredSizeFailsAtItsEnd() throws IOException {
		// given: an entry whose header declares ten bytes more than it holds
		byte[] bytes = LANGUAGES.getBytes(StandardCharsets.UTF_8);
		Path zip = storedEntry(bytes, crcOf(bytes), bytes.length + 10);
		ZipEntryResource resource = new ZipEntryResource(zip, "Lookup/tblLanguage.csv");

		// when, then
		try (InputStream in = resource.getInputStream()) {
			assertThatExceptionOfType(ZipException.class).isThrownBy(in::readAllBytes)
				.withMessage(zip + ": entry 'Lookup/tblLanguage.csv' ends after " + bytes.length + " of the "
						+ (bytes.length + 10) + " bytes its header declares: the zip is corrupt");
		}
	}

	/**
	 * A zip of one stored entry, {@code Lookup/tblLanguage.csv}, whose header declares a
	 * checksum and a size.
	 */
	private Path storedEntry(byte[] bytes, long crc, long size) throws IOException {
		Path zip = this.folder.resolve("EOIR Case Data 2026-0401.zip");
		try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
			ZipArchiveEntry entry = new ZipArchiveEntry("Lookup/tblLanguage.csv");
			entry.setMethod(ZipArchiveEntry.STORED);
			entry.setCrc(crc);
			entry.setSize(size);
			entry.setCompressedSize(bytes.length);
			out.addRawArchiveEntry(entry, new ByteArrayInputStream(bytes));
		}
		return zip;
	}

	private static long crcOf(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

	@Test
	void closingTheStreamClosesTheZip() throws IOException {
		Path descriptors = Path.of("/proc/self/fd");
		assumeThat(Files.isDirectory(descriptors)).as("open files are listed in /proc").isTrue();
		Path zip = ReleaseZips.writeDeflate64(this.folder.resolve("EOIR Case Data 2026-0401.zip"),
				"Lookup/tblLanguage.csv", LANGUAGES);
		ZipEntryResource resource = new ZipEntryResource(zip, "Lookup/tblLanguage.csv");
		// Once first, so that the jars its classes load from are open before counting.
		resource.getInputStream().close();
		long before = openFiles(descriptors);

		InputStream in = resource.getInputStream();
		long whileOpen = openFiles(descriptors);
		in.close();
		long after = openFiles(descriptors);

		assertThat(whileOpen).isGreaterThan(before);
		assertThat(after).isEqualTo(before);
	}

	@Test
	void aReaderRestartingInsideAnEntryResumesAfterTheSavedLine() throws Exception {
		// given: a Deflate64 entry, and a position saved after two lines
		Path zip = ReleaseZips.writeDeflate64(this.folder.resolve("EOIR Case Data 2026-0401.zip"),
				"Lookup/tblLanguage.csv", LANGUAGES);
		EoirFileReader first = new EoirFileReader("eoirTableReader",
				new ZipEntryResource(zip, "Lookup/tblLanguage.csv"), "tblLanguage.csv", EoirTables.LANGUAGE);
		ExecutionContext saved = new ExecutionContext();
		first.open(saved);
		first.read();
		first.read();
		first.update(saved);
		first.close();

		// when
		EoirFileReader restarted = new EoirFileReader("eoirTableReader",
				new ZipEntryResource(zip, "Lookup/tblLanguage.csv"), "tblLanguage.csv", EoirTables.LANGUAGE);
		restarted.open(saved);
		EoirLine next = restarted.read();
		EoirLine last = restarted.read();
		EoirLine end = restarted.read();
		restarted.close();

		// then
		assertThat(next.lineNumber()).isEqualTo(4);
		assertThat(next.fields()).containsExactly("3", "C", "c");
		assertThat(last.fields()).containsExactly("4", "D", "d");
		assertThat(end).isNull();
	}

	@Test
	void anEntryNamedToClimbOutOfTheZipIsIgnoredAndNothingOutsideIsTouched() throws IOException {
		// given: files outside the zip under the names its entries give
		Path inbox = Files.createDirectories(this.folder.resolve("inbox"));
		Path outside = this.folder.resolve("A_TblCase.csv");
		Files.writeString(outside, "IDNCASE\nfrom outside\n");
		Path zip = ReleaseZips.writeDeflate64(inbox.resolve("EOIR Case Data 2026-0401.zip"), "../A_TblCase.csv",
				"IDNCASE\nfrom the zip\n", "../../../../../../etc/passwd", "not the system's\n", "/etc/hosts",
				"absolute\n");

		// when
		EoirRelease release = Inbox.eoirReleases(inbox, null).get(0);
		byte[] read;
		try (InputStream in = new ZipEntryResource(zip, "../A_TblCase.csv").getInputStream()) {
			read = in.readAllBytes();
		}
		byte[] passwd;
		try (InputStream in = new ZipEntryResource(zip, "../../../../../../etc/passwd").getInputStream()) {
			passwd = in.readAllBytes();
		}

		// then
		assertThat(release.files()).extracting(DeliveredFile::relativePath)
			.containsExactly("../../../../../../etc/passwd", "../A_TblCase.csv", "/etc/hosts");
		assertThat(release.tableFiles()).as("an entry named to climb out of the zip is never read as a table")
			.isEmpty();
		assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("IDNCASE\nfrom the zip\n");
		assertThat(new String(passwd, StandardCharsets.UTF_8)).isEqualTo("not the system's\n");
		assertThat(Files.readString(outside)).isEqualTo("IDNCASE\nfrom outside\n");
		try (Stream<Path> written = Files.list(inbox)) {
			assertThat(written).containsExactly(zip);
		}
	}

	@Test
	void anEntryTheZipDoesNotHoldIsNamed() throws IOException {
		Path zip = ReleaseZips.writeDeflate64(this.folder.resolve("EOIR Case Data 2026-0401.zip"), "A_TblCase.csv",
				"IDNCASE\n");
		ZipEntryResource resource = new ZipEntryResource(zip, "B_TblProceeding.csv");

		assertThat(resource.exists()).isFalse();
		assertThatExceptionOfType(FileNotFoundException.class).isThrownBy(resource::getInputStream)
			.withMessageContaining(zip.toAbsolutePath().toString())
			.withMessageContaining("holds no entry 'B_TblProceeding.csv'");
		assertThat(new ZipEntryResource(this.folder.resolve("gone.zip"), "A_TblCase.csv").exists()).isFalse();
	}

	@Test
	void aZipThatCannotBeReadAnyMoreIsNamedWithWhyNotTakenForAMissingEntry() throws IOException {
		Path zip = ReleaseZips.writeDeflate64(this.folder.resolve("EOIR Case Data 2026-0401.zip"),
				"Lookup/tblLanguage.csv", LANGUAGES, "Count.txt", "tblLanguage\t4\r\n");
		ZipEntryResource resource = new ZipEntryResource(zip, "Lookup/tblLanguage.csv");
		byte[] bytes = Files.readAllBytes(zip);
		Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));

		assertThatExceptionOfType(IntakeException.class).isThrownBy(resource::exists)
			.withMessageStartingWith(zip + " cannot be read as a zip (")
			.withMessageContaining("its entry 'Lookup/tblLanguage.csv' cannot be read")
			.withMessageContaining("put the zip back as it was delivered");
	}

	private static long openFiles(Path descriptors) throws IOException {
		try (Stream<Path> open = Files.list(descriptors)) {
			return open.count();
		}
	}

}
