package org.courtstats.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.SAXException;

/**
 * An XLSX workbook opened for streaming: its sheet names, each sheet's merged regions,
 * and each sheet's rows pulled one at a time.
 *
 * <p>
 * Only the shared-strings table is held in memory (a few hundred kilobytes for an OHSS
 * edition); a sheet's XML is parsed as it is inflated from the zip, through POI's
 * {@link XSSFReader} and a StAX pull parser, so a caller can stop at any row and a
 * workbook of any length reads in constant memory. POI's user model
 * ({@code XSSFWorkbook}) would build every cell of every sheet as objects, tens of
 * megabytes for a 4 MB workbook. POI's zip-bomb and entry-size limits
 * ({@code ZipSecureFile}) stay at their defaults: an entry that inflates past them is
 * refused.
 */
public final class SpreadsheetFile implements AutoCloseable {

	private static final String BOMB_MARK = "Zip bomb detected";

	/**
	 * Why a part carrying a DOCTYPE is refused: workbooks never declare one, and its
	 * entities (a local file, a URL) must never be resolved.
	 */
	static final String DOCTYPE_REFUSED = "its XML carries a DOCTYPE declaration, which workbooks never hold; the "
			+ "file is refused without resolving any entity it declares. Get the file again from its publisher";

	private final Path path;

	private final OPCPackage workbook;

	private final ReadOnlySharedStringsTable strings;

	private final Map<String, PackagePart> sheets;

	private SpreadsheetFile(Path path, OPCPackage workbook, ReadOnlySharedStringsTable strings,
			Map<String, PackagePart> sheets) {
		this.path = path;
		this.workbook = workbook;
		this.strings = strings;
		this.sheets = sheets;
	}

	/**
	 * Opens a workbook for reading.
	 * @param path the {@code .xlsx} file
	 * @return the open workbook, to be closed
	 * @throws SpreadsheetException if the file is missing, not an XLSX workbook,
	 * encrypted, corrupt or a zip bomb
	 */
	public static SpreadsheetFile open(Path path) {
		if (!Files.isRegularFile(path)) {
			throw new SpreadsheetException(path + ": no such file. Check the path and that the download finished.");
		}
		checkKind(path);
		OPCPackage workbook;
		ZipSecureFile zip = null;
		try {
			// Opened here rather than by OPCPackage.open(File), which on a damaged
			// central directory falls back to inflating every entry into memory.
			zip = new ZipSecureFile(path.toFile());
			workbook = OPCPackage.open(new ZipFileZipEntrySource(zip));
		}
		catch (IOException | OpenXML4JException | RuntimeException ex) {
			closeQuietly(zip);
			throw unreadable(path, null, ex);
		}
		try {
			XSSFReader reader = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
			Map<String, PackagePart> sheets = new LinkedHashMap<>();
			XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (iterator.hasNext()) {
				iterator.next().close();
				sheets.put(iterator.getSheetName(), iterator.getSheetPart());
			}
			return new SpreadsheetFile(path, workbook, strings, sheets);
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException ex) {
			workbook.revert();
			throw unreadable(path, null, ex);
		}
	}

	public Path path() {
		return this.path;
	}

	/**
	 * The sheets' names, in workbook order.
	 * @return the names
	 */
	public List<String> sheetNames() {
		return List.copyOf(this.sheets.keySet());
	}

