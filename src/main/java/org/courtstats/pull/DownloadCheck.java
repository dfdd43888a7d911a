package org.courtstats.pull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.courtstats.cbp.CbpFileCoverage;
import org.courtstats.spreadsheet.SpreadsheetException;
import org.courtstats.spreadsheet.SpreadsheetFile;

/**
 * Verifies a downloaded file before it is moved into the inbox: an EOIR zip's central
 * directory reads and lists entries (with Commons Compress, which knows EOIR's
 * Deflate64), an OHSS workbook opens and has sheets, a CBP file starts with its header
 * line.
 */
final class DownloadCheck {

	private static final int MAX_HEADER_CHARS = 64 * 1024;

	private DownloadCheck() {
	}

	/**
	 * Checks a downloaded file and fingerprints it.
	 * @param part the downloaded file
	 * @param kind eoir, ohss or cbp
	 * @param describe the source and address, for the message
	 * @param lengthAnnounced whether the publisher announced the file's length, and the
	 * download matched it; without it, a connection cut between rows of a CSV cannot be
	 * told from its end
	 * @return the file's SHA-256, hex
	 * @throws PullException when the file is not what its kind promises
	 */
	static String verify(Path part, String kind, String describe, boolean lengthAnnounced) {
		switch (kind) {
			case "eoir" -> checkZip(part, describe);
			case "ohss" -> checkWorkbook(part, describe);
			default -> {
				checkCsv(part, describe);
				if (!lengthAnnounced) {
					checkCsvEnds(part, describe);
				}
			}
		}
		return sha256(part);
	}

	/**
	 * A CSV of unannounced length must end with a line break and read whole: a download
	 * cut mid-row would otherwise load a shortened count.
	 */
	private static void checkCsvEnds(Path part, String describe) {
		try (SeekableByteChannel channel = Files.newByteChannel(part)) {
			ByteBuffer last = ByteBuffer.allocate(1);
			channel.position(Math.max(0, channel.size() - 1));
			if (channel.read(last) != 1 || (last.get(0) != '\n' && last.get(0) != '\r')) {
				throw refused(describe, "the publisher announced no length and the file does not end with a line "
						+ "break, as a download cut mid-row would not");
			}
		}
		catch (IOException ex) {
			throw refused(describe, "it cannot be read (" + ex.getMessage() + ")");
		}
		try {
			CbpFileCoverage.scan(part);
		}
		catch (RuntimeException ex) {
			throw refused(describe, "it does not read as a CBP encounters file to its end (" + ex.getMessage() + ")");
		}
	}

	private static void checkZip(Path part, String describe) {
		try (ZipFile zip = ZipFile.builder().setPath(part).get()) {
			if (!zip.getEntries().hasMoreElements()) {
				throw refused(describe, "the zip holds no entries");
			}
		}
		catch (IOException ex) {
			throw refused(describe, "its zip directory cannot be read (" + ex.getMessage() + ")");
		}
	}

	private static void checkWorkbook(Path part, String describe) {
		try (SpreadsheetFile workbook = SpreadsheetFile.open(part)) {
			if (workbook.sheetNames().isEmpty()) {
				throw refused(describe, "the workbook has no sheets");
			}
		}
		catch (SpreadsheetException ex) {
			throw refused(describe, "it does not open as an XLSX workbook (" + ex.getMessage() + ")");
		}
	}

	private static void checkCsv(Path part, String describe) {
		String header;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(Files.newInputStream(part), StandardCharsets.UTF_8))) {
			char[] start = new char[MAX_HEADER_CHARS];
			int read = reader.read(start);
			String text = (read > 0) ? new String(start, 0, read) : "";
			int end = text.indexOf('\n');
			header = (end >= 0) ? text.substring(0, end) : null;
		}
		catch (IOException ex) {
			throw refused(describe, "it cannot be read (" + ex.getMessage() + ")");
		}
		if (header == null || !header.toLowerCase(Locale.ROOT).contains("fiscal year") || !header.contains(",")) {
			throw refused(describe, "its first line is not a CBP header line naming 'Fiscal Year'");
		}
	}

	private static String sha256(Path file) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new PullException(file + " cannot be read to fingerprint it: " + ex.getMessage(), ex);
		}
	}

	private static PullException refused(String describe, String why) {
		return new PullException(describe + ": the downloaded file is refused, " + why + ". It was not moved into the "
				+ "inbox; the next run downloads it again. If the publisher's file is itself broken, switch the source "
				+ "off until it is replaced.");
	}

}
