package org.courtstats.cbp;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

import org.courtstats.normalize.Counts;
import org.courtstats.normalize.FiscalCalendar;
import org.courtstats.normalize.Values;

/**
 * Turns the values of one data row of a CBP encounter file into an {@link EncounterRow},
 * or into a {@link CbpRecord.Rejected} saying what is wrong with it.
 */
public final class EncounterRowMapper {

	/**
	 * The encounter type of every Title 42 row (sources.md §3: Title 42 encounters are
	 * expulsions, whatever the component).
	 */
	static final String EXPULSIONS = "Expulsions";

	/**
	 * The first day of the warehouse's calendar ({@code warehouse.dim_date}, seeded by
	 * V005): a row of an earlier month would hold its whole file back as a key that does
	 * not resolve.
	 */
	static final LocalDate CALENDAR_START = LocalDate.of(1950, 1, 1);

	private static final List<CbpColumn> KEY_COLUMNS = List.of(CbpColumn.FISCAL_YEAR, CbpColumn.MONTH,
			CbpColumn.COMPONENT, CbpColumn.LAND_BORDER_REGION, CbpColumn.AREA_OF_RESPONSIBILITY, CbpColumn.STATE,
			CbpColumn.DEMOGRAPHIC, CbpColumn.CITIZENSHIP, CbpColumn.TITLE_OF_AUTHORITY, CbpColumn.ENCOUNTER_TYPE);

	private final String fileName;

	private final CbpHeader header;

	private final LocalDate writtenOn;

	/** The first month no row may be of: the month after next, from the file's day. */
	private final LocalDate futureMonths;

	/**
	 * A mapper of the rows of a file written on a given day.
	 * @param fileName the file's name, for messages
	 * @param header the file's header
	 * @param writtenOn the day the file was written: a row of a month starting more than
	 * a month after it is rejected
	 */
	public EncounterRowMapper(String fileName, CbpHeader header, LocalDate writtenOn) {
		this.fileName = fileName;
		this.header = header;
		this.writtenOn = writtenOn;
		this.futureMonths = writtenOn.withDayOfMonth(1).plusMonths(2);
	}

	/**
	 * Maps one row.
	 * @param lineNumber the row's line number, the header being line 1
	 * @param values the row's values as parsed
	 * @param rawRecord the row as read, kept with a rejection
	 * @return the encounter row or the rejection
	 */
	public CbpRecord map(long lineNumber, List<String> values, String rawRecord) {
		if (values.size() != this.header.fieldCount()) {
			return reject(lineNumber, CbpRecord.Rejected.FIELD_COUNT,
					"the row has " + values.size() + " fields, expected " + this.header.fieldCount()
							+ " as in the header; a value with a comma may have lost its quotes",
					rawRecord, null);
		}
		String key = recordKey(values);
		String yearText = raw(values, CbpColumn.FISCAL_YEAR);
		Integer fiscalYear = FiscalCalendar.fiscalYear(yearText);
		if (fiscalYear == null) {
			return reject(lineNumber, CbpRecord.Rejected.BAD_FISCAL_YEAR,
					"Fiscal Year is \"" + yearText + "\", expected a four-digit year such as 2021 or 2026 (FYTD)",
					rawRecord, key);
		}
		String monthText = raw(values, CbpColumn.MONTH);
		int fiscalMonth = FiscalCalendar.fiscalMonth(monthText);
		if (fiscalMonth == 0) {
			return reject(lineNumber, CbpRecord.Rejected.UNKNOWN_MONTH,
					"Month (abbv) is \"" + monthText + "\", expected one of OCT, NOV, DEC, ... SEP", rawRecord, key);
		}
		LocalDate monthStart = FiscalCalendar.monthStart(fiscalYear, fiscalMonth);
		if (monthStart.isBefore(CALENDAR_START)) {
			return reject(lineNumber, CbpRecord.Rejected.BAD_FISCAL_YEAR,
					"Fiscal Year " + fiscalYear + ", month " + monthText.trim() + " is " + monthStart.getYear() + "-"
							+ String.format("%02d", monthStart.getMonthValue())
							+ ", before the warehouse's calendar (warehouse.dim_date) starts in "
							+ CALENDAR_START.getYear(),
					rawRecord, key);
		}
		if (!monthStart.isBefore(this.futureMonths)) {
			return reject(lineNumber, CbpRecord.Rejected.FUTURE_MONTH,
					"Fiscal Year " + fiscalYear + ", month " + monthText.trim() + " is " + monthStart.getYear() + "-"
							+ String.format("%02d", monthStart.getMonthValue())
							+ ", a month still to come when the file " + "was written (" + this.writtenOn
							+ "): no file counts its encounters yet",
					rawRecord, key);
		}
		String countText = raw(values, CbpColumn.ENCOUNTER_COUNT);
		Long count = Counts.parse(countText);
		if (count == null) {
			return reject(lineNumber, CbpRecord.Rejected.BAD_COUNT,
					"Encounter Count is \"" + countText + "\", expected a whole number such as 0, 153 or 1,577",
					rawRecord, key);
		}
		if (count < 0) {
			return reject(lineNumber, CbpRecord.Rejected.NEGATIVE_COUNT,
					"Encounter Count is " + count + ", expected 0 or more", rawRecord, key);
		}
		String title = text(values, CbpColumn.TITLE_OF_AUTHORITY);
		return new EncounterRow(lineNumber, fiscalYear, fiscalMonth, monthStart, text(values, CbpColumn.COMPONENT),
				text(values, CbpColumn.LAND_BORDER_REGION), text(values, CbpColumn.AREA_OF_RESPONSIBILITY),
				text(values, CbpColumn.AOR_ABBV), Values.code(raw(values, CbpColumn.STATE)),
				text(values, CbpColumn.DEMOGRAPHIC), text(values, CbpColumn.CITIZENSHIP), title,
				encounterType(values, title), count);
	}

	private String encounterType(List<String> values, String title) {
		if (this.header.indexOf(CbpColumn.ENCOUNTER_TYPE) >= 0) {
			return text(values, CbpColumn.ENCOUNTER_TYPE);
		}
		boolean title42 = title != null && CbpColumn.key(title).equals("title42");
		return title42 ? EXPULSIONS : null;
	}

	private CbpRecord.Rejected reject(long lineNumber, String reasonCode, String problem, String rawRecord,
			String key) {
		String message = this.fileName + ": line " + lineNumber + ": " + problem
				+ ". The row is not loaded; if it matters, correct it in etl.rejected_row.raw_record and run "
				+ "'courtstats replay-rejects'.";
		return new CbpRecord.Rejected(this.fileName, lineNumber, reasonCode, message, rawRecord, key);
	}

	private String recordKey(List<String> values) {
		StringJoiner key = new StringJoiner("|");
		for (CbpColumn column : KEY_COLUMNS) {
			if (this.header.indexOf(column) >= 0) {
				String value = raw(values, column);
				key.add((value != null) ? value.strip() : "");
			}
		}
		return key.toString();
	}

	private String raw(List<String> values, CbpColumn column) {
		int index = this.header.indexOf(column);
		return (index >= 0) ? values.get(index) : null;
	}

	private String text(List<String> values, CbpColumn column) {
		return Values.text(raw(values, column));
	}

}
