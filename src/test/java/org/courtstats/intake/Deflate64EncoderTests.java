package org.courtstats.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test encoder writes streams that only a Deflate64 decoder reads: Commons Compress
 * gives the bytes back, {@code java.util.zip} cannot.
 */
class Deflate64EncoderTests {

	@TempDir
	Path folder;

	@Test
	void longRunsAndMatchesFromFurtherBackThan32KiBDecodeBackWithCommonsCompress() throws IOException {
		// given: data that repeats itself 40,000 bytes back, and a run of 70,000 bytes
		byte[] data = dataNeedingDeflate64();

		// when
		Deflate64Encoder.Encoded encoded = Deflate64Encoder.encode(data);

		// then
		assertThat(encoded.longestMatch()).as("lengths past Deflate's 258").isGreaterThan(258);
		assertThat(encoded.farthestDistance()).as("distances past Deflate's 32 KiB").isGreaterThan(32_768);
		assertThat(encoded.bytes().length).isLessThan(data.length / 2);
		try (InputStream in = new Deflate64CompressorInputStream(new ByteArrayInputStream(encoded.bytes()))) {
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
	}

	@Test
	void plainDeflateCannotDecodeTheStream() {
		Deflate64Encoder.Encoded encoded = Deflate64Encoder.encode(dataNeedingDeflate64());
		Inflater inflater = new Inflater(true);
		inflater.setInput(encoded.bytes());
		byte[] buffer = new byte[1 << 16];

		assertThatExceptionOfType(DataFormatException.class).isThrownBy(() -> {
			try {
				while (!inflater.finished()) {
					if (inflater.inflate(buffer) == 0 && inflater.needsInput()) {
						break;
					}
				}
			}
			finally {
				inflater.end();
			}
		});
	}

	@Test
	void aZipEntryOfMethod9ReadsWithCommonsCompressButNotWithJavaUtilZip() throws IOException {
		// given
		byte[] data = dataNeedingDeflate64();
		Path zip = this.folder.resolve("EOIR Case Data.zip");
		ReleaseZips.write(zip, Map.of("EOIR Case Data/A_TblCase.csv", data), (name) -> true);

		// when
		byte[] read;
		int method;
		try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
			ZipArchiveEntry entry = archive.getEntry("EOIR Case Data/A_TblCase.csv");
			method = entry.getMethod();
			try (InputStream in = archive.getInputStream(entry)) {
				read = in.readAllBytes();
			}
		}

		// then
		assertThat(method).isEqualTo(ZipMethod.ENHANCED_DEFLATED.getCode()).isEqualTo(9);
		assertThat(read).isEqualTo(data);
		try (ZipInputStream jdk = new ZipInputStream(Files.newInputStream(zip))) {
			assertThat(jdk.getNextEntry().getName()).isEqualTo("EOIR Case Data/A_TblCase.csv");
			assertThatExceptionOfType(ZipException.class).isThrownBy(() -> jdk.read(new byte[1024]))
				.withMessageContaining("compression method");
		}
	}

	@Test
	void textWithoutFarRepeatsStaysWithinDeflatesLimitsAndStillRoundTrips() throws IOException {
		byte[] data = "IDNCASE\tNAT\r\n1\tMX\r\n2\tGT\r\n3\tMX\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII);

		Deflate64Encoder.Encoded encoded = Deflate64Encoder.encode(data);

		assertThat(encoded.farthestDistance()).isLessThanOrEqualTo(32_768);
		try (InputStream in = new Deflate64CompressorInputStream(new ByteArrayInputStream(encoded.bytes()))) {
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
	}

	static byte[] dataNeedingDeflate64() {
		Random random = new Random(20260401);
		byte[] noise = new byte[40_000];
		random.nextBytes(noise);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(noise);
		out.writeBytes("A_TblCase\t12662705\r\n".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(noise);
		out.writeBytes("x".repeat(70_000).getBytes(StandardCharsets.US_ASCII));
		out.write(noise, 0, 1_000);
		return out.toByteArray();
	}

}
