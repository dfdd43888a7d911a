package org.courtstats.staging;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's {@code COPY ... (FORMAT text)} encoding, written straight into a
 * growable buffer of UTF-8 bytes: the writers send each chunk's rows from it as they are,
 * with no string built in between, and reuse it for the next chunk.
 */
final class CopyText extends CopyRows {

	/**
	 * An empty buffer.
	 * @param capacity bytes to start with; it grows as rows need
	 */
	CopyText(int capacity) {
		super(capacity);
	}

	/** Appends a row: its values separated by tabs, ended by a newline. */
	@Override
	void appendRow(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				append((byte) '\t');
			}
			appendValue(values[i]);
		}
		append((byte) '\n');
	}

	private void appendValue(Object value) {
		if (value == null) {
			appendAscii("\\N");
		}
		else if (value instanceof String text) {
			appendText(text);
		}
		else if (value instanceof Long number) {
			appendNumber(number);
		}
		else if (value instanceof Integer number) {
			appendNumber(number);
		}
		else if (value instanceof LocalDate date) {
			appendDate(date);
		}
		else if (value instanceof Boolean bool) {
			appendAscii(bool.toString());
		}
		else {
			throw new IllegalArgumentException("Cannot stage a value of " + value.getClass());
		}
	}

	private void appendText(String text) {
		// At most three bytes a char: an escape takes two, a char outside ASCII up to
		// three (a surrogate pair, two chars, takes four).
		ensure(3 * text.length());
		this.length = encode(text, this.bytes, this.length, true);
	}

	/**
	 * Writes text as UTF-8, without its NUL characters (PostgreSQL text cannot hold them;
	 * the readers strip them, this is the last guard) and, for the text format, with
	 * backslashes, tabs and line breaks escaped.
	 * @param text the text
	 * @param out where to write, with room for three bytes a char
	 * @param at the index to write at
	 * @param escaped whether to escape as the text format needs
	 * @return the index after the last byte written
	 */
	static int encode(String text, byte[] out, int at, boolean escaped) {
		int chars = text.length();
		for (int i = 0; i < chars; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (c >= 0x20 && c != '\\') {
					out[at++] = (byte) c;
				}
				else if (c == 0) {
					// dropped
				}
				else if (!escaped) {
					out[at++] = (byte) c;
				}
				else {
					switch (c) {
						case '\\' -> {
							out[at++] = '\\';
							out[at++] = '\\';
						}
						case '\t' -> {
							out[at++] = '\\';
							out[at++] = 't';
						}
						case '\n' -> {
							out[at++] = '\\';
							out[at++] = 'n';
						}
						case '\r' -> {
							out[at++] = '\\';
							out[at++] = 'r';
						}
						default -> out[at++] = (byte) c;
					}
				}
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				int codePoint = (Character.isHighSurrogate(c) && i + 1 < chars
						&& Character.isLowSurrogate(text.charAt(i + 1))) ? Character.toCodePoint(c, text.charAt(++i))
								: -1;
				if (codePoint < 0) {
					// A lone surrogate is no character: '?', as the JDK's encoder writes.
					out[at++] = '?';
				}
				else {
					out[at++] = (byte) (0xF0 | (codePoint >> 18));
					out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
					out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
					out[at++] = (byte) (0x80 | (codePoint & 0x3F));
				}
			}
			else {
				out[at++] = (byte) (0xE0 | (c >> 12));
				out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		return at;
	}

	private void appendNumber(long number) {
		if (number == Long.MIN_VALUE) {
			appendAscii(Long.toString(number));
			return;
		}
		ensure(20);
		long rest = number;
		if (rest < 0) {
			this.bytes[this.length++] = '-';
			rest = -rest;
		}
		int digits = 1;
		for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
			digits++;
		}
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.bytes[i] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		this.length += digits;
	}

	private void appendDate(LocalDate date) {
		int year = date.getYear();
		if (year < 1000 || year > 9999) {
			appendAscii(date.toString());
			return;
		}
		ensure(10);
		appendDigits(year, 4);
		this.bytes[this.length++] = '-';
		appendDigits(date.getMonthValue(), 2);
		this.bytes[this.length++] = '-';
		appendDigits(date.getDayOfMonth(), 2);
	}

	private void appendDigits(int value, int digits) {
		int rest = value;
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.bytes[i] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		this.length += digits;
	}

	private void appendAscii(String text) {
		ensure(text.length());
		for (int i = 0; i < text.length(); i++) {
			this.bytes[this.length++] = (byte) text.charAt(i);
		}
	}

	private void append(byte b) {
		ensure(1);
		this.bytes[this.length++] = b;
	}

	@Override
	String copyOptions() {
		return "(format text)";
	}

	/**
	 * The rows as text, as the server will read them.
	 * @return the buffer decoded
	 */
	@Override
	public String toString() {
		return new String(this.bytes, 0, this.length, StandardCharsets.UTF_8);
	}

}
