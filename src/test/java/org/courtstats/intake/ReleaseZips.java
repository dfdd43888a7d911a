package org.courtstats.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Writes zips as EOIR ships its release: chosen entries compressed with Deflate64 (method
 * 9, written by {@link Deflate64Encoder}), the others with plain Deflate.
 */
public final class ReleaseZips {

	/** Entry time of every entry written, so that the same entries give the same zip. */
	public static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2026-04-01T06:30:00Z"));

	private ReleaseZips() {
	}

	/**
	 * The files under a folder as zip entries: names relative to the folder with forward
	 * slashes, folders as entries ending in {@code /}, in name order.
	 * @param folder the folder
	 * @return entry name to bytes (empty for a folder)
	 */
	public static Map<String, byte[]> entriesOf(Path folder) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted().toList()) {
				if (path.equals(folder)) {
					continue;
				}
				String name = folder.relativize(path).toString().replace('\\', '/');
				if (Files.isDirectory(path)) {
					entries.put(name + "/", new byte[0]);
				}
				else {
					entries.put(name, Files.readAllBytes(path));
				}
			}
		}
		return entries;
	}

	/**
	 * Writes a zip.
	 * @param zip where to write it
	 * @param entries entry name to bytes; a name ending in {@code /} is a folder
	 * @param deflate64 which entries to compress with Deflate64
	 * @return the entries compressed with Deflate64, with the streams written for them
	 */
	public static Map<String, Deflate64Encoder.Encoded> write(Path zip, Map<String, byte[]> entries,
			Predicate<String> deflate64) throws IOException {
		Map<String, Deflate64Encoder.Encoded> encoded = new LinkedHashMap<>();
		try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
			for (Map.Entry<String, byte[]> item : entries.entrySet()) {
				String name = item.getKey();
				byte[] bytes = item.getValue();
				ZipArchiveEntry entry = new ZipArchiveEntry(name);
				entry.setLastModifiedTime(ENTRY_TIME);
				if (!name.endsWith("/") && deflate64.test(name)) {
					Deflate64Encoder.Encoded stream = Deflate64Encoder.encode(bytes);
					CRC32 crc = new CRC32();
					crc.update(bytes);
					entry.setMethod(ZipMethod.ENHANCED_DEFLATED.getCode());
					entry.setCrc(crc.getValue());
					entry.setSize(bytes.length);
					entry.setCompressedSize(stream.bytes().length);
					out.addRawArchiveEntry(entry, new ByteArrayInputStream(stream.bytes()));
					encoded.put(name, stream);
				}
				else {
					entry.setMethod(ZipArchiveEntry.DEFLATED);
					out.putArchiveEntry(entry);
					out.write(bytes);
					out.closeArchiveEntry();
				}
			}
		}
		return encoded;
	}

	/**
	 * Writes a zip of entries given as name and text pairs, compressed with Deflate64.
	 * @param zip where to write it
	 * @param namesAndTexts entry name, text, entry name, text, ...
	 * @return the zip
	 */
	public static Path writeDeflate64(Path zip, String... namesAndTexts) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTexts.length; i += 2) {
			entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		write(zip, entries, (name) -> true);
		return zip;
	}

}
