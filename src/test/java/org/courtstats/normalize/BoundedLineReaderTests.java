package org.courtstats.normalize;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedLineReaderTests {

	@Test
	void crLfAndCrLfLineEndsGiveTheSameLines() throws IOException {
		assertThat(lines("a,b\r\nc,d\r\n")).containsExactly("a,b", "c,d");
		assertThat(lines("a,b\nc,d\n")).containsExactly("a,b", "c,d");
		assertThat(lines("a,b\rc,d\r")).containsExactly("a,b", "c,d");
		assertThat(lines("")).isEmpty();
	}

	@Test
	void itTellsWhetherTheLineLastReadEndedTheInputWithoutALineBreak() throws IOException {
		// a line that fills the buffered reader's buffer to its line break, then a last
		// one
		String full = "x".repeat(8191) + "\n";
		assertThat(endsUnbroken(full + "a\tb\nc\td")).containsExactly(false, false, true);
		assertThat(endsUnbroken(full + "a\tb\nc\td\n")).containsExactly(false, false, false);
		assertThat(endsUnbroken("a\tb\r\nc\td\r\n")).containsExactly(false, false);
		assertThat(endsUnbroken("a\tb\rc\td\r")).containsExactly(false, false);
		assertThat(endsUnbroken("a\tb\r\nc")).containsExactly(false, true);
		assertThat(endsUnbroken("c")).containsExactly(true);
		assertThat(endsUnbroken("")).isEmpty();
	}

	/**
	 * For each line a buffered reader reads, whether the reader beneath says it ended the
	 * input without a line break.
	 */
	private static List<Boolean> endsUnbroken(String text) throws IOException {
		BoundedLineReader decoded = new BoundedLineReader(
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), strict());
		BufferedReader reader = new BufferedReader(decoded);
		List<Boolean> unbroken = new ArrayList<>();
		while (reader.readLine() != null) {
			unbroken.add(decoded.endedWithoutLineBreak());
		}
		assertThat(decoded.endedWithoutLineBreak()).as("at the end")
			.isEqualTo(!unbroken.isEmpty() && unbroken.get(unbroken.size() - 1));
		return unbroken;
	}

	@Test
	void aLineLongerThanTheLimitIsStoppedAtItsLineNumber() {
		byte[] text = ("header\r\nshort\r\n" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(BoundedLineReader.LineException.class)
			.isThrownBy(() -> read(new BoundedLineReader(new ByteArrayInputStream(text), strict(), 64)))
			.withMessage("line 3 runs past 64 characters without a line break")
			.satisfies((ex) -> assertThat(ex.lineNumber()).isEqualTo(3));
	}

	@Test
	void bytesThatDoNotDecodeAreReportedWithTheirLineEvenInTheFirstBuffer() throws IOException {
		byte[] text = "Fiscal Year\nMEXICO\nM\u00c9XICO\n".getBytes(StandardCharsets.ISO_8859_1);
		BufferedReader reader = new BufferedReader(new BoundedLineReader(new ByteArrayInputStream(text), strict()));

		assertThat(reader.readLine()).isEqualTo("Fiscal Year");
		assertThat(reader.readLine()).isEqualTo("MEXICO");
		assertThatExceptionOfType(BoundedLineReader.LineException.class).isThrownBy(reader::readLine)
			.withMessageStartingWith("line 3 holds bytes that are not valid UTF-8");
	}

	@Test
	void aReplacingDecoderReadsUndefinedBytesAsTheReplacementCharacter() throws IOException {
		byte[] text = { 'a', (byte) 0x81, 'b', '\n' };
		BufferedReader reader = new BufferedReader(new BoundedLineReader(new ByteArrayInputStream(text),
				java.nio.charset.Charset.forName("windows-1252")
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)));

		assertThat(reader.readLine()).isEqualTo("a\uFFFDb");
		assertThat(reader.readLine()).isNull();
	}

	private static List<String> lines(String text) throws IOException {
		return read(new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), strict()));
	}

	private static List<String> read(BoundedLineReader in) throws IOException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(in)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static java.nio.charset.CharsetDecoder strict() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}