	/**
	 * The merged regions of a sheet (its {@code mergeCells}, which the sheet's XML stores
	 * after its rows, so this reads the sheet through once).
	 * @param sheetName the sheet
	 * @return the merged regions, in the order stored
	 */
	public List<CellRange> mergedRegions(String sheetName) {
		List<CellRange> regions = new ArrayList<>();
		try (InputStream in = sheetPart(sheetName).getInputStream()) {
			XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
			try {
				while (xml.hasNext()) {
					if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
						String ref = xml.getAttributeValue(null, "ref");
						if (ref != null) {
							regions.add(CellRange.parse(ref));
						}
					}
				}
			}
			finally {
				xml.close();
			}
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			throw unreadable(this.path, sheetName, ex);
		}
		return regions;
	}

	/**
	 * Streams a sheet's rows, hidden ones included, as stored (rows Excel stores nothing
	 * for are absent). Close the stream when done; stopping early is cheap.
	 * @param sheetName the sheet
	 * @return the rows, in sheet order
	 */
	public Stream<SheetRow> rows(String sheetName) {
		PackagePart part = sheetPart(sheetName);
		InputStream in = null;
		try {
			in = part.getInputStream();
			XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
			SheetRowIterator iterator = new SheetRowIterator(xml, in, this.strings,
					(ex) -> unreadable(this.path, sheetName, ex));
			return StreamSupport
				.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
				.onClose(iterator::close);
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			closeQuietly(in);
			throw unreadable(this.path, sheetName, ex);
		}
	}

	@Override
	public void close() {
		this.workbook.revert();
	}

	private PackagePart sheetPart(String sheetName) {
		PackagePart part = this.sheets.get(sheetName);
		if (part == null) {
			throw new SpreadsheetException(this.path + ": no sheet named '" + sheetName + "'; its sheets are "
					+ String.join(", ", this.sheets.keySet()) + ".");
		}
		return part;
	}

	private static void checkKind(Path path) {
		FileMagic magic;
		try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(path))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(path, null, ex);
		}
		if (magic == FileMagic.OLE2) {
			checkOle2(path);
		}
		if (magic != FileMagic.OOXML) {
			throw new SpreadsheetException(path + ": not an XLSX workbook (the file does not start as a zip archive"
					+ ((magic == FileMagic.UNKNOWN) ? ", nor as any file type known to it" : " but looks like " + magic)
					+ "). The download may be truncated or be an error page: download the file again.");
		}
	}

	private static void checkOle2(Path path) {
		boolean encrypted;
		try (POIFSFileSystem container = new POIFSFileSystem(path.toFile(), true)) {
			DirectoryNode root = container.getRoot();
			encrypted = root.hasEntry(Decryptor.DEFAULT_POIFS_ENTRY) || root.hasEntry("EncryptionInfo");
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(path, null, ex);
		}
		if (encrypted) {
			throw new SpreadsheetException(path + ": the workbook is encrypted (password-protected) and cannot be read."
					+ " Open it in Excel, save a copy without a password, and put that copy in the inbox.");
		}
		throw new SpreadsheetException(path + ": an OLE2 document (an old .xls workbook?), not an XLSX workbook."
				+ " Save it as .xlsx (Excel Workbook) and put that copy in the inbox.");
	}

	static SpreadsheetException unreadable(Path path, String sheetName, Throwable ex) {
		String where = (sheetName != null) ? path + ", sheet '" + sheetName + "'" : path.toString();
		if (ex instanceof SpreadsheetException known) {
			return known;
		}
		if (ex instanceof SheetRowIterator.UnreadableCellException cell) {
			return new SpreadsheetException(where + ": " + cell.getMessage() + ".", ex);
		}
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			if (cause.getMessage() != null && cause.getMessage().contains("DOCTYPE")) {
				return new SpreadsheetException(where + ": " + DOCTYPE_REFUSED + ".", ex);
			}
			if (cause.getMessage() != null && cause.getMessage().contains(BOMB_MARK)) {
				return new SpreadsheetException(where
						+ ": refused as a zip bomb: an entry inflates far more than a workbook's XML does (beyond"
						+ " the expansion ratio or size POI allows). Do not raise the limits; get the file again from"
						+ " its publisher.", ex);
			}
		}
		return new SpreadsheetException(where + ": not a readable XLSX workbook (" + describe(ex)
				+ "). The file may be truncated or corrupt: download it again.", ex);
	}

	private static Throwable next(Throwable ex) {
		if (ex.getCause() != null) {
			return ex.getCause();
		}
		if (ex instanceof XMLStreamException xml && xml.getNestedException() != ex) {
			return xml.getNestedException();
		}
		return null;
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (next(root) != null) {
			root = next(root);
		}
		String message = (root.getMessage() != null) ? root.getMessage().strip() : "";
		int newline = message.indexOf('\n');
		if (newline >= 0) {
			message = message.substring(0, newline);
		}
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

	private static void closeQuietly(Closeable in) {
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				// the stream's failure is the one being reported
			}
		}
	}

}
