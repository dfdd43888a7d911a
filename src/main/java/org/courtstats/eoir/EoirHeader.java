package org.courtstats.eoir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.courtstats.normalize.ControlCharacters;

/**
 * The header line of one EOIR file, resolved against its table: where each column sits.
 * Columns are found by name, never by position, since EOIR reorders and renames them
 * between releases.
 */
public final class EoirHeader {

	private final EoirTable table;

	private final int fieldCount;

	private final List<String> names;

	private final int[] indexes;

	private final List<String> unknownColumns;

	private final int valueCount;

	private final TypedField[] typedFields;

	private EoirHeader(EoirTable table, List<String> names, int[] indexes, List<String> unknownColumns) {
		this.table = table;
		this.valueCount = table.stagingTable().dataColumns().size();
		this.fieldCount = names.size();
		this.names = names;
		this.indexes = indexes;
		this.unknownColumns = unknownColumns;
		this.typedFields = typedFields(table, names, indexes);
	}

	/**
	 * The fields whose column EOIR types as an integer, a date, a flag or a GUID, but for
	 * those the load reads as a key or a date, which it checks as it reads them.
	 */
	private static TypedField[] typedFields(EoirTable table, List<String> names, int[] indexes) {
		Optional<EoirColumnTypes.Columns> catalogue = EoirColumnTypes.of(table.name());
		if (catalogue.isEmpty()) {
			return new TypedField[0];
		}
		boolean[] checkedAsRead = new boolean[names.size()];
		for (int c = 0; c < indexes.length; c++) {
			ColumnKind kind = table.columns().get(c).kind();
			if (indexes[c] >= 0 && (kind == ColumnKind.KEY || kind == ColumnKind.DATE)) {
				checkedAsRead[indexes[c]] = true;
			}
		}
		List<TypedField> typed = new ArrayList<>();
		for (int p = 0; p < names.size(); p++) {
			FieldType type = catalogue.get().typeOf(names.get(p));
			if (type != null && type.isStrict() && !checkedAsRead[p]) {
				typed.add(new TypedField(p, names.get(p), type));
			}
		}
		return typed.toArray(new TypedField[0]);
	}

	/**
	 * Resolves a header line.
	 * @param table the table the file holds
	 * @param fileName the file, for messages
	 * @param line the header line as read
	 * @return the resolved header
	 * @throws EoirFileException when a required column is missing
	 */
	public static EoirHeader parse(EoirTable table, String fileName, String line) {
		String[] names = ControlCharacters.strip(line).split("\t", -1);
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			positions.putIfAbsent(names[i].strip().toUpperCase(Locale.ROOT), i);
		}
		int[] indexes = new int[table.columns().size()];
		List<String> known = new ArrayList<>();
		for (int c = 0; c < indexes.length; c++) {
			EoirColumn column = table.columns().get(c);
			indexes[c] = -1;
			for (String name : column.headerNames()) {
				Integer position = positions.get(name.toUpperCase(Locale.ROOT));
				if (position != null) {
					indexes[c] = position;
					known.add(name.toUpperCase(Locale.ROOT));
					break;
				}
			}
			if (indexes[c] < 0 && column.kind().requiredInHeader()) {
				throw new EoirFileException(fileName + ": line 1: the header has no column "
						+ String.join(" or ", column.headerNames()) + ", which " + table.name() + " needs. Found: "
						+ printable(String.join(", ", names).strip()) + ". Check that the file is an EOIR "
						+ table.name() + " export with its header line. "
						+ "The release is not loaded, and its files are fixed once registered: obtain the file "
						+ "again from EOIR, abandon the run ('courtstats abandon RUN'; 'courtstats status' "
						+ "lists it) and deliver the release under a new label.");
			}
		}
		List<String> unknown = new ArrayList<>();
		Optional<EoirColumnTypes.Columns> catalogue = EoirColumnTypes.of(table.name());
		for (String name : names) {
			String upper = name.strip().toUpperCase(Locale.ROOT);
			boolean catalogued = catalogue.isPresent() && catalogue.get().typeOf(upper) != null;
			if (!upper.isEmpty() && !known.contains(upper) && !catalogued) {
				unknown.add(name.strip());
			}
		}
		return new EoirHeader(table, Arrays.stream(names).map(String::strip).toList(), indexes, unknown);
	}

	public EoirTable table() {
		return this.table;
	}

	/**
	 * Fields a well-formed data line has.
	 * @return the number of header fields
	 */
	public int fieldCount() {
		return this.fieldCount;
	}

	/**
	 * The header's column names in file order, as delivered (trimmed).
	 * @return one name per field of a well-formed line
	 */
	public List<String> names() {
		return this.names;
	}

	/**
	 * Position of a column of the table in the line.
	 * @param column index into {@link EoirTable#columns()}
	 * @return the field index, or -1 when the file lacks that (optional) column
	 */
	public int indexOf(int column) {
		return this.indexes[column];
	}

	/**
	 * Values a cleaned row of the table carries.
	 * @return the number of staging data columns
	 */
	public int valueCount() {
		return this.valueCount;
	}

	/**
	 * The fields of a line whose column EOIR types as an integer, a date, a 0/1 flag or a
	 * GUID ({@link FieldType#isStrict()}), in file order, but for the keys and dates the
	 * load reads: a well-formed line holding another value in one of them had its values
	 * moved between columns.
	 * @return the fields to check, an array the caller must not change
	 */
	TypedField[] typedFields() {
		return this.typedFields;
	}

	/**
	 * Header columns the table is not known to have (neither read by the load nor listed
	 * in the column catalogue): a column EOIR added or renamed, ignored by the load.
	 * @return their names as delivered
	 */
	public List<String> unknownColumns() {
		return List.copyOf(this.unknownColumns);
	}

	/**
	 * Columns the load reads that the header lacks: each loads as null in every row, so
	 * that a column EOIR dropped would make every value of it unknown.
	 * @return their names, as the load knows them
	 */
	public List<String> missingColumns() {
		List<String> missing = new ArrayList<>();
		for (int c = 0; c < this.indexes.length; c++) {
			if (this.indexes[c] < 0) {
				missing.add(this.table.columns().get(c).headerNames().get(0));
			}
		}
		return missing;
	}

	/**
	 * A field of the line whose column has a strict type.
	 *
	 * @param position its index in the line
	 * @param name its header name, as delivered
	 * @param type its type
	 */
	record TypedField(int position, String name, FieldType type) {
	}

	/**
	 * A header as a message shows it: at most 200 characters, anything but printable
	 * ASCII as {@code ?}, so that a file of binary bytes does not fill the terminal.
	 */
	static String printable(String header) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < header.length() && shown.length() < 200; i++) {
			char c = header.charAt(i);
			shown.append((c >= 0x20 && c < 0x7F) ? c : '?');
		}
		return (header.length() > 200) ? shown + "..." : shown.toString();
	}

}
