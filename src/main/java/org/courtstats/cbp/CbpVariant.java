package org.courtstats.cbp;

import java.util.EnumSet;
import java.util.Set;

import static org.courtstats.cbp.CbpColumn.AREA_OF_RESPONSIBILITY;
import static org.courtstats.cbp.CbpColumn.CITIZENSHIP;
import static org.courtstats.cbp.CbpColumn.COMPONENT;
import static org.courtstats.cbp.CbpColumn.DEMOGRAPHIC;
import static org.courtstats.cbp.CbpColumn.ENCOUNTER_COUNT;
import static org.courtstats.cbp.CbpColumn.ENCOUNTER_TYPE;
import static org.courtstats.cbp.CbpColumn.FISCAL_YEAR;
import static org.courtstats.cbp.CbpColumn.LAND_BORDER_REGION;
import static org.courtstats.cbp.CbpColumn.MONTH;
import static org.courtstats.cbp.CbpColumn.TITLE_OF_AUTHORITY;

/**
 * The column layouts CBP has published its encounter files in; a file's header says which
 * one it is.
 */
public enum CbpVariant {

	/**
	 * By area of responsibility (12 columns), e.g.
	 * {@code nationwide-encounters-fy21-fy24-aor.csv}.
	 */
	AOR(EnumSet.of(COMPONENT, AREA_OF_RESPONSIBILITY, ENCOUNTER_TYPE)),

	/**
	 * By state (9 columns), without component, area of responsibility or encounter type,
	 * e.g. {@code nationwide-encounters-fy20-fy23-state.csv}.
	 */
	STATE(EnumSet.of(CbpColumn.STATE)),

	/**
	 * The older layout (13 columns) with both area of responsibility and state, e.g.
	 * {@code nationwide-encounters-fy19-fy22-aug.csv}.
	 */
	AOR_AND_STATE(EnumSet.of(COMPONENT, AREA_OF_RESPONSIBILITY, CbpColumn.STATE, ENCOUNTER_TYPE));

	/**
	 * Columns every variant must have. {@code Month Grouping} and {@code AOR (Abbv)} are
	 * left out: no fact column needs them.
	 */
	static final Set<CbpColumn> COMMON = EnumSet.of(FISCAL_YEAR, MONTH, LAND_BORDER_REGION, DEMOGRAPHIC, CITIZENSHIP,
			TITLE_OF_AUTHORITY, ENCOUNTER_COUNT);

	private final Set<CbpColumn> ownColumns;

	CbpVariant(Set<CbpColumn> ownColumns) {
		this.ownColumns = ownColumns;
	}

	/**
	 * Columns a file of this variant must have.
	 * @return the common columns and the variant's own
	 */
	public Set<CbpColumn> requiredColumns() {
		Set<CbpColumn> required = EnumSet.copyOf(COMMON);
		required.addAll(this.ownColumns);
		return required;
	}

	/**
	 * The variant a header is meant to be: a {@code Component} column marks the area of
	 * responsibility layouts, a {@code State} column the state ones.
	 * @param present the columns the header has
	 * @return the variant, or null when the header has neither column
	 */
	static CbpVariant of(Set<CbpColumn> present) {
		boolean byArea = present.contains(COMPONENT) || present.contains(AREA_OF_RESPONSIBILITY);
		boolean byState = present.contains(CbpColumn.STATE);
		if (byArea) {
			return byState ? AOR_AND_STATE : AOR;
		}
		return byState ? STATE : null;
	}

}
