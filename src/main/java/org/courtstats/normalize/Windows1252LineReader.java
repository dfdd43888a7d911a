package org.courtstats.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the lines of a windows-1252 file straight from its bytes, with the control
 * characters {@link ControlCharacters#strip(String)} removes already left out. It gives
 * the lines {@link BoundedLineReader} under a {@link BufferedReader} followed by
 * {@code ControlCharacters.strip} give, in one pass over the bytes where those took four
 * (decode into characters, count the lines, split them off, scan each for control
 * characters). A line of printable ASCII and tabs, nearly every line of the EOIR files,
 * becomes its {@code String} by a copy of its bytes.
 * <p>
 * Line breaks are {@code \n}, {@code \r\n} or a lone {@code \r}, as for
 * {@link BufferedReader#readLine()}; a line that runs past the limit without one fails
 * with a {@link BoundedLineReader.LineException} naming it, before the rest of the file
 * is buffered; bytes windows-1252 leaves undefined read as U+FFFD. Only
 * {@link #readLine()} and {@link #close()} are supported.
 */
public final class Windows1252LineReader extends BufferedReader {

	private static final char[] CHARACTERS = decodingTable();

	private final InputStream in;

	private final int maxLineLength;

	private final byte[] buffer = new byte[1 << 16];

	private int position;

	private int limit;

	private byte[] line = new byte[1 << 10];

	/** The number of the line the next call reads, the first being 1. */
	private long lineNumber = 1;

	private boolean afterCarriageReturn;

	private boolean endedWithoutLineBreak;

	public Windows1252LineReader(InputStream in) {
		this(in, BoundedLineReader.MAX_LINE_LENGTH);
	}

	public Windows1252LineReader(InputStream in, int maxLineLength) {
		super(Reader.nullReader(), 1);
		this.in = in;
		this.maxLineLength = maxLineLength;
	}

	@Override
	public String readLine() throws IOException {
		int length = 0;
		boolean printable = true;
		while (true) {
			if (this.position == this.limit && !fill()) {
				this.endedWithoutLineBreak = length > 0;
				return (length > 0) ? text(length, printable) : null;
			}
			if (this.afterCarriageReturn) {
				this.afterCarriageReturn = false;
				if (this.buffer[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			int start = this.position;
			int end = start;
			int stop = this.limit;
			byte[] bytes = this.buffer;
			while (end < stop) {
				byte b = bytes[end];
				if (b == '\n' || b == '\r') {
					break;
				}
				printable &= (b >= 0x20 && b < 0x7F) || b == '\t';
				end++;
			}
			length = append(length, start, end);
			if (end < stop) {
				this.afterCarriageReturn = bytes[end] == '\r';
				this.position = end + 1;
				this.lineNumber++;
				return text(length, printable);
			}
			this.position = end;
		}
	}

	/**
	 * Whether the line last read ended the file without a line break, as the last line of
	 * a file cut short does.
	 * @return true when the last line read has no line break after it
	 */
	public boolean endedWithoutLineBreak() {
		return this.endedWithoutLineBreak;
	}

	private int append(int length, int start, int end) throws BoundedLineReader.LineException {
		int count = end - start;
		if (length + count > this.maxLineLength) {
			throw new BoundedLineReader.LineException(this.lineNumber, "line " + this.lineNumber + " runs past "
					+ this.maxLineLength + " characters without a line break");
		}
		if (length + count > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, length + count));
		}
		System.arraycopy(this.buffer, start, this.line, length, count);
		return length + count;
	}

	private String text(int length, boolean printable) {
		if (printable) {
			return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
		}
		char[] text = new char[length];
		int kept = 0;
		for (int i = 0; i < length; i++) {
			char c = CHARACTERS[this.line[i] & 0xFF];
			if (!ControlCharacters.isControl(c)) {
				text[kept++] = c;
			}
		}
		return new String(text, 0, kept);
	}

	private boolean fill() throws IOException {
		int n = this.in.read(this.buffer, 0, this.buffer.length);
		if (n <= 0) {
			this.position = 0;
			this.limit = 0;
			return false;
		}
		this.position = 0;
		this.limit = n;
		return true;
	}

	@Override
	public int read() {
		throw new UnsupportedOperationException("read lines with readLine()");
	}

	@Override
	public int read(char[] target, int offset, int length) {
		throw new UnsupportedOperationException("read lines with readLine()");
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * The character of each byte, as the JDK's windows-1252 decoder gives it when it
	 * replaces what it cannot map.
	 */
	private static char[] decodingTable() {
		CharsetDecoder decoder = Charset.forName("windows-1252")
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		char[] table = new char[256];
		for (int b = 0; b < 256; b++) {
			try {
				table[b] = decoder.decode(ByteBuffer.wrap(new byte[] { (byte) b })).charAt(0);
			}
			catch (CharacterCodingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return table;
	}

}
