package org.courtstats.eoir;

import java.nio.file.Path;

import org.courtstats.normalize.ControlCharacters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Streams the lines of one EOIR file: tab-delimited, no quoting, windows-1252, header on
 * line 1. Control characters (NUL bytes among them) are removed before a line is split.
 * Its position is saved in the step's execution context, so a restart resumes after the
 * last committed chunk.
 */
public class EoirFileReader extends FlatFileItemReader<EoirLine> {

	/**
	 * Windows-1252: bytes it leaves undefined decode to U+FFFD rather than failing the
	 * load.
	 */
	public static final String ENCODING = "windows-1252";

	private static final Logger logger = LoggerFactory.getLogger(EoirFileReader.class);

	private final EoirTable table;

	private final String fileName;

	private EoirHeader header;

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
		setStrict(true);
		setComments(new String[0]);
		setLinesToSkip(1);
		setSkippedLinesCallback((line) -> this.header = EoirHeader.parse(this.table, this.fileName, line));
		setLineMapper((line, lineNumber) -> {
			String text = ControlCharacters.strip(line);
			return new EoirLine(lineNumber, text, text.split("\t", -1), this.header);
		});
	}

	@Override
	protected void doOpen() throws Exception {
		this.header = null;
		super.doOpen();
		if (this.header == null) {
			throw new EoirFileException(this.fileName + ": the file is empty, expected a header line naming the "
					+ this.table.name() + " columns. Deliver the file again or remove it from the release.");
		}
		if (!this.header.unknownColumns().isEmpty()) {
			logger.warn(
					"{}: line 1: column(s) {} are not known {} columns; they are ignored. If EOIR renamed a "
							+ "column the load reads, map the new name in EoirTables.",
					this.fileName, String.join(", ", this.header.unknownColumns()), this.table.name());
		}
	}

	/**
	 * The header of the open file.
	 * @return the header, null before the file is opened
	 */
	public EoirHeader header() {
		return this.header;
	}

}
