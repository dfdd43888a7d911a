package org.courtstats.normalize;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	@Test
	void nullTokensBecomeNull() {
		assertThat(Values.text("")).isNull();
		assertThat(Values.text("   ")).isNull();
		assertThat(Values.text("N/A")).isNull();
		assertThat(Values.text("n/a")).isNull();
		assertThat(Values.text("b6")).isNull();
		assertThat(Values.text(" B6 ")).isNull();
		assertThat(Values.text(null)).isNull();
		assertThat(Values.text("N/a")).isNull();
		assertThat(Values.text("n/A")).isNull();
	}

	@Test
	void onlyTheExactTokensAreNull() {
		for (String value : new String[] { "b7", "c6", "B", "6", "N-A", "NA/", "M/A", "N/B", "\u00e16", "b6x" }) {
			assertThat(Values.text(value)).as(value).isEqualTo(value);
		}
	}

	@Test
	void theLiteralCodeNaIsARealCode() {
		assertThat(Values.code("NA")).isEqualTo("NA");
		assertThat(Values.code(" na ")).isEqualTo("NA");
		assertThat(Values.isNullToken("NA")).isFalse();
	}

	@Test
	void codesAreTrimmedAndUpperCased() {
		assertThat(Values.code("  p ")).isEqualTo("P");
		assertThat(Values.code("SND      ")).isEqualTo("SND");
		assertThat(Values.code(" n/a ")).isNull();
		assertThat(Values.code("  ")).isNull();
		// a real code (a case identifier: San Clemente Border Patrol), not the redaction
		// marker it is in free text
		assertThat(Values.code(" b6 ")).isEqualTo("B6");
		assertThat(Values.codeText(" b6 ")).isEqualTo("b6");
		assertThat(Values.text(" b6 ")).isNull();
		assertThat(Values.upperCase(null)).isNull();
	}

	@Test
	void textIsTrimmedOfCharPadding() {
		assertThat(Values.text("IMMIGRATION COURT                                 ")).isEqualTo("IMMIGRATION COURT");
	}

	@Test
	void datesAreReadFromTheEoirTimestampFormat() {
		assertThat(parsed("2024-09-12 00:00:00.000")).isEqualTo(LocalDate.of(2024, 9, 12));
		assertThat(parsed("2025-02-27 10:43:03.530")).isEqualTo(LocalDate.of(2025, 2, 27));
		assertThat(parsed("2009-10-22")).isEqualTo(LocalDate.of(2009, 10, 22));
	}

	@Test
	void invalidDatesBecomeNull() {
		assertThat(parsed("2024-02-30 00:00:00.000")).isNull();
		assertThat(parsed("4/1974")).isNull();
		assertThat(parsed("1000")).isNull();
		assertThat(parsed("20240912")).isNull();
		assertThat(parsed("2024-09-12X00")).isNull();
		assertThat(parsed("2019-02-03 NYC")).as("a date followed by something else").isNull();
		assertThat(parsed("2024-09-12 0:00")).isNull();
		assertThat(parsed("2024-09-12 00:00:00.")).isNull();
		assertThat(parsed("N/A")).isNull();
		assertThat(parsed("0000-01-01 00:00:00.000")).as("no year 0 in PostgreSQL").isNull();
	}

	@Test
	void integersAreDigitsOnly() {
		assertThat(Values.integer("7375924")).isEqualTo(7375924L);
		assertThat(Values.integer("007")).isEqualTo(7L);
		assertThat(Values.integer("FC")).isNull();
		assertThat(Values.integer("12a")).isNull();
		assertThat(Values.integer("-")).isNull();
		assertThat(Values.integer("1234567890123456789")).isNull();
	}

	@Test
	void aValueInsideALineCleansAsTheSameValueCutOut() {
		// Values and padding the exports hold, and their edges: null tokens, dates,
		// numbers, Unicode whitespace and a character outside Latin-1.
		String[] parts = { "", " ", "  ", "\u2003", "\u00a0", "N/A", "n/a", "b6", "B6", "NA", "b7", "7", "-", "-12",
				"007", "7375924", "123456789012345678", "1234567890123456789", "2024-09-12", "2024-09-12 00:00:00.000",
				"2024-02-30 00:00:00.000", "0000-01-01", "2024-09-12X00", "2024-09-12T10:43", " NYC", ":00", ".5", "sa",
				"SND", "\u00e16", "x\u2013y" };
		Random random = new Random(7);
		for (int round = 0; round < 20_000; round++) {
			StringBuilder value = new StringBuilder();
			for (int n = random.nextInt(4); n >= 0; n--) {
				value.append(parts[random.nextInt(parts.length)]);
			}
			String prefix = parts[random.nextInt(parts.length)] + "\t";
			String line = prefix + value + "\t" + parts[random.nextInt(parts.length)];
			int from = prefix.length();
			int to = from + value.length();
			String cut = value.toString();
			String expected = stripped(cut);
			assertThat(Values.text(line, from, to)).as("text of '%s'", cut).isEqualTo(expected);
			assertThat(Values.text(cut)).as("text of '%s'", cut).isEqualTo(expected);
			assertThat(Values.isNullToken(cut)).as("null token '%s'", cut).isEqualTo(expected == null);
			assertThat(Values.date(line, from, to)).as("date of '%s'", cut).isEqualTo(date(expected));
			Long key = (expected != null && expected.matches("-?\\d+") && expected.length() <= 18)
					? Long.parseLong(expected) : null;
			assertThat(Values.key(line, from, to)).as("key of '%s'", cut).isEqualTo(key);
			if (expected != null) {
				assertThat(Values.integer(expected)).as("integer '%s'", expected).isEqualTo(key);
			}
		}
		assertThat(Values.text(null, 0, 0)).isNull();
		assertThat(Values.date(null, 0, 0)).isNull();
		assertThat(Values.key(null, 0, 0)).isNull();
	}

	/** What a value cleans to, by the definition: stripped, and null for a null token. */
	private static String stripped(String value) {
		String stripped = value.strip();
		boolean token = stripped.isEmpty() || stripped.equalsIgnoreCase("N/A") || stripped.equalsIgnoreCase("b6");
		return token ? null : stripped;
	}

	/**
	 * A date by the definition: YYYY-MM-DD, then nothing, or a space or T and HH:MM,
	 * HH:MM:SS or HH:MM:SS and a fraction of 1 to 9 digits.
	 */
	private static LocalDate date(String text) {
		if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?")) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.substring(0, 10));
			return (date.getYear() >= 1) ? date : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	/** A whole value parsed as a date. */
	private static LocalDate parsed(String value) {
		return Values.date(value, 0, value.length());
	}

}
