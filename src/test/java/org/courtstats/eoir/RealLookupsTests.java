package org.courtstats.eoir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courtstats.staging.StagedRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real EOIR code lists (a dump of the lookups as JSON objects of code to name) read
 * through the row processor: every code loads as itself, none is taken for a null or
 * refused.
 */
class RealLookupsTests {

	private static final Path LOOKUPS = Path.of("../shared/data/real/eoir-marrowb/lookups.json");

	@Test
	void everyRealCodeOfTheLookupsTheLoadReadsLoadsAsItself() throws IOException {
		String json = Files.readString(LOOKUPS, StandardCharsets.UTF_8);
		Map<String, Integer> tables = new LinkedHashMap<>();
		for (EoirTable table : EoirTables.ALL) {
			List<EoirColumn> columns = table.columns();
			boolean codeAndName = columns.size() >= 2
					&& (columns.get(0).kind() == ColumnKind.KEY_CODE
							|| columns.get(0).kind() == ColumnKind.CASED_KEY_CODE)
					&& columns.get(1).kind() == ColumnKind.TEXT;
			Map<String, String> codes = codes(json, table.name());
			if (!codeAndName || codes.isEmpty()) {
				continue;
			}
			tables.put(table.name(), codes.size());
			EoirHeader header = EoirHeader.parse(table, table.name() + ".csv",
					columns.get(0).headerNames().get(0) + "\t" + columns.get(1).headerNames().get(0));
			EoirRowProcessor processor = new EoirRowProcessor();
			List<Object> read = new ArrayList<>();
			List<Object> expected = new ArrayList<>();
			int lineNumber = 1;
			for (Map.Entry<String, String> code : codes.entrySet()) {
				String text = code.getKey() + "\t" + code.getValue().replace('\t', ' ');
				StagedRecord record = processor.process(new EoirLine(++lineNumber, text, header));
				read.add((record instanceof StagedRecord.Row row) ? row.values()[0]
						: ((StagedRecord.Rejected) record).message());
				String stripped = code.getKey().strip();
				expected
					.add((columns.get(0).kind() == ColumnKind.KEY_CODE) ? stripped.toUpperCase(Locale.ROOT) : stripped);
			}
			assertThat(read).as(table.name()).containsExactlyElementsOf(expected);
		}
		// each lookup the load reads as a code and a name, with the codes the dump holds
		assertThat(tables).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("tblLookupAlienNat", 262),
				Map.entry("tblLanguage", 630), Map.entry("tblLookupBaseCity", 91), Map.entry("tblLookupHloc", 644),
				Map.entry("tblLookupJudge", 1133), Map.entry("tblLookupCaseType", 13),
				Map.entry("tblLookupCustodyStatus", 14), Map.entry("tblLookUpCaseIdentifier", 100),
				Map.entry("tblLookUp_Appln", 40), Map.entry("tblLookupCourtAppDecisions", 14),
				Map.entry("tblAdjournmentcodes", 114), Map.entry("tbllookupCharges", 252)));
		assertThat(codes(json, "tblLookUpCaseIdentifier")).as("the code that reads like the redaction marker")
			.containsEntry("B6", "San Clemente Border Patrol");
	}

	/**
	 * The codes and names of one lookup in the dump, in its order.
	 */
	private static Map<String, String> codes(String json, String table) {
		Matcher name = Pattern.compile("\"" + Pattern.quote(table) + "\\.json\"", Pattern.CASE_INSENSITIVE)
			.matcher(json);
		Map<String, String> codes = new LinkedHashMap<>();
		if (!name.find()) {
			return codes;
		}
		int start = json.indexOf('{', name.end());
		String object = json.substring(start, json.indexOf('}', start));
		Matcher entry = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
			.matcher(object);
		while (entry.find()) {
			codes.put(entry.group(1), entry.group(2));
		}
		return codes;
	}

}
