package org.courtstats.cbp;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.courtstats.normalize.BoundedLineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Streams the rows of one CBP encounter file (RFC 4180 CSV, UTF-8 with or without a byte
 * order mark, CRLF, LF or CR, header row) as {@link EncounterRow}s and rejects. Bytes
 * that are not UTF-8, or a line longer than {@link BoundedLineReader#MAX_LINE_LENGTH},
 * fail the file with the line they are on, rather than load a mangled value or fill
 * memory. The number of rows read is saved in the step's execution context under the
 * reader's name, so a restart skips the rows already committed and resumes at the next
 * line.
 */
public class CbpFileReader extends AbstractItemCountingItemStreamItemReader<CbpRecord> {

	/**
	 * RFC 4180 with blank lines skipped; a blank line carries no row, and skipping it
	 * keeps the line numbers of the rows after it true.
	 */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private static final Logger logger = LoggerFactory.getLogger(CbpFileReader.class);

	private final Resource resource;

	private final String fileName;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private TailInputStream tail;

	/** The line of the last row read, 0 before any. */
	private long lastLine;

	private int lastFieldCount;

	private CbpHeader header;

	private EncounterRowMapper mapper;

	private Map<Long, String> correctedRecords = Map.of();

	/** The lines read as corrected, with their records as the file holds them. */
	private final Map<Long, String> correctedLines = new HashMap<>();

	public CbpFileReader(String name, Path file) {
		this(name, new FileSystemResource(file), file.getFileName().toString());
	}

	/**
	 * A reader of any resource. A restart calls {@code getInputStream()} again and skips
	 * to the saved row, so the resource must give the bytes from the start each time.
	 * @param name the reader's name, the key of its position in the execution context
	 * @param resource the file's bytes
	 * @param fileName the file's name, for messages
	 */
	public CbpFileReader(String name, Resource resource, String fileName) {
		setName(name);
		this.resource = resource;
		this.fileName = fileName;
	}

	@Override
	protected void doOpen() throws Exception {
		this.header = null;
		this.lastLine = 0;
		this.tail = new TailInputStream(this.resource.getInputStream());
		BufferedReader reader = new BufferedReader(new BoundedLineReader(this.tail,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		try {
			skipByteOrderMark(reader);
			this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
		}
		catch (BoundedLineReader.LineException ex) {
			closeQuietly(reader, ex);
			throw unreadable(ex);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(reader, ex);
			throw ex;
		}
		this.records = this.parser.iterator();
		try {
			CSVRecord first = next();
			if (first == null) {
				throw new CbpFileException(this.fileName + ": the file is empty, expected a header row naming the "
						+ "CBP encounter columns (Fiscal Year, Month (abbv), ..., Encounter Count). Deliver the "
						+ "file again or remove it from the inbox.");
			}
			this.header = CbpHeader.parse(this.fileName, first.toList());
		}
		catch (RuntimeException ex) {
			doClose();
			throw ex;
		}
		this.mapper = new EncounterRowMapper(this.fileName, this.header, writtenOn(this.resource));
		if (!this.header.unknownColumns().isEmpty()) {
			logger.warn(
					"{}: line 1: column(s) {} are not known CBP encounter columns; they are ignored. If CBP "
							+ "renamed a column the load reads, map the new name in CbpColumn.",
					this.fileName, String.join(", ", this.header.unknownColumns()));
		}
	}

	@Override
	protected CbpRecord doRead() {
		CSVRecord record = next();
		if (record == null) {
			if (endsWithoutLineBreak()) {
				throw new CbpFileException(this.fileName + ": line " + this.lastLine + ", the last, ends without a "
						+ "line break (it holds " + this.lastFieldCount + " of the " + this.header.fieldCount()
						+ " fields): the file was cut short, as CBP ends its files with one, and its fiscal years "
						+ "would replace the ones loaded with part of their rows. Nothing of it is loaded. A file is "
						+ "fixed once registered: abandon the run ('courtstats abandon RUN'; 'courtstats status' "
						+ "lists it) and deliver the complete file under a new name, or remove it from the inbox.");
			}
			return null;
		}
		long line = lineOf(record);
		this.lastLine = line;
		this.lastFieldCount = record.size();
		String corrected = this.correctedRecords.get(line);
		String delivered = FORMAT.format((Object[]) record.values());
		if (corrected != null && !corrected.equals(delivered)) {
			this.correctedLines.put(line, delivered);
			return this.mapper.map(line, parse(corrected), corrected);
		}
		return this.mapper.map(line, record.toList(), delivered);
	}

	/**
	 * Whether the file, read to its end, ends without a line break after a row: a file
	 * cut short, as a download broken off leaves it (CBP ends its files with one), even
	 * where the cut falls inside the last value or leaves the row its fields. Found at
	 * the end of the file, it fails the file's step, so nothing of it is published.
	 */
	private boolean endsWithoutLineBreak() {
		int last = this.tail.last();
		return this.lastLine > 0 && last >= 0 && last != '\n' && last != '\r';
	}

	/**
	 * Reads the given lines as the records given instead of as the file holds them: rows
	 * an operator corrected in {@code etl.rejected_row.raw_record}.
	 * @param correctedRecords CSV records (one row, as quarantined) by line number
	 */
	public void setCorrectedRecords(Map<Long, String> correctedRecords) {
		this.correctedRecords = Map.copyOf(correctedRecords);
	}

	/**
	 * The day the file was last written, which no month it counts starts more than a
	 * month after: the same at registration, staging, a restart and a replay, whatever
	 * the day they run (a file whose bytes changed is refused). Today when the file does
	 * not tell.
	 */
	private static LocalDate writtenOn(Resource resource) {
		try {
			return LocalDate.ofInstant(Instant.ofEpochMilli(resource.lastModified()), ZoneOffset.UTC);
		}
		catch (IOException ex) {
			return LocalDate.now(ZoneOffset.UTC);
		}
	}

	/**
	 * The lines read so far as corrected rather than as the file holds them.
	 * @return each such line's record as the file holds it, by line number
	 */
	public Map<Long, String> correctedLines() {
		return Map.copyOf(this.correctedLines);
	}

	/**
	 * The values of a corrected record; a record that is not one CSV row is read as one
	 * value, which the mapper rejects for its field count.
	 */
	private static List<String> parse(String record) {
		try (CSVParser parser = CSVParser.parse(record, FORMAT)) {
			List<CSVRecord> rows = parser.getRecords();
			return (rows.size() == 1) ? rows.get(0).toList() : List.of(record);
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of(record);
		}
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		// Skips without mapping: the rows before the restart point were handled already.
		for (int skipped = 0; skipped < itemIndex; skipped++) {
			CSVRecord record = next();
			if (record == null) {
				return;
			}
			// A restart after the file's last row still knows which line that was.
			this.lastLine = lineOf(record);
			this.lastFieldCount = record.size();
		}
	}

	@Override
	protected void doClose() throws IOException {
		this.records = null;
		if (this.parser != null) {
			this.parser.close();
			this.parser = null;
		}
	}

	/**
	 * The header of the open file.
	 * @return the header, null before the file is opened
	 */
	public CbpHeader header() {
		return this.header;
	}

	/**
	 * The name of the file read, as messages give it.
	 * @return the file name
	 */
	public String fileName() {
		return this.fileName;
	}

	private CSVRecord next() {
		long linesBefore = this.parser.getCurrentLineNumber();
		try {
			return this.records.hasNext() ? this.records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw unreadable(ex, linesBefore);
		}
	}

	/**
	 * The failure of a row that cannot be read, after the lines read before it.
	 */
	private CbpFileException unreadable(UncheckedIOException ex, long linesBefore) {
		if (ex.getCause() instanceof BoundedLineReader.LineException line) {
			return unreadable(line);
		}
		return new CbpFileException(this.fileName + ": line " + (linesBefore + 1) + ": the row cannot be read as CSV ("
				+ ex.getCause().getMessage() + "). A value that opens a double quote must close it, and a quote "
				+ "inside a value is written twice (\"\"). Correct the file or obtain it again from CBP.", ex);
	}

	private CbpFileException unreadable(BoundedLineReader.LineException line) {
		return new CbpFileException(this.fileName + ": " + line.getMessage() + ". CBP publishes its files as UTF-8 "
				+ "CSV with lines of a few hundred characters: the file is corrupt or was saved in another form. "
				+ "Nothing of it is loaded; obtain it again from CBP (or save it as CSV UTF-8).", line);
	}

	/**
	 * The line a record starts on: the parser counts the line it ended on, and a quoted
	 * value may span lines.
	 */
	private long lineOf(CSVRecord record) {
		long breaks = 0;
		List<String> values = record.toList();
		for (String value : values) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
					breaks++;
				}
			}
		}
		return this.parser.getCurrentLineNumber() - breaks;
	}

	private static void skipByteOrderMark(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
	}

	/**
	 * Closes a reader after a failure, keeping the failure the one reported.
	 */
	private static void closeQuietly(BufferedReader reader, Exception failure) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * A stream that keeps the last byte read from it.
	 */
	private static final class TailInputStream extends FilterInputStream {

		private int last = -1;

		TailInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.last = b;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.last = buffer[offset + n - 1] & 0xFF;
			}
			return n;
		}

		/**
		 * The last byte read, or -1 before any.
		 */
		int last() {
			return this.last;
		}

	}

}
