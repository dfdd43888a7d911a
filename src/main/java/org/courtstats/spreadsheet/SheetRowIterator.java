package org.courtstats.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.xssf.model.SharedStrings;

/**
 * Pulls {@code <row>} elements out of a worksheet's XML one at a time, turning each
 * {@code <c>} into text or a number by its type attribute.
 */
final class SheetRowIterator implements Iterator<SheetRow>, AutoCloseable {

	private final XMLStreamReader xml;

	private final InputStream in;

	private final SharedStrings strings;

	private final Function<Exception, SpreadsheetException> failure;

	private SheetRow next;

	private boolean finished;

	private int lastRowNumber;

	SheetRowIterator(XMLStreamReader xml, InputStream in, SharedStrings strings,
			Function<Exception, SpreadsheetException> failure) {
		this.xml = xml;
		this.in = in;
		this.strings = strings;
		this.failure = failure;
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && !this.finished) {
			try {
				this.next = readRow();
			}
			catch (XMLStreamException | RuntimeException ex) {
				this.finished = true;
				close();
				throw this.failure.apply(ex);
			}
			if (this.next == null) {
				this.finished = true;
				close();
			}
		}
		return this.next != null;
	}

	@Override
	public SheetRow next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		SheetRow row = this.next;
		this.next = null;
		return row;
	}

	@Override
	public void close() {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// nothing more is read from it
		}
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// nothing more is read from it
		}
	}

	private SheetRow readRow() throws XMLStreamException {
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.DTD) {
				throw new UnreadableCellException(SpreadsheetFile.DOCTYPE_REFUSED);
			}
			if (event == XMLStreamConstants.START_ELEMENT && "row".equals(this.xml.getLocalName())) {
				int rowNumber = intAttribute("r", this.lastRowNumber + 1);
				this.lastRowNumber = rowNumber;
				boolean hidden = booleanAttribute("hidden");
				int outlineLevel = intAttribute("outlineLevel", 0);
				return new SheetRow(rowNumber, hidden, outlineLevel, readCells(rowNumber));
			}
		}
		return null;
	}

	private Map<String, CellValue> readCells(int rowNumber) throws XMLStreamException {
		Map<String, CellValue> cells = new LinkedHashMap<>();
		int column = -1;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && "row".equals(this.xml.getLocalName())) {
				return cells;
			}
			if (event == XMLStreamConstants.START_ELEMENT && "c".equals(this.xml.getLocalName())) {
				String reference = this.xml.getAttributeValue(null, "r");
				column = (reference != null) ? Columns.index(letters(reference)) : column + 1;
				CellValue value = readCell(this.xml.getAttributeValue(null, "t"), Columns.name(column), rowNumber);
				if (value != null) {
					cells.put(Columns.name(column), value);
				}
			}
		}
		throw new XMLStreamException("the sheet ends inside row " + rowNumber);
	}

	private CellValue readCell(String type, String column, int rowNumber) throws XMLStreamException {
		String stored = null;
		String formula = null;
		StringBuilder inline = null;
		int phoneticDepth = 0;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("v".equals(name)) {
					stored = this.xml.getElementText();
				}
				else if ("f".equals(name)) {
					formula = this.xml.getElementText();
				}
				else if ("is".equals(name)) {
					inline = new StringBuilder();
				}
				else if ("rPh".equals(name)) {
					phoneticDepth++;
				}
				else if ("t".equals(name) && inline != null && phoneticDepth == 0) {
					inline.append(this.xml.getElementText());
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("rPh".equals(name)) {
					phoneticDepth--;
				}
				else if ("c".equals(name)) {
					if (formula != null && stored == null && inline == null) {
						// Read as empty, the cell would vanish from the table unseen.
						throw new UnreadableCellException("cell " + column + rowNumber + " holds a formula (=" + formula
								+ ") with no saved result, and formulas are not calculated here. Open "
								+ "the workbook in Excel, let it calculate, save it, and deliver it again");
					}
					return value(type, stored, inline, column + rowNumber);
				}
			}
		}
		throw new XMLStreamException("the sheet ends inside cell " + column + rowNumber);
	}

	private CellValue value(String type, String stored, StringBuilder inline, String reference) {
		if ("inlineStr".equals(type)) {
			return (inline != null) ? CellValue.text(inline.toString()) : null;
		}
		if (stored == null) {
			return null;
		}
		if (type == null || "n".equals(type)) {
			try {
				return CellValue.number(new BigDecimal(stored.strip()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("cell " + reference + " is numeric but holds '" + stored + "'", ex);
			}
		}
		if ("s".equals(type)) {
			int index;
			try {
				index = Integer.parseInt(stored.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException("cell " + reference + " points at shared string '" + stored + "'", ex);
			}
			if (index < 0 || index >= this.strings.getCount()) {
				throw new IllegalStateException(
						"cell " + reference + " points at shared string " + index + " of " + this.strings.getCount());
			}
			return CellValue.text(this.strings.getItemAt(index).getString());
		}
		if ("b".equals(type)) {
			return CellValue.text("1".equals(stored.strip()) ? "TRUE" : "FALSE");
		}
		// formula strings (str), errors (e) and ISO dates (d) read as their stored text
		return CellValue.text(stored);
	}

	private int intAttribute(String name, int fallback) {
		String value = this.xml.getAttributeValue(null, name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("row attribute " + name + "='" + value + "' is not a whole number", ex);
		}
	}

	private boolean booleanAttribute(String name) {
		String value = this.xml.getAttributeValue(null, name);
		return "1".equals(value) || "true".equalsIgnoreCase(value);
	}

	/** A cell or sheet that cannot be read as a table's data; the message says why. */
	static final class UnreadableCellException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		UnreadableCellException(String message) {
			super(message);
		}

	}

	private static String letters(String reference) {
		int end = 0;
		while (end < reference.length() && Character.isLetter(reference.charAt(end))) {
			end++;
		}
		return reference.substring(0, end);
	}

}
