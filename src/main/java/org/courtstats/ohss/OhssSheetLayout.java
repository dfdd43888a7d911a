package org.courtstats.ohss;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.courtstats.spreadsheet.CellRange;
import org.courtstats.spreadsheet.Columns;
import org.courtstats.spreadsheet.SheetRow;

/**
 * The head of one OHSS sheet: its title and as-of month, the row whose column A reads
 * {@code Fiscal Year}, and what each column below it holds (group, measure, citizenship).
 *
 * <p>
 * A two-level table has a row of group headers just above the header row, each merged
 * across the columns it covers ({@code C3:K3} "Total CBP"); a one-level table has none,
 * and its columns have no group. In a citizenship table (its sheet name ends in
 * {@code Citizenship}, {@code Citp} or {@code Citizens}, or its title names citizenships)
 * the citizenships are the column headers, unless the title names citizenship as its
 * first breakdown and the table has groups: then the groups are the citizenships and the
 * column headers are the measures ({@code Book-Outs by Selected
 * Citizenship}: group {@code Mexico}, column {@code Migrant Protection Protocols}).
 */
record OhssSheetLayout(String sheetName, String title, YearMonth asOfMonth, int headerRow, List<Column> columns) {

	/** What one data column holds. */
	record Column(String letters, String group, String measure, String citizenship) {
	}

	/**
	 * Reads rows up to and including the header row, leaving the iterator at the first
	 * row below it.
	 */
	static OhssSheetLayout read(String where, String sheetName, Iterator<SheetRow> rows, List<CellRange> merges) {
		Map<Integer, SheetRow> above = new HashMap<>();
		String title = null;
		int titleRow = 0;
		while (rows.hasNext()) {
			SheetRow row = rows.next();
			if ("fiscal year".equalsIgnoreCase(row.text("A"))) {
				if (title == null) {
					throw new OhssLayoutException(sheetName,
							where + ": no title row naming the as-of month (a title"
									+ " ending like '(August 2024)') above the header row " + row.rowNumber()
									+ ". Check that the sheet is an OHSS monthly table.");
				}
				return layout(where, sheetName, title, titleRow, row, above, merges);
			}
			above.put(row.rowNumber(), row);
			if (title == null) {
				for (String text : texts(row)) {
					if (OhssLabels.asOfMonth(text) != null) {
						title = OhssLabels.clean(text);
						titleRow = row.rowNumber();
						break;
					}
				}
			}
		}
		throw new OhssLayoutException(sheetName, where + ": no header row (a row whose column A reads 'Fiscal Year')."
				+ " The sheet is not laid out as an OHSS monthly table; check whether OHSS changed the layout.");
	}

	private static OhssSheetLayout layout(String where, String sheetName, String title, int titleRow, SheetRow header,
			Map<Integer, SheetRow> above, List<CellRange> merges) {
		if (!"month".equalsIgnoreCase(header.text("B"))) {
			throw new OhssLayoutException(sheetName,
					where + ": the header row " + header.rowNumber()
							+ " reads 'Fiscal Year' in A but not 'Month' in B (found '" + header.text("B")
							+ "'). Check whether OHSS changed the layout.");
		}
		int groupRow = header.rowNumber() - 1;
		boolean twoLevel = groupRow > titleRow && above.containsKey(groupRow);
		String subject = OhssLabels.subject(title);
		boolean citizenshipTable = OhssLabels.isCitizenshipTable(sheetName, subject);
		List<String> breakdowns = OhssLabels.breakdowns(subject);
		boolean groupsAreCitizenships = citizenshipTable && twoLevel && !breakdowns.isEmpty()
				&& OhssLabels.namesCitizenship(breakdowns.get(0));
		String tableMeasure = OhssLabels.measure(subject);
		List<Column> columns = new ArrayList<>();
		for (String letters : header.cells().keySet()) {
			String label = OhssLabels.stripFootnote(header.text(letters));
			if (Columns.index(letters) < 2 || label == null || label.isEmpty()) {
				continue;
			}
			String group = twoLevel ? group(groupRow, letters, above, merges) : null;
			if (!citizenshipTable) {
				columns.add(new Column(letters, group, label, null));
			}
			else if (groupsAreCitizenships) {
				columns.add(new Column(letters, group, label, group));
			}
			else {
				columns.add(new Column(letters, group, tableMeasure, label));
			}
		}
		if (columns.isEmpty()) {
			throw new OhssLayoutException(sheetName,
					where + ": the header row " + header.rowNumber() + " names no columns after A and B.");
		}
		return new OhssSheetLayout(sheetName, title, OhssLabels.asOfMonth(title), header.rowNumber(), columns);
	}

	/** The group header over a column: the merged region covering it, or its own cell. */
	private static String group(int groupRow, String letters, Map<Integer, SheetRow> above, List<CellRange> merges) {
		for (CellRange merge : merges) {
			if (merge.contains(groupRow, letters)) {
				SheetRow topLeft = above.get(merge.firstRow());
				return (topLeft != null) ? OhssLabels.stripFootnote(topLeft.text(merge.firstColumn())) : null;
			}
		}
		return OhssLabels.stripFootnote(above.get(groupRow).text(letters));
	}

	private static List<String> texts(SheetRow row) {
		List<String> texts = new ArrayList<>();
		row.cells().keySet().forEach((letters) -> {
			String text = row.text(letters);
			if (text != null) {
				texts.add(text);
			}
		});
		return texts;
	}

}
