package org.courtstats.normalize;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Windows1252LineReaderTests {

	@Test
	void lfCrLfAndLoneCrEndALine() throws IOException {
		assertThat(lines("a\tb\r\nc\td\r\n")).containsExactly("a\tb", "c\td");
		assertThat(lines("a\tb\nc\td\n")).containsExactly("a\tb", "c\td");
		assertThat(lines("a\tb\rc\td\r")).containsExactly("a\tb", "c\td");
		assertThat(lines("a\r\rb\n\nc")).containsExactly("a", "", "b", "", "c");
		assertThat(lines("")).isEmpty();
		assertThat(lines("\r\n")).containsExactly("");
	}

	@Test
	void controlCharactersAreLeftOutAndTabsKept() throws IOException {
		byte[] text = { 'A', 0, 'B', '\t', 0x1F, 'C', 0x7F, '\t', 'D', '\n', 0, 0, '\n' };

		assertThat(lines(text)).containsExactly("AB\tC\tD", "");
	}

	@Test
	void bytesAboveAsciiReadAsWindows1252AndUndefinedOnesAsTheReplacementCharacter() throws IOException {
		byte[] text = { 'M', (byte) 0xC9, 'X', '\t', (byte) 0x80, '\t', (byte) 0x81, '\t', (byte) 0x9F, '\n' };

		assertThat(lines(text)).containsExactly("M\u00c9X\t\u20ac\t\uFFFD\t\u0178");
	}

	@Test
	void aLineLongerThanTheLimitIsStoppedAtItsLineNumber() {
		byte[] text = ("header\r\nshort\r\n" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);

		assertThatExceptionOfType(BoundedLineReader.LineException.class)
			.isThrownBy(() -> read(new Windows1252LineReader(new ByteArrayInputStream(text), 64)))
			.withMessage("line 3 runs past 64 characters without a line break")
			.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(3));
	}

	@Test
	void aLineAtTheLimitIsRead() throws IOException {
		byte[] text = ("x".repeat(64) + "\n" + "y".repeat(64)).getBytes(StandardCharsets.US_ASCII);

		assertThat(read(new Windows1252LineReader(new ByteArrayInputStream(text), 64))).containsExactly("x".repeat(64),
				"y".repeat(64));
	}

	@Test
	void linesLongerThanTheBuffersAndBreaksAcrossReadsAreWhole() throws IOException {
		// A CR at the end of one read and its LF at the start of the next make one break.
		String first = "a".repeat((1 << 16) - 1);
		String second = "b\t".repeat(50_000);
		byte[] text = (first + "\r\n" + second + "\r\nlast").getBytes(StandardCharsets.US_ASCII);

		assertThat(read(new Windows1252LineReader(trickling(text, 1 << 16)))).containsExactly(first, second, "last");
		assertThat(read(new Windows1252LineReader(trickling(text, 7)))).containsExactly(first, second, "last");
	}

	@Test
	void givesTheLinesTheDecodingReaderGivesWithControlCharactersStripped() throws IOException {
		// The reader the EOIR files were read with: windows-1252 decoded into characters,
		// split by BufferedReader, stripped line by line.
		byte[] alphabet = { 'a', 'Z', '0', ' ', '\t', '\t', '\n', '\r', 0, 0x1F, 0x7F, (byte) 0x80, (byte) 0x81,
				(byte) 0x8D, (byte) 0x9F, (byte) 0xA0, (byte) 0xC9, (byte) 0xFF };
		Random random = new Random(20261129);
		for (int sample = 0; sample < 500; sample++) {
			byte[] text = new byte[random.nextInt(300)];
			for (int i = 0; i < text.length; i++) {
				text[i] = alphabet[random.nextInt(alphabet.length)];
			}
			List<String> expected = new ArrayList<>();
			BufferedReader decoding = new BufferedReader(new BoundedLineReader(new ByteArrayInputStream(text),
					Charset.forName("windows-1252")
						.newDecoder()
						.onMalformedInput(CodingErrorAction.REPLACE)
						.onUnmappableCharacter(CodingErrorAction.REPLACE)));
			for (String line = decoding.readLine(); line != null; line = decoding.readLine()) {
				expected.add(ControlCharacters.strip(line));
			}

			assertThat(read(new Windows1252LineReader(trickling(text, 1 + random.nextInt(40)))))
				.as("lines of %s", Arrays.toString(text))
				.isEqualTo(expected);
		}
	}

	@Test
	void readsLinesOnly() {
		Windows1252LineReader reader = new Windows1252LineReader(new ByteArrayInputStream(new byte[0]));

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(reader::read);
	}

	private static List<String> lines(String text) throws IOException {
		return lines(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static List<String> lines(byte[] text) throws IOException {
		return read(new Windows1252LineReader(new ByteArrayInputStream(text)));
	}

	private static List<String> read(BufferedReader reader) throws IOException {
		List<String> lines = new ArrayList<>();
		try (reader) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}

	/**
	 * A stream that gives at most {@code most} bytes a read, as a file or zip entry may.
	 */
	private static InputStream trickling(byte[] bytes, int most) {
		return new ByteArrayInputStream(bytes) {

			@Override
			public synchronized int read(byte[] target, int offset, int length) {
				return super.read(target, offset, Math.min(length, most));
			}

		};
	}

}
