package org.courtstats.observability;

import java.util.Set;

/**
 * Writes markup that parses both as HTML and as XML, escaping every text and attribute
 * value it is given.
 */
final class Xhtml {

	private static final Set<String> INLINE = Set.of("a", "abbr", "code", "em", "small", "span", "strong", "title",
			"tspan");

	private final StringBuilder out = new StringBuilder(64 * 1024);

	Xhtml doctype() {
		this.out.append("<!DOCTYPE html>\n");
		return this;
	}

	/**
	 * Opens an element.
	 * @param tag the element name, a constant of ours
	 * @param attributes names and values, alternating; a null value leaves the attribute
	 * out
	 * @return this writer
	 */
	Xhtml open(String tag, String... attributes) {
		start(tag, attributes);
		this.out.append('>');
		return this;
	}

	Xhtml close(String tag) {
		this.out.append("</").append(tag).append('>');
		if (!INLINE.contains(tag)) {
			this.out.append('\n');
		}
		return this;
	}

	/**
	 * Writes an element with no content, such as {@code <rect .../>}.
	 * @param tag the element name
	 * @param attributes names and values, alternating
	 * @return this writer
	 */
	Xhtml empty(String tag, String... attributes) {
		start(tag, attributes);
		this.out.append("/>");
		if (!INLINE.contains(tag)) {
			this.out.append('\n');
		}
		return this;
	}

	/**
	 * Writes a style sheet of ours as it is: HTML does not decode references inside
	 * {@code <style>}, so it must hold nothing that XML would need escaped.
	 * @param css the style sheet, a constant
	 * @return this writer
	 */
	Xhtml styleSheet(String css) {
		if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
			throw new IllegalArgumentException("A style sheet may hold neither < nor &");
		}
		this.out.append(css);
		return this;
	}

	Xhtml text(String text) {
		this.out.append(escape(text));
		return this;
	}

	/**
	 * Writes an element holding only text.
	 * @param tag the element name
	 * @param text its text, escaped
	 * @param attributes names and values, alternating
	 * @return this writer
	 */
	Xhtml element(String tag, String text, String... attributes) {
		return open(tag, attributes).text(text).close(tag);
	}

	private void start(String tag, String... attributes) {
		if (attributes.length % 2 != 0) {
			throw new IllegalArgumentException("Attributes of <" + tag + "> come in name and value pairs");
		}
		this.out.append('<').append(tag);
		for (int i = 0; i < attributes.length; i += 2) {
			if (attributes[i + 1] != null) {
				this.out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
			}
		}
	}

	/**
	 * Escapes a value for text or a quoted attribute, and replaces the characters XML
	 * forbids (control characters, which a file or release name may hold) with U+FFFD.
	 * @param value the value, or null for none
	 * @return the escaped value
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(allowedInXml(c) ? c : '\uFFFD');
			}
		}
		return escaped.toString();
	}

	private static boolean allowedInXml(char c) {
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
