package org.courtstats.normalize;

/**
 * Cleans the codes of a file and keeps each as one string: a code column holds a few
 * hundred distinct values over millions of lines, and a string for each of them, made and
 * dropped line after line, is garbage the staging threads pay for. A code is looked up by
 * its characters in a small table; one not found there (or pushed out of it by another
 * that hashes to the same slot) is cut out of the line and takes its place, so that what
 * {@link #find} returns is valid until its next call. Not for free text, whose values
 * seldom repeat. One instance per thread: it is not synchronized.
 */
public final class RepeatedCodes {

	private static final int SLOTS = 1 << 9;

	private final String[] texts = new String[SLOTS];

	private final String[] codes = new String[SLOTS];

	/**
	 * Finds a value of a line in the table, adding it when it is not there.
	 * @param line the line, or null for a value that is absent
	 * @param from the index of the value's first character
	 * @param to the index after its last
	 * @return where the table holds the value, or -1 for no code (blank, {@code N/A}, or
	 * no value)
	 */
	public int find(String line, int from, int to) {
		if (line == null) {
			return -1;
		}
		int start = Values.stripStart(line, from, to);
		int end = Values.stripEnd(line, start, to);
		if (Values.isStrippedNullCode(line, start, end)) {
			return -1;
		}
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = 31 * hash + line.charAt(i);
		}
		int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
		String text = this.texts[slot];
		int length = end - start;
		if (text == null || text.length() != length || !line.regionMatches(start, text, 0, length)) {
			this.texts[slot] = line.substring(start, end);
			this.codes[slot] = null;
		}
		return slot;
	}

	/**
	 * A value found: trimmed, as {@link Values#codeText(String)} gives it.
	 * @param found what {@link #find} returned
	 * @return the text, or null for -1
	 */
	public String text(int found) {
		return (found >= 0) ? this.texts[found] : null;
	}

	/**
	 * A value found as a code: trimmed and upper-cased, as {@link Values#code(String)}
	 * gives it.
	 * @param found what {@link #find} returned
	 * @return the code, or null for -1
	 */
	public String code(int found) {
		if (found < 0) {
			return null;
		}
		if (this.codes[found] == null) {
			this.codes[found] = Values.upperCase(this.texts[found]);
		}
		return this.codes[found];
	}

	/**
	 * Whether upper-casing changes a value found, beyond its trimming.
	 * @param found what {@link #find} returned
	 * @return true when its code differs from its text
	 */
	public boolean changedAsCode(int found) {
		return found >= 0 && !code(found).equals(this.texts[found]);
	}

}
