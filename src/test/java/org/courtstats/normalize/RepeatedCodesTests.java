package org.courtstats.normalize;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedCodesTests {

	@Test
	void aCodeCleansAsValuesCleansItWhateverTheTableHeldBefore() {
		// More distinct values than the table has slots, so that they push each other
		// out, with padding, null tokens, lower case and characters outside Latin-1.
		String[] parts = { "", " ", "\u2003", "N/A", "n/a", "b6", "NA", "sna", "SNA", "WZU", "x", "7", "\u00e9",
				"\u2013", "212c", "212L", "ASYL" };
		RepeatedCodes codes = new RepeatedCodes();
		Random random = new Random(11);
		for (int round = 0; round < 50_000; round++) {
			StringBuilder value = new StringBuilder();
			for (int n = random.nextInt(3); n >= 0; n--) {
				value.append(parts[random.nextInt(parts.length)]);
			}
			if (random.nextInt(4) == 0) {
				value.append(random.nextInt(2_000));
			}
			String prefix = "1\t".repeat(random.nextInt(3));
			String line = prefix + value + "\tNEXT";
			String cut = value.toString();

			int found = codes.find(line, prefix.length(), prefix.length() + cut.length());

			assertThat(codes.text(found)).as("text of '%s'", cut).isEqualTo(Values.codeText(cut));
			assertThat(codes.code(found)).as("code of '%s'", cut).isEqualTo(Values.code(cut));
			assertThat(codes.changedAsCode(found)).as("'%s' changed as a code", cut)
				.isEqualTo(Values.code(cut) != null && !Values.code(cut).equals(Values.codeText(cut)));
		}
		assertThat(codes.find(null, 0, 0)).isEqualTo(-1);
		assertThat(codes.text(-1)).isNull();
		assertThat(codes.code(-1)).isNull();
	}

	@Test
	void aCodeSeenAgainIsTheSameString() {
		RepeatedCodes codes = new RepeatedCodes();
		String first = codes.code(codes.find("1\t sna \t2", 2, 7));
		String second = codes.code(codes.find("3\tsna\t4", 2, 5));

		assertThat(first).isEqualTo("SNA").isSameAs(second);
		assertThat(codes.text(codes.find("3\tsna\t4", 2, 5))).isEqualTo("sna");
	}

}
