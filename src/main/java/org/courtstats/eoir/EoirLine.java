package org.courtstats.eoir;

import java.util.Arrays;

/**
 * One data line of an EOIR file, with the header it is read against. The line is split on
 * tabs once, into where each field ends; a field becomes a {@code String} only when
 * something asks for it ({@link #field(int)}, {@link #fields()}), so that the cleaning
 * reads keys and dates straight from the line, and the columns the load does not read
 * cost no string at all.
 */
public final class EoirLine {

	private final long lineNumber;

	private final String text;

	private final EoirHeader header;

	/** Where each field ends: the index of the tab after it, or the line's length. */
	private final int[] ends;

	private String[] fields;

	private final boolean endsTheFileUnbroken;

	/**
	 * A line split on its tabs.
	 * @param lineNumber line number in the file, the header being line 1
	 * @param text the line with control characters removed
	 * @param header the file's header
	 */
	public EoirLine(long lineNumber, String text, EoirHeader header) {
		this(lineNumber, text, header, false);
	}

	/**
	 * A line split on its tabs.
	 * @param lineNumber line number in the file, the header being line 1
	 * @param text the line with control characters removed
	 * @param header the file's header
	 * @param endsTheFileUnbroken whether the line ends the file without a line break
	 */
	public EoirLine(long lineNumber, String text, EoirHeader header, boolean endsTheFileUnbroken) {
		this.lineNumber = lineNumber;
		this.text = text;
		this.header = header;
		this.ends = fieldEnds(text, header.fieldCount());
		this.endsTheFileUnbroken = endsTheFileUnbroken;
	}

	/**
	 * Whether the line ends the file without a line break: short of fields, the line a
	 * file cut short ends in.
	 * @return true for the last line of a file that lacks its final line break
	 */
	public boolean endsTheFileUnbroken() {
		return this.endsTheFileUnbroken;
	}

	/**
	 * Where each tab-separated field of a text ends, in an array first sized for the
	 * fields expected: as many fields as {@code text.split("\t", -1)} gives.
	 */
	private static int[] fieldEnds(String text, int expected) {
		int[] ends = new int[Math.max(expected, 1)];
		int count = 0;
		int tab = -1;
		while ((tab = text.indexOf('\t', tab + 1)) >= 0) {
			if (count == ends.length) {
				ends = Arrays.copyOf(ends, ends.length * 2);
			}
			ends[count++] = tab;
		}
		if (count == ends.length) {
			ends = Arrays.copyOf(ends, ends.length + 1);
		}
		ends[count++] = text.length();
		return (count == ends.length) ? ends : Arrays.copyOf(ends, count);
	}

	/**
	 * Line number in the file.
	 * @return the line number, the header being line 1
	 */
	public long lineNumber() {
		return this.lineNumber;
	}

	/**
	 * The line as read.
	 * @return the line with control characters removed
	 */
	public String text() {
		return this.text;
	}

	/**
	 * The file's header.
	 * @return the header the line is read against
	 */
	public EoirHeader header() {
		return this.header;
	}

	/**
	 * How many tab-separated fields the line has.
	 * @return the field count, at least 1
	 */
	public int fieldCount() {
		return this.ends.length;
	}

	/**
	 * Where a field starts in {@link #text()}.
	 * @param index the field's index
	 * @return the index of its first character
	 */
	int fieldStart(int index) {
		return (index == 0) ? 0 : this.ends[index - 1] + 1;
	}

	/**
	 * Where a field ends in {@link #text()}.
	 * @param index the field's index
	 * @return the index after its last character
	 */
	int fieldEnd(int index) {
		return this.ends[index];
	}

	/**
	 * One field.
	 * @param index the field's index
	 * @return the field as delivered
	 */
	public String field(int index) {
		return (this.fields != null) ? this.fields[index] : this.text.substring(fieldStart(index), fieldEnd(index));
	}

	/**
	 * The tab-separated fields, as {@code text.split("\t", -1)} gives them; made at the
	 * first call. The array is the line's own: not to be changed.
	 * @return the fields
	 */
	public String[] fields() {
		if (this.fields == null) {
			String[] split = new String[this.ends.length];
			for (int i = 0; i < split.length; i++) {
				split[i] = field(i);
			}
			this.fields = split;
		}
		return this.fields;
	}

	boolean isBlank() {
		return this.text.isBlank();
	}

	@Override
	public String toString() {
		return "EoirLine[" + this.lineNumber + ": " + this.text + "]";
	}

}
