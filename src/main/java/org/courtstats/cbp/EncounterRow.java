package org.courtstats.cbp;

import java.time.LocalDate;

/**
 * One valid row of a CBP encounter file, typed and cleaned: text values are trimmed, and
 * blank ones are null, as are the columns its variant lacks.
 *
 * @param lineNumber line number in the file, the header being line 1
 * @param fiscalYear the fiscal year ({@code 2026 (FYTD)} reads as 2026)
 * @param fiscalMonth 1 for October to 12 for September
 * @param monthStart first day of the month (October to December fall in the calendar year
 * before the fiscal year)
 * @param component {@code Office of Field Operations} or {@code U.S. Border Patrol}; null
 * in the state variant
 * @param landBorderRegion e.g. {@code Southwest Land Border}
 * @param areaOfResponsibility OFO field office or USBP sector; null in the state variant
 * @param aorAbbv abbreviation of the area of responsibility; null in the state variant
 * @param state two-letter state, upper-cased; null in the area of responsibility variant
 * @param demographic e.g. {@code Single Adults}
 * @param citizenshipLabel the CBP citizenship label, e.g.
 * {@code CHINA, PEOPLES REPUBLIC OF}
 * @param titleOfAuthority {@code Title 8} or {@code Title 42}
 * @param encounterType as delivered; in the state variant, which has no such column,
 * {@code Expulsions} for Title 42 rows and null for Title 8 rows (whether a Title 8 row
 * is an apprehension or an inadmissible depends on the component, which that variant
 * lacks)
 * @param encounterCount encounters, 0 or more
 */
public record EncounterRow(long lineNumber, int fiscalYear, int fiscalMonth, LocalDate monthStart, String component,
		String landBorderRegion, String areaOfResponsibility, String aorAbbv, String state, String demographic,
		String citizenshipLabel, String titleOfAuthority, String encounterType,
		long encounterCount) implements CbpRecord {
}
