package org.courtstats.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes a file's bytes into text while counting its lines, and stops a line that runs
 * past a limit before the reader above it buffers the rest: a file with no line breaks (a
 * corrupt or binary file) then costs a bounded amount of memory, not its size. With a
 * decoder that reports malformed input, bytes that do not decode are reported with the
 * line they are on (the text before them is delivered first, so the count is exact).
 */
public class BoundedLineReader extends Reader {

	/** Longer than any line of the sources read, by three orders of magnitude. */
	public static final int MAX_LINE_LENGTH = 1024 * 1024;

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final int maxLineLength;

	private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();

	private boolean endOfInput;

	private boolean flushed;

	private long line = 1;

	private long lineLength;

	private boolean afterCarriageReturn;

	/** The last character delivered, -1 before any. */
	private int lastCharacter = -1;

	public BoundedLineReader(InputStream in, CharsetDecoder decoder) {
		this(in, decoder, MAX_LINE_LENGTH);
	}

	public BoundedLineReader(InputStream in, CharsetDecoder decoder, int maxLineLength) {
		this.in = in;
		this.decoder = decoder;
		this.maxLineLength = maxLineLength;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.flushed) {
			return -1;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (out.position() == offset) {
			CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
			if (result.isError() && out.position() == offset) {
				throw new LineException(this.line, "line " + this.line + " holds bytes that are not valid "
						+ this.decoder.charset().name() + " (" + result + ")");
			}
			if (result.isError() || result.isOverflow() || out.position() > offset) {
				break;
			}
			if (this.endOfInput) {
				if (!this.flushed) {
					this.decoder.flush(out);
					this.flushed = true;
				}
				break;
			}
			fill();
		}
		int read = out.position() - offset;
		if (read == 0) {
			return -1;
		}
		count(buffer, offset, read);
		this.lastCharacter = buffer[offset + read - 1];
		return read;
	}

	/**
	 * Whether the input ended without a line break after its last character, once this
	 * reader has reported its end: under a {@link java.io.BufferedReader}, the line last
	 * read is then the file's last and lacks its line break, as the last line of a file
	 * cut short does (the buffered reader looks for the end only when a line runs to it).
	 * @return true when the end was reached right after a character other than a line
	 * break
	 */
	public boolean endedWithoutLineBreak() {
		return this.flushed && this.lastCharacter >= 0 && this.lastCharacter != '\n' && this.lastCharacter != '\r';
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private void fill() throws IOException {
		this.bytes.compact();
		int n = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (n < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + n);
		}
		this.bytes.flip();
	}

	private void count(char[] buffer, int offset, int length) throws LineException {
		for (int i = offset; i < offset + length; i++) {
			char c = buffer[i];
			if (c == '\n' && this.afterCarriageReturn) {
				this.afterCarriageReturn = false;
				continue;
			}
			this.afterCarriageReturn = c == '\r';
			if (c == '\n' || c == '\r') {
				this.line++;
				this.lineLength = 0;
			}
			else if (++this.lineLength > this.maxLineLength) {
				throw new LineException(this.line,
						"line " + this.line + " runs past " + this.maxLineLength + " characters without a line break");
			}
		}
	}

	/** A line that cannot be read: too long, or holding bytes that do not decode. */
	public static class LineException extends IOException {

		private static final long serialVersionUID = 1L;

		private final long lineNumber;

		LineException(long lineNumber, String message) {
			super(message);
			this.lineNumber = lineNumber;
		}

		public long lineNumber() {
			return this.lineNumber;
		}

	}

}
