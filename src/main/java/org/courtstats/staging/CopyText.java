package org.courtstats.staging;

import java.time.LocalDate;

/**
 * Renders values in PostgreSQL's {@code COPY ... (FORMAT text)} encoding.
 */
final class CopyText {

	private CopyText() {
	}

	static void appendRow(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			appendValue(out, values[i]);
		}
		out.append('\n');
	}

	static void appendValue(StringBuilder out, Object value) {
		if (value == null) {
			out.append("\\N");
		}
		else if (value instanceof String text) {
			appendText(out, text);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof LocalDate
				|| value instanceof Boolean) {
			out.append(value);
		}
		else {
			throw new IllegalArgumentException("Cannot stage a value of " + value.getClass());
		}
	}

	private static void appendText(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\0' -> {
					// PostgreSQL text cannot hold NUL; the readers strip it, this is the
					// last guard.
				}
				default -> out.append(c);
			}
		}
	}

}
