package org.courtstats.samples;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.courtstats.eoir.EoirHeader;
import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EoirSampleGeneratorTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@TempDir
	Path inbox;

	@Test
	void theSameSeedWritesTheSameBytes() throws Exception {
		SampleRelease first = EoirSampleGenerator.generate(this.inbox.resolve("a"), "EOIR Case Data 2026-0401", 300, 7);
		SampleRelease second = EoirSampleGenerator.generate(this.inbox.resolve("b"), "EOIR Case Data 2026-0401", 300,
				7);
		SampleRelease other = EoirSampleGenerator.generate(this.inbox.resolve("c"), "EOIR Case Data 2026-0401", 300, 8);

		assertThat(digest(first.folder())).isEqualTo(digest(second.folder())).isNotEqualTo(digest(other.folder()));
		assertThat(first.expected()).isEqualTo(second.expected());
	}

	@Test
	void writesTheReleaseLayoutOfTheRealExport() {
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 200, 1);

		assertThat(sample.folder().resolve("EOIR Case Data/A_TblCase.csv")).isRegularFile();
		assertThat(sample.folder().resolve("EOIR Case Data/B_TblProceeding.csv")).isRegularFile();
		assertThat(sample.folder().resolve("Lookup/tblLookUpCaseIdentifier.csv")).isRegularFile();
		assertThat(sample.folder().resolve("Count.txt")).isRegularFile();
	}

	@Test
	void everyExpectedRejectIsAMalformedLine() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 200, 1);

		assertThat(sample.rejects()).extracting(SampleRelease.ExpectedReject::reasonCode)
			.containsExactlyInAnyOrder("key_missing", "key_missing", "key_not_integer");
		for (SampleRelease.ExpectedReject reject : sample.rejects()) {
			List<String> lines = Files
				.readAllLines(sample.folder().resolve("EOIR Case Data/" + reject.tableName() + ".csv"), WINDOWS_1252);
			int headerFields = lines.get(0).split("\t", -1).length;
			String[] fields = lines.get((int) reject.lineNumber() - 1).split("\t", -1);
			switch (reject.reasonCode()) {
				case "key_missing" ->
					assertThat(fields[reject.tableName().equals("tbl_schedule") ? 0 : 1]).as(reject.toString())
						.isEmpty();
				case "key_not_integer" -> assertThat(fields[0]).as(reject.toString()).isEqualTo("FC");
				default -> throw new AssertionError(reject);
			}
			assertThat(fields).as(reject.toString()).hasSize(headerFields);
		}
	}

	@Test
	void everyExpectedRepairIsALineWithTheWrongFieldCountAndItsKeyInFront() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 200, 1);

		assertThat(sample.repairs()).extracting(SampleRelease.ExpectedRepair::repairCode)
			.containsExactlyInAnyOrder("tab_shift", "padded");
		for (SampleRelease.ExpectedRepair repair : sample.repairs()) {
			List<String> lines = Files
				.readAllLines(sample.folder().resolve("EOIR Case Data/" + repair.tableName() + ".csv"), WINDOWS_1252);
			int headerFields = lines.get(0).split("\t", -1).length;
			String[] fields = lines.get((int) repair.lineNumber() - 1).split("\t", -1);
			assertThat(fields[0]).as(repair.toString()).isEqualTo(String.valueOf(repair.recordKey()));
			if (repair.repairCode().equals("tab_shift")) {
				assertThat(fields).as(repair.toString()).hasSize(headerFields + 1);
			}
			else {
				assertThat(fields.length).as(repair.toString()).isLessThan(headerFields);
			}
		}
	}

	@Test
	void theFilesCarryTheQuirksOfTheRealExport() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 200, 1);

		byte[] cases = Files.readAllBytes(sample.folder().resolve("EOIR Case Data/A_TblCase.csv"));
		byte[] decisions = Files.readAllBytes(sample.folder().resolve("Lookup/tblLookupCourtDecision.csv"));
		byte[] nationalities = Files.readAllBytes(sample.folder().resolve("Lookup/tblLookupAlienNat.csv"));
		String caseText = new String(cases, WINDOWS_1252);
		assertThat(cases).contains((byte) 0);
		assertThat(decisions).as("an en dash in windows-1252").contains((byte) 0x96);
		assertThat(nationalities).as("O circumflex in windows-1252").contains((byte) 0xD4);
		assertThat(caseText).contains("\r\n", "\tN/A\t", "\tb6\t", "\tNA\t");
	}

	@Test
	void aSeriesOfReleasesDatesNoProceedingAfterItsRelease() throws IOException {
		List<String> labels = List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501",
				"EOIR Case Data 2026-0601");
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox, labels, 2_000, 5);

		for (SampleRelease release : series) {
			String asOf = release.label().replaceAll(".* (\\d{4})-(\\d{2})(\\d{2})$", "$1-$2-$3");
			List<String> lines = Files.readAllLines(release.folder().resolve("EOIR Case Data/B_TblProceeding.csv"),
					WINDOWS_1252);
			List<String> header = List.of(lines.get(0).split("\t", -1));
			int input = header.indexOf("INPUT_DATE");
			int completion = header.indexOf("COMP_DATE");
			int notice = header.indexOf("OSC_DATE");
			List<String> late = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.split("\t", -1);
				for (int column : new int[] { input, completion, notice }) {
					String date = (column < fields.length && fields[column].length() >= 10)
							? fields[column].substring(0, 10) : "";
					if (date.matches("\\d{4}-\\d{2}-\\d{2}") && date.compareTo(asOf) > 0) {
						late.add(header.get(column) + " " + date + ": " + line);
					}
				}
			}
			assertThat(late).as(release.label() + ": dates after " + asOf).isEmpty();
			for (String[] tableAndColumn : new String[][] { { "tbl_RepsAssigned", "E_28_DATE" },
					{ "tbl_Court_Appln", "APPL_RECD_DATE" }, { "tbl_CustodyHistory", "DATRELEASED" } }) {
				List<String> rows = Files.readAllLines(
						release.folder().resolve("EOIR Case Data/" + tableAndColumn[0] + ".csv"), WINDOWS_1252);
				int column = List.of(rows.get(0).split("\t", -1)).indexOf(tableAndColumn[1]);
				assertThat(column).isNotNegative();
				assertThat(rows.subList(1, rows.size())
					.stream()
					.map((row) -> row.split("\t", -1))
					.filter((fields) -> column < fields.length && fields[column].length() >= 10
							&& fields[column].substring(0, 10).compareTo(asOf) > 0))
					.as(release.label() + ": " + tableAndColumn[1] + " after " + asOf)
					.isEmpty();
			}
		}
		assertThat(series.get(2).expected().proceedings()).isGreaterThan(series.get(0).expected().proceedings());
	}

	@Test
	void aSeriesLeavesTheCasesAndTheCompletedProceedingsAsTheyWere() throws IOException {
		List<String> labels = List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501");
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(this.inbox, labels, 500, 9);

		Map<String, String> casesBefore = linesByKey(series.get(0), "A_TblCase");
		Map<String, String> casesAfter = linesByKey(series.get(1), "A_TblCase");
		Map<String, String> proceedingsBefore = linesByKey(series.get(0), "B_TblProceeding");
		Map<String, String> proceedingsAfter = linesByKey(series.get(1), "B_TblProceeding");
		int completion = List.of(proceedingsBefore.get("").split("\t", -1)).indexOf("COMP_DATE");

		assertThat(casesAfter).as("the cases a month later").containsAllEntriesOf(casesBefore);
		Map<String, String> completed = new HashMap<>(proceedingsBefore);
		completed.values().removeIf((line) -> {
			String[] fields = line.split("\t", -1);
			return fields.length <= completion || fields[completion].isEmpty();
		});
		assertThat(completed).hasSizeGreaterThan(100);
		assertThat(proceedingsAfter).as("the proceedings completed before, a month later")
			.containsAllEntriesOf(completed);
	}

	/**
	 * A table's lines by their first field (the key), the header under "".
	 */
	private static Map<String, String> linesByKey(SampleRelease release, String table) throws IOException {
		Map<String, String> lines = new HashMap<>();
		List<String> all = Files.readAllLines(release.folder().resolve("EOIR Case Data/" + table + ".csv"),
				WINDOWS_1252);
		for (String line : all.subList(1, all.size())) {
			lines.put(line.substring(0, Math.max(0, line.indexOf('\t'))), line);
		}
		lines.put("", all.get(0));
		return lines;
	}

	@Test
	void theCountsHoldTogether() {
		SampleRelease.Expected expected = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 2000, 3)
			.expected();

		assertThat(expected.cases()).as("the cases asked for and the tab-shifted line the load repairs")
			.isEqualTo(2001);
		assertThat(expected.proceedings()).isGreaterThan(expected.cases());
		assertThat(expected.mppCases()).isPositive()
			.isLessThanOrEqualTo(expected.mppByIdentifier() + expected.mppByLocation())
			.isGreaterThan(Math.max(expected.mppByIdentifier(), expected.mppByLocation()));
		assertThat(expected.completedProceedings()).isGreaterThan(expected.inAbsentia());
		assertThat(expected.inAbsentia()).isPositive();
		assertThat(expected.mppCompletedProceedings()).isPositive().isGreaterThan(expected.mppInAbsentia());
		assertThat(expected.mppRepresented()).isPositive();
	}

	@Test
	void everyHeaderItWritesIsOneTheLoadKnowsWhole() throws IOException {
		SampleRelease sample = EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 50, 1);

		List<String> unknown = new ArrayList<>();
		int tables = 0;
		try (Stream<Path> files = Files.walk(sample.folder())) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Optional<EoirTable> table = EoirTables.forFile(file.getFileName().toString());
				if (table.isPresent()) {
					tables++;
					String header = Files.readAllLines(file, WINDOWS_1252).get(0);
					EoirHeader.parse(table.get(), file.getFileName().toString(), header)
						.unknownColumns()
						.forEach((column) -> unknown.add(file.getFileName() + ": " + column));
				}
			}
		}

		assertThat(tables).isEqualTo(EoirTables.ALL.size());
		assertThat(unknown).as("columns the load would warn about").isEmpty();
	}

	@Test
	void theStreamedNextReleaseKeepsTheFirstReleasesRowsAndKeysSaveAFew() throws IOException {
		EoirSampleGenerator.StreamedRelease first = EoirSampleGenerator.writeStreamed(this.inbox.resolve("a"),
				"EOIR Case Data 2026-0401", 20_000, 3, false);
		EoirSampleGenerator.StreamedRelease next = EoirSampleGenerator.writeStreamed(this.inbox.resolve("b"),
				"EOIR Case Data 2026-0501", 20_000, 3, true);

		for (String table : List.of("A_TblCase", "B_TblProceeding", "tbl_schedule", "B_TblProceedCharges",
				"tbl_Court_Appln", "tbl_RepsAssigned", "tbl_CustodyHistory")) {
			Map<String, String> before = linesByKey(first.folder().resolve("EOIR Case Data").resolve(table + ".csv"));
			Map<String, String> after = linesByKey(next.folder().resolve("EOIR Case Data").resolve(table + ".csv"));
			long kept = before.keySet().stream().filter(after::containsKey).count();
			long same = before.keySet().stream().filter((key) -> before.get(key).equals(after.get(key))).count();
			// One case in 200 gone with its rows, one row in 100 changed, and the
			// proceedings that complete in the month between the releases.
			assertThat((double) kept / before.size()).as("%s: keys kept", table).isBetween(0.98, 1.0);
			assertThat((double) same / kept).as("%s: rows unchanged", table).isGreaterThan(0.9);
			assertThat(after.size()).as("%s: rows", table).isGreaterThan((int) kept);
		}
	}

	private static Map<String, String> linesByKey(Path file) throws IOException {
		Map<String, String> lines = new HashMap<>();
		try (Stream<String> all = Files.lines(file, WINDOWS_1252)) {
			all.skip(1).forEach((line) -> lines.put(line.substring(0, line.indexOf('\t')), line));
		}
		return lines;
	}

	@Test
	void tooFewCasesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EoirSampleGenerator.generate(this.inbox, "EOIR Case Data 2026-0401", 5, 1))
			.withMessageContaining("at least 20");
	}

	private static String digest(Path folder) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				digest.update(folder.relativize(file).toString().getBytes(WINDOWS_1252));
				digest.update(Files.readAllBytes(file));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
