package org.courtstats.eoir;

import org.courtstats.normalize.Values;

/**
 * How a source column is validated and cleaned.
 */
public enum ColumnKind {

	/**
	 * An integer key the row cannot do without (IDNCASE, IDNPROCEEDING): rejected when
	 * absent or not an integer.
	 */
	KEY,

	/**
	 * An integer reference that may be absent. Its column being an integer in
	 * {@link EoirColumnTypes}, any other value rejects the line ({@code type_mismatch}).
	 */
	OPTIONAL_ID,

	/**
	 * A code the row cannot do without (a lookup's key): trimmed, upper-cased, rejected
	 * when absent.
	 */
	KEY_CODE,

	/** A code: trimmed and upper-cased. */
	CODE,

	/**
	 * A code whose value as delivered the warehouse keeps beside it (a fact's
	 * {@code *_raw} column): trimmed and upper-cased, the raw value staged in
	 * {@code <column>_raw} when that changed more than its padding.
	 */
	TRACED_CODE,

	/**
	 * A code whose letter case carries meaning (APPL_CODE {@code 212c} is not
	 * {@code 212C}; charge cites such as {@code 212a6Ai}): trimmed, kept as delivered.
	 */
	CASED_CODE,

	/** A lookup's key that is a {@link #CASED_CODE}: rejected when absent. */
	CASED_KEY_CODE,

	/** Free text: trimmed, null tokens become null. */
	TEXT,

	/**
	 * A date in {@code YYYY-MM-DD HH:MM:SS.mmm}; a null token becomes null, anything else
	 * rejects the line ({@code date_invalid}).
	 */
	DATE;

	/**
	 * A key's value as the load reads it: an integer key's trimmed text, a code key's
	 * code text ({@code B6} being a code).
	 * @param raw the value as split from the line
	 * @return the trimmed value, or null when it is no value
	 */
	String keyText(String raw) {
		return (this == KEY) ? Values.text(raw) : Values.codeText(raw);
	}

	boolean keepsRaw() {
		return this == TRACED_CODE;
	}

	boolean requiredInHeader() {
		return this == KEY || this == KEY_CODE || this == CASED_KEY_CODE;
	}

}
