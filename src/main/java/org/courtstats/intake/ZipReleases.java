package org.courtstats.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the zip EOIR ships a release in ({@code EOIR Case Data.zip}) in place. Its
 * entries are usually Deflate64, which only Commons Compress reads. Entry names are kept
 * as plain strings: nothing resolves them against the file system, so a name such as
 * {@code ../../etc/passwd} cannot reach outside the zip; such an entry is not read at
 * all, and a warning names it. An entry that would inflate far beyond its compressed size
 * (a zip bomb) is refused before any of it is inflated, and an entry inflating past the
 * size its header declares is cut off.
 */
final class ZipReleases {

	/**
	 * Text tables compress a few to a few dozen times; a ratio beyond this, on an entry
	 * larger than {@link #BOMB_MIN_SIZE}, is the shape of a zip bomb.
	 */
	static final long BOMB_RATIO = 200;

	/** Below this uncompressed size an entry is never taken for a zip bomb. */
	static final long BOMB_MIN_SIZE = 64L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ZipReleases.class);

	/** Between the zip's path and an entry name in a location. */
	static final String ENTRY_SEPARATOR = "!/";

	private static final String ZIP_SUFFIX = ".zip";

	private static final String RELEASE_PREFIX = "eoir case data";

	private ZipReleases() {
	}

	static boolean isZipName(String fileName) {
		return fileName.toLowerCase(Locale.ROOT).endsWith(ZIP_SUFFIX);
	}

	/**
	 * Whether a file is named as EOIR names its release zip, {@code EOIR Case Data*.zip}
	 * in any case.
	 * @param fileName the file name
	 * @return true for a release zip
	 */
	static boolean isReleaseZipName(String fileName) {
		return isZipName(fileName) && fileName.toLowerCase(Locale.ROOT).startsWith(RELEASE_PREFIX);
	}

	/**
	 * The label a release zip gives its release: its name without {@code .zip}.
	 * @param zip the zip
	 * @return the label
	 */
	static String label(Path zip) {
		String name = zip.getFileName().toString();
		return name.substring(0, name.length() - ZIP_SUFFIX.length());
	}

	/**
	 * The file name of an entry, without the folders it sits under.
	 * @param entryName the entry name
	 * @return the part after the last slash or backslash
	 */
	static String fileName(String entryName) {
		int slash = Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\'));
		return entryName.substring(slash + 1);
	}

	static ZipFile open(Path zip) throws IOException {
		return ZipFile.builder().setPath(zip).get();
	}

	/**
	 * The entries of a release zip, classified like the files of a release folder.
	 * @param zip the zip
	 * @return its file entries in name order
	 * @throws IntakeException when the zip cannot be read, holds a table twice or holds
	 * an entry the load cannot decompress
	 */
	static List<DeliveredFile> entriesOf(Path zip) {
		List<DeliveredFile> files = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		try (ZipFile archive = open(zip)) {
			List<ZipArchiveEntry> entries = Collections.list(archive.getEntries());
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			for (ZipArchiveEntry entry : entries) {
				if (entry.isDirectory() || entry.isUnixSymlink()) {
					continue;
				}
				String name = entry.getName();
				String fileName = fileName(name);
				if (fileName.isEmpty()) {
					continue;
				}
				if (isUnsafeName(name)) {
					logger.warn("{}: entry '{}' names a path outside the zip (absolute, or with '..'); it is ignored, "
							+ "and nothing is ever extracted. Ask the sender for a zip whose entries are the release's "
							+ "files.", zip, name);
					files.add(new DeliveredFile(zip, name, null, true));
					continue;
				}
				if (isBomb(entry)) {
					throw new IntakeException(zip + ": entry '" + name + "' declares " + entry.getSize()
							+ " bytes compressed into " + entry.getCompressedSize() + " (over " + BOMB_RATIO
							+ " times), the shape of a zip bomb: the release is refused before any of it is "
							+ "inflated. Download the release again from EOIR.");
				}
				if (!archive.canReadEntryData(entry)) {
					throw new IntakeException(zip + ": entry '" + name + "' is stored with "
							+ describeMethod(entry.getMethod())
							+ ", which the load cannot read (it reads stored, Deflate and Deflate64 entries, "
							+ "unencrypted). Ask for the release as EOIR publishes it, or unzip it with a tool that "
							+ "reads it into a folder named for the release.");
				}
				EoirTable table = EoirTables.forFile(fileName).orElse(null);
				String key = fileName.toLowerCase(Locale.ROOT);
				if (table != null && seen.containsKey(key)) {
					throw new IntakeException(zip + " holds " + fileName + " twice: '" + seen.get(key) + "' and '"
							+ name + "'. Keep one copy per table in a release.");
				}
				seen.put(key, name);
				files.add(new DeliveredFile(zip, name, table, true));
			}
		}
		catch (IOException ex) {
			throw new IntakeException(zip + " cannot be read as a zip: " + ex.getMessage()
					+ ". If it is still being copied into the inbox, run the load once it is complete; "
					+ "otherwise download the release again.", ex);
		}
		return files;
	}

	/**
	 * The decompressed bytes of an entry, cut off with an error when they run past the
	 * size the entry declares (a zip bomb that lies about its size, or a corrupt zip),
	 * and failing at their end when they fall short of it or do not match the entry's
	 * checksum (CRC-32): bytes damaged inside the entry.
	 * @param zip the zip, for messages
	 * @param archive the open zip
	 * @param entry the entry
	 * @return its bytes
	 * @throws IOException when the entry cannot be read
	 */
	static InputStream openEntry(Path zip, ZipFile archive, ZipArchiveEntry entry) throws IOException {
		long declared = entry.getSize();
		InputStream in = archive.getInputStream(entry);
		if (declared < 0) {
			return in;
		}
		return new FilterInputStream(in) {

			private final CRC32 crc = new CRC32();

			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					this.crc.update(b);
				}
				count((b < 0) ? -1 : 1);
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					this.crc.update(buffer, offset, n);
				}
				count(n);
				return n;
			}

			/**
			 * Skips by reading, so that the skipped bytes count in the checksum.
			 */
			@Override
			public long skip(long n) throws IOException {
				byte[] buffer = new byte[8192];
				long skipped = 0;
				while (skipped < n) {
					int got = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
					if (got < 0) {
						break;
					}
					skipped += got;
				}
				return skipped;
			}

			private void count(int n) throws IOException {
				if (n > 0) {
					this.read += n;
				}
				if (this.read > declared) {
					throw new ZipException(zip + ": entry '" + entry.getName() + "' inflates past the " + declared
							+ " bytes its header declares (a zip bomb, or a corrupt zip); reading stopped");
				}
				if (n < 0 && this.read < declared) {
					throw new ZipException(zip + ": entry '" + entry.getName() + "' ends after " + this.read
							+ " of the " + declared + " bytes its header declares: the zip is corrupt");
				}
				if (n < 0 && entry.getCrc() >= 0 && this.crc.getValue() != entry.getCrc()) {
					throw new ZipException(zip + ": entry '" + entry.getName() + "' is corrupt: its bytes do not "
							+ "match the checksum (CRC-32) its header declares");
				}
			}

		};
	}

	/**
	 * Whether an entry name would reach outside the zip if it were ever resolved as a
	 * path: absolute (also with a drive letter), or with a {@code ..} segment.
	 */
	static boolean isUnsafeName(String name) {
		String path = name.replace('\\', '/');
		if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
			return true;
		}
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isBomb(ZipArchiveEntry entry) {
		long size = entry.getSize();
		long compressed = entry.getCompressedSize();
		return size > BOMB_MIN_SIZE && compressed >= 0 && size > compressed * BOMB_RATIO;
	}

	private static String describeMethod(int code) {
		ZipMethod method = ZipMethod.getMethodByCode(code);
		return "compression method " + code + ((method != null) ? " (" + method + ")" : "");
	}

}
