package org.courtstats.eoir;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.courtstats.normalize.BoundedLineReader;
import org.courtstats.normalize.ControlCharacters;
import org.courtstats.normalize.Windows1252LineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.NonTransientFlatFileException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Streams the lines of one EOIR file: tab-delimited, no quoting, windows-1252 (UTF-8 when
 * the file starts with a UTF-8 byte order mark), header on line 1. Control characters
 * (NUL bytes among them) are removed before a line is split. A line longer than
 * {@link BoundedLineReader#MAX_LINE_LENGTH} fails the file before it fills memory. Its
 * position is saved in the step's execution context, so a restart resumes after the last
 * committed chunk.
 */
public class EoirFileReader extends FlatFileItemReader<EoirLine> {

	/**
	 * Windows-1252: bytes it leaves undefined decode to U+FFFD rather than failing the
	 * load.
	 */
	public static final String ENCODING = "windows-1252";

	private static final Charset WINDOWS_1252 = Charset.forName(ENCODING);

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Logger logger = LoggerFactory.getLogger(EoirFileReader.class);

	private static final String DELIVER_AGAIN = "The release's files are fixed once registered: abandon the run "
			+ "('courtstats abandon RUN'; 'courtstats status' lists it) and deliver the release again, whole, under "
			+ "a new label.";

	/** The lines that show a file's lines end in a tab, when all of them do. */
	static final int TAB_ENDED_LINES = 10;

	private final EoirTable table;

	private final String fileName;

	private final Resource resource;

	/** The header line as read, for a file whose lines end in a tab. */
	private String headerLine;

	/**
	 * Whether the open file's lines come without control characters: a windows-1252 file
	 * read by {@link Windows1252LineReader}.
	 */
	private boolean linesStripped;

	private EoirHeader header;

	/**
	 * Whether the line last read ended the file without a line break, as the reader of
	 * the open file's lines tells it.
	 */
	private BooleanSupplier endedWithoutLineBreak = () -> false;

	/**
	 * Whether a line that is not blank was read, or skipped to on a restart.
	 */
	private boolean rowRead;

	private long linesWithUndefinedBytes;

	private long firstLineWithUndefinedBytes;

	public EoirFileReader(String name, Path file, EoirTable table) {
		this(name, new FileSystemResource(file), file.getFileName().toString(), table);
	}

	/**
	 * A reader of any resource, such as an entry of a zip read in place. A restart calls
	 * {@code getInputStream()} again and skips to the saved line, so the resource must
	 * give the bytes from the start each time.
	 * @param name the reader's name, the key of its position in the execution context
	 * @param resource the file's bytes
	 * @param fileName the file's name, for messages
	 * @param table the table it holds
	 */
	public EoirFileReader(String name, Resource resource, String fileName, EoirTable table) {
		super((line, lineNumber) -> {
			throw new IllegalStateException("replaced below");
		});
		this.table = table;
		this.fileName = fileName;
		setName(name);
		setResource(resource);
		setEncoding(ENCODING);
		this.resource = resource;
		setBufferedReaderFactory((source, encoding) -> lines(source, encoding, (ended) -> {
			this.endedWithoutLineBreak = ended;
		}));
		setStrict(true);
		setComments(new String[0]);
		setLinesToSkip(1);
		setSkippedLinesCallback((line) -> {
			this.headerLine = line;
			this.header = EoirHeader.parse(this.table, this.fileName, line);
		});
		setLineMapper((line, lineNumber) -> {
			String text = cleaned(line);
			if (text.indexOf('\uFFFD') >= 0 && this.linesWithUndefinedBytes++ == 0) {
				this.firstLineWithUndefinedBytes = lineNumber;
			}
			return new EoirLine(lineNumber, text, this.header, lineEndedTheFileUnbroken());
		});
	}

	/**
	 * The lines of the file. A UTF-8 byte order mark says the file was saved again as
	 * UTF-8: it is read so, or its header's first name and every accented letter would be
	 * garbled.
	 * @param endTold given what tells whether the line last read ended the file without a
	 * line break
	 */
	private BufferedReader lines(Resource source, String encoding, Consumer<BooleanSupplier> endTold)
			throws IOException {
		BufferedInputStream in = new BufferedInputStream(source.getInputStream());
		in.mark(UTF8_BOM.length);
		byte[] start = in.readNBytes(UTF8_BOM.length);
		boolean utf8 = Arrays.equals(start, UTF8_BOM);
		if (!utf8) {
			in.reset();
		}
		this.linesStripped = !utf8 && Charset.forName(encoding).equals(WINDOWS_1252);
		if (this.linesStripped) {
			Windows1252LineReader lines = new Windows1252LineReader(in);
			endTold.accept(lines::endedWithoutLineBreak);
			return lines;
		}
		BoundedLineReader decoded = new BoundedLineReader(in,
				(utf8 ? StandardCharsets.UTF_8 : Charset.forName(encoding)).newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE));
		endTold.accept(decoded::endedWithoutLineBreak);
		return new BufferedReader(decoded);
	}

	/**
	 * A line without its control characters, which a windows-1252 file's reader already
	 * removed.
	 */
	private String cleaned(String line) {
		return this.linesStripped ? line : ControlCharacters.strip(line);
	}

	/**
	 * Whether every line of the file ends in a tab that its header lacks, as the first
	 * {@value #TAB_ENDED_LINES} lines (a file that has at least that many) show: one
	 * field more than the header, and it empty. Such a file's header is read as if it
	 * ended in a tab too, so that its lines read as they are, where line by line an empty
	 * last field could also be the last value of a line a tab inside a value shifted.
	 */
	private boolean linesEndInATab() throws IOException {
		try (BufferedReader lines = lines(this.resource, ENCODING, (ended) -> {
		})) {
			lines.readLine();
			int seen = 0;
			for (String line = lines.readLine(); line != null && seen < TAB_ENDED_LINES; line = lines.readLine()) {
				String text = cleaned(line);
				if (text.isBlank()) {
					continue;
				}
				int last = text.lastIndexOf('\t');
				if (last < 0 || !text.substring(last + 1).isBlank()
						|| text.chars().filter((c) -> c == '\t').count() != this.header.fieldCount()) {
					return false;
				}
				seen++;
			}
			return seen == TAB_ENDED_LINES;
		}
	}

	@Override
	protected void doOpen() throws Exception {
		this.header = null;
		this.rowRead = false;
		try {
			super.doOpen();
		}
		catch (NonTransientFlatFileException ex) {
			throw unreadableLine(ex);
		}
		if (this.header == null) {
			throw new EoirFileException(this.fileName + ": the file is empty, expected a header line naming the "
					+ this.table.name() + " columns. " + DELIVER_AGAIN);
		}
		if (linesEndInATab()) {
			logger.info("{}: its lines end in a tab that its header lacks; the empty field after the last column is "
					+ "passed over", this.fileName);
			this.header = EoirHeader.parse(this.table, this.fileName, this.headerLine + "\t");
		}
		if (!this.header.missingColumns().isEmpty()) {
			logger.warn(
					"{}: line 1: column(s) {} that the load reads are missing from the header; they load as empty "
							+ "in every row. If EOIR renamed a column, map the new name in EoirTables.",
					this.fileName, String.join(", ", this.header.missingColumns()));
		}
		if (!this.header.unknownColumns().isEmpty()) {
			logger.warn(
					"{}: line 1: column(s) {} are not known {} columns; they are ignored. If EOIR renamed a "
							+ "column the load reads, map the new name in EoirTables.",
					this.fileName, String.join(", ", this.header.unknownColumns()), this.table.name());
		}
	}

	@Override
	protected void doClose() throws Exception {
		if (this.linesWithUndefinedBytes > 0) {
			// Not worth failing a release for, but not to pass unseen either.
			logger.warn(
					"{}: {} line(s) hold bytes that do not decode as windows-1252 (the first at line {}); they "
							+ "were read as U+FFFD. If names look garbled, the file may be in another encoding.",
					this.fileName, this.linesWithUndefinedBytes, this.firstLineWithUndefinedBytes);
		}
		this.linesWithUndefinedBytes = 0;
		super.doClose();
	}

	@Override
	protected EoirLine doRead() throws Exception {
		EoirLine line;
		try {
			line = super.doRead();
		}
		catch (NonTransientFlatFileException ex) {
			throw unreadableLine(ex);
		}
		if (line != null && !line.isBlank()) {
			this.rowRead = true;
		}
		else if (line == null && !this.rowRead) {
			headerAlone();
		}
		return line;
	}

	/**
	 * A file that holds its header and no row: refused for a case-data table, whose rows
	 * a full snapshot without them would soft-delete; a lookup's dimension keeps the
	 * members it has.
	 */
	private void headerAlone() {
		if (EoirTables.CASE_DATA.contains(this.table)) {
			throw new EoirFileException(this.fileName + ": the file holds its header but no rows, where every "
					+ "release holds thousands of " + this.table.name() + " rows: the delivery is incomplete, and "
					+ "loaded it would delete every row of the table. " + DELIVER_AGAIN);
		}
		logger.warn("{}: the file holds its header but no rows; the {} lookup's members stay as they were",
				this.fileName, this.table.name());
	}

	/**
	 * Skips, on a restart, the rows staged before it, one at a time, so that a read
	 * failing on the way names how far it got.
	 */
	@Override
	protected void jumpToItem(int itemIndex) throws Exception {
		this.rowRead = itemIndex > 0;
		int skipped = 0;
		try {
			for (; skipped < itemIndex; skipped++) {
				super.jumpToItem(1);
			}
		}
		catch (NonTransientFlatFileException ex) {
			throw unreadableLine(ex, skipped);
		}
	}

	private RuntimeException unreadableLine(NonTransientFlatFileException ex) {
		return unreadableLine(ex, Math.max(0, getCurrentItemCount() - 1));
	}

	/**
	 * The failure of a line that could not be read.
	 * @param ex the reader's failure
	 * @param rows the rows read before it
	 */
	private RuntimeException unreadableLine(NonTransientFlatFileException ex, long rows) {
		if (ex.getCause() instanceof BoundedLineReader.LineException line) {
			return new EoirFileException(this.fileName + ": " + line.getMessage() + "; EOIR lines are a few hundred "
					+ "characters, so the file is corrupt or not an EOIR table. The release is not loaded: obtain "
					+ "the file again from EOIR, abandon the run ('courtstats abandon RUN') and deliver the release "
					+ "under a new label.", ex);
		}
		if (ex.getCause() instanceof IOException io && this.header != null) {
			// Spring Batch gives no line number when the read itself fails.
			return new EoirFileException(this.fileName + ": the file could not be read after its first "
					+ String.format("%,d", rows) + " rows: " + io.getMessage() + ". Run the load again: it resumes "
					+ "after the last committed chunk. If it stops at the same place, the file is cut short or "
					+ "corrupt: obtain it again from EOIR, abandon the run ('courtstats abandon RUN') and deliver the "
					+ "release under a new label.", ex);
		}
		return ex;
	}

	/**
	 * Whether the line last read ended the file without a line break.
	 * @return true when the last line read is the file's last and lacks its line break
	 */
	public boolean lineEndedTheFileUnbroken() {
		return this.endedWithoutLineBreak.getAsBoolean();
	}

	/**
	 * The header of the open file.
	 * @return the header, null before the file is opened
	 */
	public EoirHeader header() {
		return this.header;
	}

}
