package org.courtstats.samples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.courtstats.samples.OhssSampleCounts.Amount;
import org.courtstats.samples.OhssSampleCounts.Component;
import org.courtstats.samples.OhssSampleCounts.Outcome;
import org.courtstats.spreadsheet.Columns;
import org.courtstats.spreadsheet.WorkbookWriter;

/**
 * Writes an edition of the DHS OHSS "Immigration Enforcement and Legal Processes Monthly
 * Tables" workbook in the real layout, quirks included, and returns every cell a correct
 * read of it gives.
 *
 * <p>
 * The edition holds a {@code TOC} sheet and three tables: {@code SWB Encounters by
 * Citizenship} (two-level: citizenships under the merged groups {@code Total CBP},
 * {@code USBP}, {@code OFO}), {@code Nationwide USBP} (one-level, header in row 3,
 * citizenships in alphabetical order) and {@code CBP SWB Book-Outs by Agency} (two-level,
 * the USBP block without {@code OFO Paroles} and the OFO block without
 * {@code USBP Releases}, footnote digits glued to the headers). Each runs from fiscal
 * year 2019 to the edition's month: a fiscal-year total row ({@code 2019} as a number,
 * the current year as the text {@code 2026 YTD}) above its hidden, grouped month rows,
 * then the legend, footnotes, notes and source, merged across {@code A:J} (the source
 * ending in tabs). {@code X} marks Title 42 outside March 2020 to May 2023 and MPP
 * outside its months (January 2019 to August 2022, paused February to October 2021);
 * {@code NA} marks OFO transfers to HHS in fiscal year 2019.
 *
 * <p>
 * Rule for the numbers: every cell, totals included, is its unrounded count rounded to
 * the nearest ten (half up), and every total is the sum of the unrounded counts under it
 * (months of a fiscal year, USBP and OFO under Total CBP, the outcomes and the
 * citizenships of the encounters), so the printed totals may differ from the sum of the
 * printed parts by rounding, as in the real tables. A part published as {@code X} or
 * {@code NA} counts nothing; a total whose parts are all markers is that marker. The
 * {@code Total Encounters} of the book-outs equal the {@code Total} of the citizenship
 * table. The same seed writes the same bytes; a later edition (a later as-of month)
 * revises the two months before its own and one older month (see
 * {@link OhssSample#revisedSince(OhssSample)}).
 */
public final class OhssSampleWorkbook {

	/** The month the default edition's data run to. */
	public static final YearMonth DEFAULT_AS_OF = YearMonth.of(2026, 3);

	/** The book-outs table, whose MPP column counts returns to Mexico. */
	public static final String BOOK_OUTS_BY_AGENCY = "CBP SWB Book-Outs by Agency";

	/** The two-level citizenship table. */
	public static final String ENCOUNTERS_BY_CITIZENSHIP = "SWB Encounters by Citizenship";

	/** The one-level table. */
	public static final String NATIONWIDE_USBP = "Nationwide USBP";

	/** The sheet the tables link back to. */
	public static final String CONTENTS = "TOC";

	private static final int FIRST_FISCAL_YEAR = 2019;

	private static final String TOTAL_CBP = "Total CBP";

	private static final String USBP = "USBP";

	private static final String OFO = "OFO";

	private static final String EXPAND_HINT = "* Please click on the \"plus\" sign to the left of the years to expand to "
			+ "see monthly data or the \"minus\" sign to hide it.";

	private static final String SOURCE = "Source: Office of Homeland Security Statistics Persist Dataset.";

	private OhssSampleWorkbook() {
	}

