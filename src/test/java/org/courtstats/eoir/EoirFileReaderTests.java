package org.courtstats.eoir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.courtstats.staging.StagedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EoirFileReaderTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path folder;

	@Test
	void readsWindows1252WithCrlfEndingsAndStripsNulBytes() throws Exception {
		// given
		Path file = this.folder.resolve("tblLanguage.csv");
		Files.write(file, "idnLang\tstrCode\tstrDescription\r\n1\tFRE\tFRAN\u00c7AIS \u2013 x\0\r\n2\tSP\tSPANISH\r\n"
			.getBytes(WINDOWS_1252));
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.LANGUAGE);

		// when
		reader.open(new ExecutionContext());
		EoirLine first = reader.read();
		EoirLine second = reader.read();
		EoirLine end = reader.read();
		reader.close();

		// then
		assertThat(first.lineNumber()).isEqualTo(2);
		assertThat(first.fields()).containsExactly("1", "FRE", "FRAN\u00c7AIS \u2013 x");
		assertThat(second.lineNumber()).isEqualTo(3);
		assertThat(end).isNull();
	}

	@Test
	void fieldsAreTheTabSeparatedPartsWhateverTheirCount() {
		String header = "idnLang\tstrCode\tstrDescription";
		for (String text : new String[] { "", "\t", "a", "a\tb\tc", "a\t\t", "\t\tc", "a\tb\tc\td\te", "\t\t\t\t" }) {
			for (int extra = 0; extra <= 3; extra++) {
				// Headers of 3 to 6 fields, for lines of fewer, as many and more.
				EoirHeader expected = EoirHeader.parse(EoirTables.LANGUAGE, "tblLanguage.csv",
						header + "\tEXTRA".repeat(extra));
				EoirLine line = new EoirLine(2, text, expected);
				String[] split = text.split("\t", -1);
				assertThat(line.fieldCount()).as("'%s' against %d fields", text, expected.fieldCount())
					.isEqualTo(split.length);
				for (int i = 0; i < split.length; i++) {
					assertThat(line.field(i)).isEqualTo(split[i]);
					assertThat(text.substring(line.fieldStart(i), line.fieldEnd(i))).isEqualTo(split[i]);
				}
				assertThat(line.fields()).containsExactly(split);
			}
		}
	}

	@Test
	void aRestartResumesAfterTheLinesAlreadyCommitted() throws Exception {
		Path file = this.folder.resolve("tblLanguage.csv");
		Files.writeString(file, "idnLang\tstrCode\tstrDescription\n1\tA\ta\n2\tB\tb\n3\tC\tc\n4\tD\td\n");
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.LANGUAGE);
		ExecutionContext saved = new ExecutionContext();
		saved.putInt("eoirTableReader.read.count", 2);

		reader.open(saved);
		EoirLine next = reader.read();
		reader.close();

		assertThat(next.lineNumber()).isEqualTo(4);
		assertThat(next.fields()[1]).isEqualTo("C");
		assertThat(next.header().fieldCount()).isEqualTo(3);
	}

	@Test
	void linesStartingWithAHashAreDataNotComments() throws Exception {
		Path file = this.folder.resolve("tblLanguage.csv");
		Files.writeString(file, "idnLang\tstrCode\tstrDescription\n#1\tA\ta\n");
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.LANGUAGE);

		reader.open(new ExecutionContext());
		EoirLine line = reader.read();
		reader.close();

		assertThat(line.fields()[0]).isEqualTo("#1");
	}

	@Test
	void aFileThatCannotBeReadToItsEndIsNamedWithTheRowsReadBeforeIt() throws Exception {
		// given: a file whose bytes stop with an error after its header and two rows,
		// as a zip entry cut short does
		EoirFileReader reader = new EoirFileReader("eoirTableReader", cutShortAfterTwoRows(), "tblLanguage.csv",
				EoirTables.LANGUAGE);
		reader.open(new ExecutionContext());

		// when: the reader reads past the two rows
		assertThat(reader.read().fields()[1]).isEqualTo("A");
		assertThat(reader.read().fields()[1]).isEqualTo("B");

		// then
		assertThatExceptionOfType(EoirFileException.class).isThrownBy(reader::read)
			.withMessageStartingWith("tblLanguage.csv: the file could not be read after its first 2 rows: "
					+ "Unexpected end of ZLIB input stream. Run the load again");
		reader.close();
	}

	@Test
	void aRestartWhoseSkipToItsSavedRowFailsNamesTheRowsReadBeforeIt() {
		// given: the same file, and a restart saved after three rows
		EoirFileReader reader = new EoirFileReader("eoirTableReader", cutShortAfterTwoRows(), "tblLanguage.csv",
				EoirTables.LANGUAGE);
		ExecutionContext saved = new ExecutionContext();
		saved.putInt("eoirTableReader.read.count", 3);

		// when, then
		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(saved))
			.havingCause()
			.isInstanceOf(EoirFileException.class)
			.withMessageStartingWith("tblLanguage.csv: the file could not be read after its first 2 rows: "
					+ "Unexpected end of ZLIB input stream. Run the load again");
		reader.close();
	}

	/**
	 * A language table whose bytes stop with an error after its header and two rows.
	 */
	private static Resource cutShortAfterTwoRows() {
		byte[] bytes = "idnLang\tstrCode\tstrDescription\r\n1\tA\ta\r\n2\tB\tb\r\n3\tC".getBytes(WINDOWS_1252);
		return new ByteArrayResource(bytes) {

			@Override
			public InputStream getInputStream() {
				return new SequenceInputStream(new ByteArrayInputStream(bytes), new InputStream() {

					@Override
					public int read() throws IOException {
						throw new EOFException("Unexpected end of ZLIB input stream");
					}

				});
			}

		};
	}

	@Test
	void aFileWhoseEveryLineEndsInATabReadsAsIfItsHeaderDidToo() throws Exception {
		// given: charges whose lines all end in a tab, which line by line could also be
		// lines a tab inside CHARGE shifted, with CHG_STATUS empty
		assertThat(chargesRead(EoirFileReader.TAB_ENDED_LINES, 0)).as("every line as it is").allSatisfy((record) -> {
			assertThat(record).isInstanceOf(StagedRecord.Row.class);
			assertThat(((StagedRecord.Row) record).repair()).isNull();
			assertThat(((StagedRecord.Row) record).values()).contains("237a1B", "S");
		});
	}

	@Test
	void aFileWhoseFirstLinesDoNotAllEndInATabIsReadLineByLine() throws Exception {
		assertThat(chargesRead(EoirFileReader.TAB_ENDED_LINES, 3)).as("the lines ending in a tab, ambiguous")
			.filteredOn(StagedRecord.Rejected.class::isInstance)
			.extracting((record) -> ((StagedRecord.Rejected) record).reasonCode())
			.containsOnly("tab_shift_ambiguous")
			.hasSize(EoirFileReader.TAB_ENDED_LINES - 1);
	}

	@ParameterizedTest(name = "saved again as UTF-8 with a byte order mark: {0}")
	@ValueSource(booleans = { false, true })
	void aLastLineShortOfFieldsWithoutALineBreakIsRejectedAsCutShortNotPadded(boolean savedAsUtf8) throws Exception {
		String header = "IDNPRCDCHG\tIDNCASE\tIDNPROCEEDING\tCHARGE\tCHG_STATUS\r\n";
		String whole = "9000001\t5000000\t6000000\t237a1B\tS\r\n";
		String cut = "9000002\t5000000\t6000000\t23";

		List<StagedRecord> cutShort = processed(header + whole + cut, savedAsUtf8);
		List<StagedRecord> shortButEnded = processed(header + whole + cut + "\r\n", savedAsUtf8);

		assertThat(cutShort.get(0)).isInstanceOf(StagedRecord.Row.class);
		StagedRecord.Rejected rejected = (StagedRecord.Rejected) cutShort.get(1);
		assertThat(rejected.reasonCode()).isEqualTo("line_cut_short");
		assertThat(rejected.message())
			.contains("the file ends inside this line, with 4 of the 5 fields and no line break");
		assertThat(((StagedRecord.Row) shortButEnded.get(1)).repair().repairCode()).isEqualTo("padded");
	}

	/**
	 * Reads and cleans a charges file of the given text.
	 */
	private List<StagedRecord> processed(String text) throws Exception {
		return processed(text, false);
	}

	/**
	 * Reads and cleans a charges file of the given text, in windows-1252 as EOIR writes
	 * it, or saved again as UTF-8 with a byte order mark.
	 */
	private List<StagedRecord> processed(String text, boolean savedAsUtf8) throws Exception {
		Path file = this.folder.resolve("B_TblProceedCharges.csv");
		if (savedAsUtf8) {
			Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
		}
		else {
			Files.writeString(file, text, WINDOWS_1252);
		}
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.PROCEEDING_CHARGE);
		EoirRowProcessor processor = new EoirRowProcessor();
		List<StagedRecord> records = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (EoirLine line = reader.read(); line != null; line = reader.read()) {
				records.add(processor.process(line));
			}
		}
		finally {
			reader.close();
		}
		return records;
	}

	/**
	 * Reads and cleans a charges file of the given lines, all ending in a tab but the one
	 * at a position (from 1), or none for 0.
	 */
	private List<StagedRecord> chargesRead(int lines, int withoutTab) throws Exception {
		StringBuilder text = new StringBuilder("IDNPRCDCHG\tIDNCASE\tIDNPROCEEDING\tCHARGE\tCHG_STATUS\r\n");
		for (int i = 1; i <= lines; i++) {
			text.append(9000000 + i)
				.append("\t5000000\t6000000\t237a1B\tS")
				.append((i == withoutTab) ? "" : "\t")
				.append("\r\n");
		}
		List<StagedRecord> records = processed(text.toString());
		assertThat(records).hasSize(lines);
		return records;
	}

	@Test
	void anEmptyFileFailsWithAMessageNamingIt() throws Exception {
		Path file = this.folder.resolve("A_TblCase.csv");
		Files.writeString(file, "");
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.CASE);

		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingRootCause()
			.isInstanceOf(EoirFileException.class)
			.withMessageContaining("A_TblCase.csv: the file is empty");
	}

	@Test
	void aCaseDataFileHoldingItsHeaderAloneFailsAtItsEnd() throws Exception {
		Path file = this.folder.resolve("tbl_schedule.csv");
		Files.writeString(file, "IDNSCHEDULE\tIDNPROCEEDING\tIDNCASE\r\n\r\n");
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.SCHEDULE);
		reader.open(new ExecutionContext());
		try {
			assertThatExceptionOfType(EoirFileException.class).isThrownBy(() -> {
				while (reader.read() != null) {
					// the blank line after the header
				}
			})
				.withMessageContaining("tbl_schedule.csv: the file holds its header but no rows")
				.withMessageContaining("abandon the run");
		}
		finally {
			reader.close();
		}
	}

	@Test
	void aLookupFileHoldingItsHeaderAloneReadsAsNoRows() throws Exception {
		Path file = this.folder.resolve("tblLookupJudge.csv");
		Files.writeString(file, "JUDGE_CODE\tJUDGE_NAME\r\n");
		EoirFileReader reader = new EoirFileReader("eoirTableReader", file, EoirTables.JUDGE);
		reader.open(new ExecutionContext());
		try {
			assertThat(reader.read()).isNull();
		}
		finally {
			reader.close();
		}
	}

}
