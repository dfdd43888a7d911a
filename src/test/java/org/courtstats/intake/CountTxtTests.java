package org.courtstats.intake;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountTxtTests {

	@Test
	void readsTableNamesAndRowCountsAndIgnoresOtherLines() throws IOException {
		Map<String, Long> rows = CountTxt.parse(new StringReader("""
				Table\tRows
				A_TblCase\t12662705\r
				B_TblProceeding 16,549,926
				tbllookupCharges\t\0 42
				EOIRDB_Schema.csv

				tbl_schedule\tabout 42 million
				"""));

		assertThat(rows).containsOnly(Map.entry("a_tblcase", 12_662_705L), Map.entry("b_tblproceeding", 16_549_926L),
				Map.entry("tbllookupcharges", 42L));
	}

	@Test
	void readsTheFirstTableBehindAByteOrderMark() throws IOException {
		Charset windows1252 = Charset.forName("windows-1252");
		byte[] utf8 = "\uFEFFtblLookupAlienNat\t17\r\nA_TblCase\t5\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] utf16 = "\uFEFFtblLookupAlienNat\t17\r\nA_TblCase\t5\r\n".getBytes(StandardCharsets.UTF_16LE);

		for (byte[] bytes : List.of(utf8, utf16)) {
			Map<String, Long> rows = CountTxt.parse(new StringReader(new String(bytes, windows1252)));

			assertThat(rows).containsOnly(Map.entry("tbllookupaliennat", 17L), Map.entry("a_tblcase", 5L));
		}
	}

}