	/**
	 * The file name OHSS gives an edition: its publication date, then its data month.
	 * @param asOf the month the data run to
	 * @return e.g.
	 * {@code 2026_0415_ohss_immigration-enforcement-and-legal-processes-tables-march-2026.xlsx}
	 */
	public static String fileName(YearMonth asOf) {
		return publicationDate(asOf).format(DateTimeFormatter.ofPattern("yyyy_MMdd"))
				+ "_ohss_immigration-enforcement-and-legal-processes-tables-"
				+ asOf.getMonth().getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT) + "-"
				+ asOf.getYear() + ".xlsx";
	}

	/**
	 * The day the sample edition is published: the 15th of the month after its data
	 * month.
	 * @param asOf the month the data run to
	 * @return the publication date
	 */
	public static LocalDate publicationDate(YearMonth asOf) {
		return asOf.plusMonths(1).atDay(15);
	}

	/**
	 * Writes an edition into a folder, under the name OHSS would give it.
	 * @param folder the folder (the inbox)
	 * @param asOf the month the data run to, at the earliest January 2019
	 * @param seed random seed; the same seed and month write the same bytes
	 * @return the edition and the cells a correct read gives
	 */
	public static OhssSample write(Path folder, YearMonth asOf, long seed) {
		if (asOf.isBefore(YearMonth.of(FIRST_FISCAL_YEAR, 1))) {
			throw new IllegalArgumentException("An OHSS sample edition runs from October 2018, so its month must be "
					+ "January 2019 or later, not " + asOf);
		}
		Path file = folder.resolve(fileName(asOf));
		Edition edition = new Edition(asOf, new OhssSampleCounts(seed, asOf));
		List<Table> tables = List.of(encountersByCitizenship(asOf), nationwideUsbp(asOf), bookOutsByAgency(asOf));
		List<OhssSample.Cell> cells = new ArrayList<>();
		try (WorkbookWriter workbook = new WorkbookWriter(publicationDate(asOf))) {
			writeContents(workbook.sheet(CONTENTS), tables);
			for (Table table : tables) {
				edition.write(workbook.sheet(table.sheetName()), table, cells);
			}
			workbook.save(file);
		}
		return new OhssSample(file, asOf, cells);
	}

	private static void writeContents(WorkbookWriter.Sheet sheet, List<Table> tables) {
		sheet.row(1).text("A", "Table of Contents");
		sheet.row(3).text("A", "Click link for corresponding tab:");
		sheet.row(5).text("A", "Category").text("B", "Table").text("C", "Starting Date");
		int row = 6;
		for (Table table : tables) {
			sheet.row(row++).text("A", table.category()).text("B", table.subject()).number("C", FIRST_FISCAL_YEAR);
		}
		sheet.row(row + 1)
			.text("A", "Note: Please see https://ohss.dhs.gov/glossary for expanded definitions of table terms.");
	}

	private static Table encountersByCitizenship(YearMonth asOf) {
		String measure = "CBP SW Border Encounters";
		List<Column> columns = new ArrayList<>();
		for (String group : List.of(TOTAL_CBP, USBP, OFO)) {
			List<Component> components = components(group);
			columns.add(new Column(group, "Total", measure, "Total",
					(month) -> sum(components, (component) -> Amount.of(month.of(component).encounters()))));
			for (int i = 0; i < OhssSampleCounts.CITIZENSHIPS.size(); i++) {
				int citizenship = i;
				String label = OhssSampleCounts.CITIZENSHIPS.get(i);
				columns.add(new Column(group, label, measure, label, (month) -> sum(components,
						(component) -> Amount.of(month.of(component).citizenships()[citizenship]))));
			}
			columns.add(new Column(group, "Others", measure, "Others",
					(month) -> sum(components, (component) -> Amount.of(month.of(component).others()))));
		}
		return new Table(ENCOUNTERS_BY_CITIZENSHIP, "Encounters",
				"CBP SW Border Encounters by Agency and Selected Citizenship", columns,
				List.of(notes(asOf, "Encounters are limited to SW Border (at and between ports of entry). Table "
						+ "includes the top ten encounter citizenships of the sample."), SOURCE));
	}

	private static Table nationwideUsbp(YearMonth asOf) {
		String measure = "Nationwide USBP Encounters";
		List<Column> columns = new ArrayList<>();
		columns.add(new Column(null, "Total", measure, "Total",
				(month) -> Amount.of(month.usbp().encounters() + month.usbp().nationwideExtra())));
		List<String> alphabetical = OhssSampleCounts.CITIZENSHIPS.stream().sorted(Comparator.naturalOrder()).toList();
		for (String label : alphabetical) {
			int citizenship = OhssSampleCounts.CITIZENSHIPS.indexOf(label);
			columns.add(new Column(null, label, measure, label,
					(month) -> Amount.of(month.usbp().citizenships()[citizenship]
							+ month.usbp().nationwideExtraByCitizenship()[citizenship])));
		}
		return new Table(NATIONWIDE_USBP, "Encounters", "Nationwide USBP Encounters by Top 10 Citizenships", columns,
				List.of(notes(asOf,
						"Table includes the top ten encounter citizenships of the sample; the total includes "
								+ "all citizenships."),
						SOURCE));
	}

	private static Table bookOutsByAgency(YearMonth asOf) {
		List<Column> columns = new ArrayList<>();
		for (String group : List.of(TOTAL_CBP, USBP, OFO)) {
			List<Component> components = components(group);
			columns.add(new Column(group, "Total Encounters", "Total Encounters", null,
					(month) -> sum(components, (component) -> Amount.of(month.of(component).encounters()))));
			for (Outcome outcome : Outcome.values()) {
				List<Component> having = components.stream().filter(outcome::appliesTo).toList();
				if (!having.isEmpty()) {
					columns.add(new Column(group, outcome.header(), outcome.label(), null,
							(month) -> sum(having, (component) -> month.of(component).outcome(outcome))));
				}
			}
		}
		List<String> notes = List.of("X Not applicable.", "NA Not available.",
				"1Includes removals and returns directly from CBP custody, including land repatriations to Mexico.",
				"2Expulsions under the CDC's Title 42 public health order, between March 20, 2020 and May 11, 2023.",
				"3Returns to Mexico under the Migrant Protection Protocols, between January 2019 and January 2021 "
						+ "and between November 2021 and August 2022.",
				"4Includes noncitizens transferred to ERO for processing and custody determination.",
				"5Includes Unaccompanied Children transferred to the care and custody of HHS.",
				"6Includes individuals processed by USBP with a Notice to Appear and released.",
				"7Includes individuals processed at a port of entry and paroled.",
				"8Includes transfers to other law enforcement and less common outcomes.",
				notes(asOf,
						"Encounters are limited to SW Border (at and between ports of entry). Book-outs reported by "
								+ "encounter date. OFO transfers to HHS were not broken out in fiscal year 2019."),
				SOURCE + "\t\t\t\t\t\t");
		return new Table(BOOK_OUTS_BY_AGENCY, "CBP Book-Outs", "CBP SW Border Encounters Book-Outs by Agency", columns,
				notes);
	}

	private static String notes(YearMonth asOf, String specific) {
		return "Notes: To protect privacy, table cells are rounded to the nearest ten. The totals may not sum due to "
				+ "rounding. " + specific + " Data are current as of "
				+ asOf.atEndOfMonth().format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US))
				+ "; future reporting may include updates to previous reports' data.";
	}

	private static List<Component> components(String group) {
		return switch (group) {
			case TOTAL_CBP -> List.of(Component.USBP, Component.OFO);
			case USBP -> List.of(Component.USBP);
			default -> List.of(Component.OFO);
		};
	}

	private static Amount sum(List<Component> components, Function<Component, Amount> amountOfComponent) {
		return Amount.sum(components.stream().map(amountOfComponent).toList());
	}

	/** Rounds half up to the nearest ten, as OHSS prints its cells. */
	static long roundToTen(long count) {
		return Math.floorDiv(count + 5, 10) * 10;
	}

	/** The counts of both components in one month. */
	private record MonthCounts(OhssSampleCounts.Month usbp, OhssSampleCounts.Month ofo) {

		OhssSampleCounts.Month of(Component component) {
			return (component == Component.USBP) ? this.usbp : this.ofo;
		}

	}

	/** What one column prints for a month. */
	private interface ColumnValue {

		Amount of(MonthCounts month);

	}

	/**
	 * One data column: the group header over it (null in a one-level table), its header
	 * as printed, and the labels a reader gives its cells.
	 */
	private record Column(String group, String header, String measure, String citizenship, ColumnValue value) {
	}

	private record Table(String sheetName, String category, String subject, List<Column> columns, List<String> notes) {

		boolean twoLevel() {
			return this.columns.get(0).group() != null;
		}

	}

	/** One edition's month range and counts, writing its tables. */
	private record Edition(YearMonth asOf, OhssSampleCounts counts) {

		int currentFiscalYear() {
			return OhssSampleCounts.fiscalYear(this.asOf);
		}

		/** The current fiscal year is labelled YTD until its last month is in. */
		boolean isYearToDate(int fiscalYear) {
			return fiscalYear == currentFiscalYear() && this.asOf.getMonth() != Month.SEPTEMBER;
		}

		String title(Table table) {
			int last = currentFiscalYear();
			return table.subject() + ": Fiscal Years " + FIRST_FISCAL_YEAR + " to " + last
					+ (isYearToDate(last) ? " YTD" : "") + " ("
					+ this.asOf.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + this.asOf.getYear() + ")";
		}

		void write(WorkbookWriter.Sheet sheet, Table table, List<OhssSample.Cell> cells) {
			sheet.summaryRowsAbove();
			sheet.row(1).text("A", "Return to Table of Contents.").text("C", EXPAND_HINT);
			sheet.row(2).text("A", title(table));
			int row = 3;
			List<Column> columns = table.columns();
			if (table.twoLevel()) {
				WorkbookWriter.Row groups = sheet.row(row);
				int start = 0;
				for (int i = 1; i <= columns.size(); i++) {
					if (i == columns.size() || !columns.get(i).group().equals(columns.get(start).group())) {
						groups.text(letters(start), columns.get(start).group());
						if (i - 1 > start) {
							sheet.merge(letters(start) + row + ":" + letters(i - 1) + row);
						}
						start = i;
					}
				}
				row++;
			}
			WorkbookWriter.Row header = sheet.row(row).text("A", "Fiscal Year").text("B", "Month");
			for (int i = 0; i < columns.size(); i++) {
				header.text(letters(i), columns.get(i).header());
			}
			row++;
			for (int fiscalYear = FIRST_FISCAL_YEAR; fiscalYear <= currentFiscalYear(); fiscalYear++) {
				List<YearMonth> months = months(fiscalYear);
				List<MonthCounts> counts = months.stream()
					.map((month) -> new MonthCounts(this.counts.month(month, Component.USBP),
							this.counts.month(month, Component.OFO)))
					.toList();
				WorkbookWriter.Row total = sheet.row(row).text("B", "Total").collapsed();
				if (isYearToDate(fiscalYear)) {
					total.text("A", fiscalYear + " YTD");
				}
				else {
					total.number("A", fiscalYear);
				}
				for (int i = 0; i < columns.size(); i++) {
					ColumnValue value = columns.get(i).value();
					Amount amount = Amount.sum(counts.stream().map(value::of).toList());
					cells.add(publish(total, table, columns.get(i), letters(i), row, fiscalYear, null, amount));
				}
				row++;
				for (int m = 0; m < months.size(); m++) {
					WorkbookWriter.Row monthRow = sheet.row(row)
						.text("B", months.get(m).getMonth().getDisplayName(TextStyle.FULL, Locale.US))
						.outlineLevel(1)
						.hidden();
					for (int i = 0; i < columns.size(); i++) {
						Amount amount = columns.get(i).value().of(counts.get(m));
						cells.add(publish(monthRow, table, columns.get(i), letters(i), row, fiscalYear, m + 1, amount));
					}
					row++;
				}
			}
			for (String note : table.notes()) {
				sheet.row(row).text("A", note);
				sheet.merge("A" + row + ":J" + row);
				row++;
			}
		}

		private List<YearMonth> months(int fiscalYear) {
			YearMonth october = YearMonth.of(fiscalYear - 1, 10);
			return IntStream.range(0, 12)
				.mapToObj(october::plusMonths)
				.filter((month) -> !month.isAfter(this.asOf))
				.toList();
		}

		private static OhssSample.Cell publish(WorkbookWriter.Row sheetRow, Table table, Column column, String letters,
				int row, int fiscalYear, Integer fiscalMonth, Amount amount) {
			Long value = null;
			if (amount.count() != null) {
				value = roundToTen(amount.count());
				sheetRow.number(letters, value);
			}
			else {
				sheetRow.text(letters, amount.marker());
			}
			return new OhssSample.Cell(table.sheetName(), fiscalYear, fiscalMonth, column.group(), column.measure(),
					column.citizenship(), value, amount.marker(), letters + row);
		}

		/** Data columns start at C. */
		private static String letters(int column) {
			return Columns.name(column + 2);
		}

	}

}
