package org.courtstats.ohss;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import org.courtstats.spreadsheet.CellValue;
import org.courtstats.spreadsheet.SheetRow;

/**
 * Turns the rows below a sheet's header into long-form cells, a row at a time: a
 * fiscal-year total row ({@code A} = {@code 2014} or {@code "2024 YTD"}, {@code B} =
 * {@code Total}), then its month rows ({@code A} empty, {@code B} = {@code October} …
 * {@code September}, usually hidden). The first other non-empty row (the legend, the
 * footnotes, "Notes:", "Source:") ends the data; nothing below it is read. A row whose
 * column B reads like a month or a total without being one ("Sept", "Total*") rejects the
 * sheet instead, so that no year is cut off unseen; so does a cell that is neither a
 * number nor a known marker. A rejected sheet ends the cells with an
 * {@link OhssTableRejectedException} holding its cells not yet read.
 */
final class OhssSheetCells implements Iterator<OhssRecord> {

	/**
	 * Column B text that reads like a month or a total without being one of the labels:
	 * an abbreviated or marked month ("Sept", "Oct."), a marked total ("Total*").
	 */
	private static final Pattern MONTH_OR_TOTAL_LIKE = Pattern
		.compile("(?i)(total|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?![a-z]*\\s+[a-z])");

	private final String where;

	private final OhssSheetLayout layout;

	private final Iterator<SheetRow> rows;

	private final Deque<OhssRecord> pending = new ArrayDeque<>();

	private Integer fiscalYear;

	private boolean ended;

	OhssSheetCells(String where, OhssSheetLayout layout, Iterator<SheetRow> rows) {
		this.where = where;
		this.layout = layout;
		this.rows = rows;
	}

	@Override
	public boolean hasNext() {
		while (this.pending.isEmpty() && !this.ended) {
			if (!this.rows.hasNext()) {
				this.ended = true;
			}
			else {
				SheetRow row = this.rows.next();
				try {
					readRow(row);
				}
				catch (OhssLayoutException ex) {
					this.ended = true;
					throw OhssTableRejectedException.from(ex, this.layout, row, this.rows);
				}
			}
		}
		return !this.pending.isEmpty();
	}

	@Override
	public OhssRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.pending.removeFirst();
	}

	private void readRow(SheetRow row) {
		if (row.isEmpty()) {
			return;
		}
		Integer yearOfTotal = fiscalYearTotal(row);
		Integer month = (yearOfTotal == null) ? monthRow(row) : null;
		CellValue label = row.cell("B");
		if (yearOfTotal == null && month == null && label != null && label.isNumber()) {
			// Column B is text in every OHSS table; a number there is most likely a month
			// stored as a date, and ending the data at it would drop the rows below
			// unseen.
			throw new OhssLayoutException(this.layout.sheetName(), this.where + ": cell B" + row.rowNumber()
					+ " holds the number " + label.display() + " where 'Total' or a month name (October ... "
					+ "September) is expected; a date stored as a number? The table is not loaded: ask OHSS for "
					+ "the table with its months written as text.");
		}
		if (yearOfTotal == null && month == null && label != null
				&& MONTH_OR_TOTAL_LIKE.matcher(label.display().strip()).lookingAt()) {
			// Reads like a month or a total the labels do not know ("Sept", "Total*"):
			// ending the data there would drop it and every year below it unseen.
			throw new OhssLayoutException(this.layout.sheetName(),
					this.where + ": cell B" + row.rowNumber() + " reads '" + label.display()
							+ "', where 'Total' or a month name (October ... September) is "
							+ "expected. The table is not loaded: its rows would end there, the later years unread.");
		}
		if (yearOfTotal == null && month == null) {
			this.ended = true;
			return;
		}
		if (yearOfTotal != null) {
			this.fiscalYear = yearOfTotal;
		}
		else if (this.fiscalYear == null) {
			throw new OhssLayoutException(this.layout.sheetName(), this.where + ": the month row " + row.rowNumber()
					+ " comes before any fiscal-year total row. Check whether OHSS changed the layout.");
		}
		List<OhssRecord> cells = new ArrayList<>(this.layout.columns().size());
		boolean holdsValues = false;
		for (OhssSheetLayout.Column column : this.layout.columns()) {
			OhssCell cell = cell(row, column, month);
			holdsValues |= cell != null;
			cells.add((cell != null) ? cell : blank(row, column));
		}
		if (holdsValues) {
			this.pending.addAll(cells);
		}
	}

	private Integer fiscalYearTotal(SheetRow row) {
		if (!"total".equalsIgnoreCase(row.text("B"))) {
			return null;
		}
		CellValue label = row.cell("A");
		if (label == null) {
			return null;
		}
		if (label.isNumber()) {
			BigDecimal year = label.number();
			boolean whole = year.signum() > 0 && year.stripTrailingZeros().scale() <= 0;
			return (whole && year.compareTo(BigDecimal.valueOf(9999)) <= 0) ? year.intValueExact() : null;
		}
		return OhssLabels.fiscalYear(label.text());
	}

	private Integer monthRow(SheetRow row) {
		CellValue label = row.cell("A");
		boolean blankA = label == null || (!label.isNumber() && label.text().isBlank());
		String name = row.text("B");
		return (blankA && name != null) ? OhssLabels.fiscalMonth(name) : null;
	}

	private OhssRecord.RejectedCell blank(SheetRow row, OhssSheetLayout.Column column) {
		String reference = column.letters() + row.rowNumber();
		return new OhssRecord.RejectedCell(this.layout.sheetName(), row.rowNumber(), reference, "",
				OhssRecord.RejectedCell.BLANK_CELL,
				this.where + ": cell " + reference + " is blank, in a row that holds values: neither a number nor a "
						+ "marker (X, NA, D, -). Not loaded: the cell keeps the value of the edition before, if one "
						+ "printed it. If OHSS left it blank by mistake, obtain a corrected workbook.");
	}

	private OhssCell cell(SheetRow row, OhssSheetLayout.Column column, Integer month) {
		CellValue value = row.cell(column.letters());
		String reference = column.letters() + row.rowNumber();
		if (value == null || (!value.isNumber() && value.text().isBlank())) {
			return null;
		}
		BigDecimal number = value.isNumber() ? value.number() : writtenNumber(value.text());
		ValueStatus status = (number != null) ? ValueStatus.REPORTED : ValueStatus.ofMarker(value.text().strip());
		if (status == null) {
			throw new OhssLayoutException(this.layout.sheetName(),
					this.where + ": cell " + reference + " reads '" + value.text().strip()
							+ "', which is neither a number nor a known marker (X, NA, D, -)."
							+ " The sheet is not loaded: if the table's legend names a new marker, report it to the "
							+ "courtstats maintainers; if the cell is a typo, obtain a corrected workbook.");
		}
		return new OhssCell(this.layout.sheetName(), this.fiscalYear, month, column.group(), column.measure(),
				column.citizenship(), number, status, reference);
	}

	/**
	 * A number stored as text, such as {@code "1,234"}; {@code null} when the text is not
	 * one.
	 */
	private static BigDecimal writtenNumber(String text) {
		String digits = text.strip();
		if (!digits.matches("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?")) {
			return null;
		}
		return new BigDecimal(digits.replace(",", ""));
	}

}
