package org.courtstats.samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.courtstats.normalize.FiscalCalendar;

/**
 * A generated OHSS monthly-tables edition and every cell a correct read of it gives, in
 * the long form of the warehouse's border statistics (one cell per table, fiscal year,
 * month, group, measure and citizenship).
 *
 * @param file the workbook
 * @param asOfMonth the month its data run to
 * @param cells the published cells, in sheet order (table by table, row by row, left to
 * right)
 */
public record OhssSample(Path file, YearMonth asOfMonth, List<Cell> cells) {

	/** The book-out column that counts returns to Mexico under MPP. */
	public static final String MPP_MEASURE = "Migrant Protection Protocols";

	public OhssSample {
		cells = List.copyOf(cells);
	}

	/**
	 * The cells of each table.
	 * @return table name to cell count, in workbook order
	 */
	public Map<String, Long> cellsByTable() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Cell cell : this.cells) {
			counts.merge(cell.tableName(), 1L, Long::sum);
		}
		return counts;
	}

	/**
	 * The cells published as a marker.
	 * @param marker {@code X} or {@code NA}
	 * @return how many
	 */
	public long markers(String marker) {
		return this.cells.stream().filter((cell) -> marker.equals(cell.marker())).count();
	}

	/**
	 * The MPP book-outs of one component, a fiscal-year total or a month.
	 * @param group {@code Total CBP}, {@code USBP} or {@code OFO}
	 * @param fiscalYear the fiscal year
	 * @param fiscalMonth 1 (October) to 12 (September), or {@code null} for the fiscal
	 * year's total
	 * @return the cell
	 * @throws IllegalArgumentException if the edition has no such cell
	 */
	public Cell mppBookOuts(String group, int fiscalYear, Integer fiscalMonth) {
		return mppBookOuts().stream()
			.filter((cell) -> cell.groupLabel().equals(group) && cell.fiscalYear() == fiscalYear
					&& Objects.equals(cell.fiscalMonth(), fiscalMonth))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"No MPP book-outs for " + group + ", FY" + fiscalYear + " month " + fiscalMonth));
	}

	/**
	 * The MPP book-outs of one component in a calendar month.
	 * @param group {@code Total CBP}, {@code USBP} or {@code OFO}
	 * @param month the month
	 * @return the cell
	 */
	public Cell mppBookOuts(String group, YearMonth month) {
		LocalDate start = month.atDay(1);
		int fiscalYear = FiscalCalendar.fiscalYearOf(start);
		return mppBookOuts(group, fiscalYear, (month.getMonthValue() + 2) % 12 + 1);
	}

	/**
	 * Every MPP book-out cell: per component ({@code Total CBP}, {@code USBP},
	 * {@code OFO}), fiscal year and month, with fiscal-year totals.
	 * @return the cells, in sheet order
	 */
	public List<Cell> mppBookOuts() {
		return this.cells.stream()
			.filter((cell) -> cell.tableName().equals(OhssSampleWorkbook.BOOK_OUTS_BY_AGENCY)
					&& cell.measureLabel().equals(MPP_MEASURE))
			.toList();
	}

	/**
	 * The cells this edition publishes differently from an earlier one (a revised number,
	 * or a marker that became a number); cells new in this edition are left out.
	 * @param earlier the earlier edition
	 * @return this edition's revised cells, in sheet order
	 */
	public List<Cell> revisedSince(OhssSample earlier) {
		Map<Key, Cell> before = new LinkedHashMap<>();
		earlier.cells.forEach((cell) -> before.put(cell.key(), cell));
		List<Cell> revised = new ArrayList<>();
		for (Cell cell : this.cells) {
			Cell old = before.get(cell.key());
			if (old != null
					&& !(Objects.equals(old.value(), cell.value()) && Objects.equals(old.marker(), cell.marker()))) {
				revised.add(cell);
			}
		}
		return revised;
	}

	/**
	 * One published cell as a correct reader gives it: labels as printed, footnote digits
	 * stripped.
	 *
	 * @param tableName the sheet
	 * @param fiscalYear the fiscal year ({@code 2026} for {@code 2026 YTD})
	 * @param fiscalMonth 1 (October) to 12 (September), or {@code null} on a fiscal-year
	 * total row
	 * @param groupLabel the merged group header over the column, or {@code null} in a
	 * one-level table
	 * @param measureLabel the column header, or in a citizenship table the table's
	 * measure
	 * @param citizenshipLabel in a citizenship table, the column header, else
	 * {@code null}
	 * @param value the number printed (rounded to tens), or {@code null} with a marker
	 * @param marker {@code X} or {@code NA}, or {@code null} with a value
	 * @param cellReference where the cell is, such as {@code F76}
	 */
	public record Cell(String tableName, int fiscalYear, Integer fiscalMonth, String groupLabel, String measureLabel,
			String citizenshipLabel, Long value, String marker, String cellReference) {

		public boolean isFiscalYearTotal() {
			return this.fiscalMonth == null;
		}

		Key key() {
			return new Key(this.tableName, this.fiscalYear, this.fiscalMonth, this.groupLabel, this.measureLabel,
					this.citizenshipLabel);
		}

	}

	private record Key(String tableName, int fiscalYear, Integer fiscalMonth, String groupLabel, String measureLabel,
			String citizenshipLabel) {
	}

}
