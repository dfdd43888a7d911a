package org.courtstats.ohss;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.courtstats.spreadsheet.CellRange;
import org.courtstats.spreadsheet.SheetRow;
import org.courtstats.spreadsheet.SpreadsheetException;
import org.courtstats.spreadsheet.SpreadsheetFile;

/**
 * One edition of the DHS OHSS monthly tables workbook, read a sheet at a time into
 * long-form {@link OhssCell}s.
 *
 * <p>
 * The workbook is streamed ({@link SpreadsheetFile}): each sheet's XML is parsed as it is
 * inflated, so memory holds the shared strings and at most one sheet's cells, whatever
 * the edition's length (an edition is about 100,000 cells in 34 tables; a test reads both
 * real editions in a JVM limited to 256 MB). The edition's as-of month is the one its
 * first table's title ends with; a table whose title names another month is rejected. The
 * {@code TOC} sheet is the table of contents and is not a table.
 */
public final class OhssEdition implements AutoCloseable {

	private static final String CONTENTS_SHEET = "TOC";

	private final SpreadsheetFile workbook;

	private final YearMonth asOfMonth;

	private OhssEdition(SpreadsheetFile workbook, YearMonth asOfMonth) {
		this.workbook = workbook;
		this.asOfMonth = asOfMonth;
	}

	/**
	 * Opens an edition and reads its as-of month.
	 * @param file the workbook
	 * @return the open edition, to be closed
	 * @throws SpreadsheetException if the file cannot be read as a workbook
	 * @throws OhssLayoutException if no table names its as-of month
	 */
	public static OhssEdition open(Path file) {
		SpreadsheetFile workbook = SpreadsheetFile.open(file);
		try {
			List<String> problems = new ArrayList<>();
			for (String sheet : tables(workbook)) {
				try {
					return new OhssEdition(workbook, layout(workbook, sheet).asOfMonth());
				}
				catch (OhssLayoutException ex) {
					problems.add(ex.getMessage());
				}
			}
			throw new OhssLayoutException(null, file + ": no sheet reads as an OHSS monthly table, so the edition's"
					+ " as-of month is unknown. " + String.join(" ", problems) + (problems.isEmpty() ? "" : " ")
					+ "Check that the file is the OHSS immigration enforcement and legal processes monthly tables "
					+ "workbook; obtain it again, or remove it from the inbox.");
		}
		catch (RuntimeException ex) {
			workbook.close();
			throw ex;
		}
	}

	public Path file() {
		return this.workbook.path();
	}

	/**
	 * The month the edition's data run to, from its tables' titles
	 * ({@code (August 2024)}).
	 * @return the as-of month
	 */
	public YearMonth asOfMonth() {
		return this.asOfMonth;
	}

	/**
	 * The sheets holding tables, in workbook order (every sheet but the table of
	 * contents).
	 * @return the sheet names
	 */
	public List<String> tableNames() {
		return tables(this.workbook);
	}

	/**
	 * Streams one table's published cells, row by row. Close the stream when done. A
	 * layout problem found part-way (an unknown marker) ends the stream with an
	 * {@link OhssTableRejectedException}, after the cells above it, holding the cells
	 * from there on; use {@link #readTables(Consumer)} to receive only tables that read
	 * whole. A blank cell in a row that holds values is left out; {@link #records} gives
	 * it.
	 * @param sheetName the table's sheet
	 * @return the cells, in sheet order (row by row, left to right)
	 * @throws OhssLayoutException if the sheet is not laid out as an OHSS table (an
	 * {@link OhssTableRejectedException} once its header was read)
	 */
	public Stream<OhssCell> cells(String sheetName) {
		return records(sheetName).filter(OhssCell.class::isInstance).map(OhssCell.class::cast);
	}

	/**
	 * Streams one table's published cells as {@link #cells} does, with a
	 * {@link OhssRecord.RejectedCell} in the place of each blank cell in a row that holds
	 * values: neither a number nor a marker, it is quarantined rather than left out
	 * unseen (a month row with no value at all, a month not yet published, gives none).
	 * @param sheetName the table's sheet
	 * @return the cells and the blank cells, in sheet order
	 * @throws OhssLayoutException if the sheet is not laid out as an OHSS table (an
	 * {@link OhssTableRejectedException} once its header was read)
	 */
	public Stream<OhssRecord> records(String sheetName) {
		String where = where(sheetName);
		List<CellRange> merges = this.workbook.mergedRegions(sheetName);
		Stream<SheetRow> rows = this.workbook.rows(sheetName);
		try {
			Iterator<SheetRow> iterator = rows.iterator();
			OhssSheetLayout layout = OhssSheetLayout.read(where, sheetName, iterator, merges);
			if (!layout.asOfMonth().equals(this.asOfMonth)) {
				throw OhssTableRejectedException.from(
						new OhssLayoutException(sheetName,
								where + ": its title names " + layout.asOfMonth() + " but the edition's other tables "
										+ this.asOfMonth + " ('" + layout.title()
										+ "'). Check that the sheet belongs to" + " this edition."),
						layout, null, iterator);
			}
			OhssSheetCells cells = new OhssSheetCells(where, layout, iterator);
			return StreamSupport
				.stream(Spliterators.spliteratorUnknownSize(cells, Spliterator.ORDERED | Spliterator.NONNULL), false)
				.onClose(rows::close);
		}
		catch (RuntimeException ex) {
			rows.close();
			throw ex;
		}
	}

	/**
	 * Reads every table, one at a time: a table's cells go to the sink only once the
	 * whole table has read, so a rejected table gives no cells, and the other tables
	 * still read. A file that breaks (corrupt, a zip bomb) ends the read.
	 * @param sink receives each table's cells, a table at a time
	 * @return one result per table, in workbook order
	 * @throws SpreadsheetException if the workbook itself cannot be read
	 */
	public List<OhssSheetResult> readTables(Consumer<OhssCell> sink) {
		List<OhssSheetResult> results = new ArrayList<>();
		for (String sheet : tableNames()) {
			List<OhssCell> cells;
			try (Stream<OhssCell> stream = cells(sheet)) {
				cells = stream.toList();
			}
			catch (OhssLayoutException ex) {
				results.add(new OhssSheetResult(sheet, 0, ex.getMessage()));
				continue;
			}
			cells.forEach(sink);
			results.add(new OhssSheetResult(sheet, cells.size(), null));
		}
		return results;
	}

	@Override
	public void close() {
		this.workbook.close();
	}

	private String where(String sheetName) {
		return this.workbook.path() + ", sheet '" + sheetName + "'";
	}

	private static OhssSheetLayout layout(SpreadsheetFile workbook, String sheetName) {
		String where = workbook.path() + ", sheet '" + sheetName + "'";
		try (Stream<SheetRow> rows = workbook.rows(sheetName)) {
			return OhssSheetLayout.read(where, sheetName, rows.iterator(), List.of());
		}
	}

	private static List<String> tables(SpreadsheetFile workbook) {
		return workbook.sheetNames().stream().filter((name) -> !CONTENTS_SHEET.equalsIgnoreCase(name.strip())).toList();
	}

}
