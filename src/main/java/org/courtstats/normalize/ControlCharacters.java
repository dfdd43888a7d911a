package org.courtstats.normalize;

/**
 * Removes the NUL bytes and other C0/C1 control characters scattered through the exports,
 * keeping the tab that separates fields.
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	/**
	 * The line without control characters other than tab.
	 * @param line a decoded line
	 * @return the same instance when nothing needed removing
	 */
	public static String strip(String line) {
		int length = line.length();
		int first = -1;
		for (int i = 0; i < length; i++) {
			if (isControl(line.charAt(i))) {
				first = i;
				break;
			}
		}
		if (first < 0) {
			return line;
		}
		StringBuilder cleaned = new StringBuilder(length);
		cleaned.append(line, 0, first);
		for (int i = first; i < length; i++) {
			char c = line.charAt(i);
			if (!isControl(c)) {
				cleaned.append(c);
			}
		}
		return cleaned.toString();
	}

	static boolean isControl(char c) {
		return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F);
	}

}
