package org.courtstats.eoir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.courtstats.staging.StagedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

class EoirRecordReaderTests {

	@TempDir
	Path folder;

	@Test
	void cleansEachLineAndPassesBlankLinesOver() throws Exception {
		Path file = languages("1\tfre\tFrench\n\n2\t\tSpanish\n3\tSP\tSpanish\n");
		EoirRecordReader reader = reader(file);

		reader.open(new ExecutionContext());
		List<StagedRecord> records = readAll(reader);
		reader.close();

		assertThat(records).extracting(StagedRecord::lineNumber).containsExactly(2L, 4L, 5L);
		assertThat(((StagedRecord.Row) records.get(0)).values()).containsExactly("FRE", "French");
		assertThat(records.get(1)).isInstanceOf(StagedRecord.Rejected.class);
	}

	@Test
	void aRestartResumesAfterTheLinesReadBlankOnesIncluded() throws Exception {
		Path file = languages("1\tA\ta\n\n2\tB\tb\n3\tC\tc\n");
		EoirRecordReader first = reader(file);
		ExecutionContext saved = new ExecutionContext();
		first.open(saved);
		first.read();
		first.read();
		first.update(saved);
		first.close();

		EoirRecordReader restarted = reader(file);
		restarted.open(saved);
		List<StagedRecord> rest = readAll(restarted);
		restarted.close();

		assertThat(rest).extracting(StagedRecord::lineNumber).containsExactly(5L);
	}

	private Path languages(String lines) throws Exception {
		Path file = this.folder.resolve("tblLanguage.csv");
		Files.writeString(file, "idnLang\tstrCode\tstrDescription\n" + lines);
		return file;
	}

	private static EoirRecordReader reader(Path file) {
		return new EoirRecordReader(new EoirFileReader("eoirTableReader", file, EoirTables.LANGUAGE),
				new EoirRowProcessor());
	}

	private static List<StagedRecord> readAll(EoirRecordReader reader) throws Exception {
		List<StagedRecord> records = new ArrayList<>();
		for (StagedRecord record = reader.read(); record != null; record = reader.read()) {
			records.add(record);
		}
		return records;
	}

}
