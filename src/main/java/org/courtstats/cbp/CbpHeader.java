package org.courtstats.cbp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of one CBP encounter file, resolved by column name: its variant and
 * where each column sits. CBP has reordered and added columns between editions, so no
 * column is read by position.
 */
public final class CbpHeader {

	private final CbpVariant variant;

	private final int fieldCount;

	private final Map<CbpColumn, Integer> positions;

	private final List<String> unknownColumns;

	private CbpHeader(CbpVariant variant, int fieldCount, Map<CbpColumn, Integer> positions,
			List<String> unknownColumns) {
		this.variant = variant;
		this.fieldCount = fieldCount;
		this.positions = positions;
		this.unknownColumns = unknownColumns;
	}

	/**
	 * Resolves a header row.
	 * @param fileName the file, for messages
	 * @param names the header's values as read
	 * @return the resolved header
	 * @throws CbpFileException when the header matches no variant or lacks a column its
	 * variant needs
	 */
	public static CbpHeader parse(String fileName, List<String> names) {
		Map<String, CbpColumn> byKey = new HashMap<>();
		for (CbpColumn column : CbpColumn.values()) {
			byKey.put(CbpColumn.key(column.headerName()), column);
		}
		Map<CbpColumn, Integer> positions = new EnumMap<>(CbpColumn.class);
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			CbpColumn column = byKey.get(CbpColumn.key(name));
			if (column == null) {
				unknown.add(name.strip());
			}
			else {
				positions.putIfAbsent(column, i);
			}
		}
		String found = String.join(", ", names).replace("\uFEFF", "");
		CbpVariant variant = CbpVariant.of(positions.keySet());
		if (variant == null) {
			throw new CbpFileException(fileName + ": line 1: the header has neither a State column nor Component and "
					+ "Area of Responsibility columns, so it is no known CBP encounters layout. Found: " + found
					+ ". Check that the file is a CBP Nationwide Encounters CSV with its header row.");
		}
		Set<CbpColumn> missing = EnumSet.copyOf(variant.requiredColumns());
		missing.removeAll(positions.keySet());
		if (!missing.isEmpty()) {
			List<String> missingNames = missing.stream().map(CbpColumn::headerName).toList();
			throw new CbpFileException(
					fileName + ": line 1: the header has no column " + String.join(", ", missingNames) + ", which the "
							+ variant + " layout of CBP encounter files needs. Found: " + found
							+ ". Check that the file is a complete CBP Nationwide Encounters CSV with its header row.");
		}
		return new CbpHeader(variant, names.size(), positions, List.copyOf(unknown));
	}

	/**
	 * The layout the file is in.
	 * @return the variant
	 */
	public CbpVariant variant() {
		return this.variant;
	}

	/**
	 * Fields a well-formed data row has.
	 * @return the number of header fields
	 */
	public int fieldCount() {
		return this.fieldCount;
	}

	/**
	 * Position of a column in a row.
	 * @param column the column
	 * @return the field index, or -1 when the file lacks the column
	 */
	public int indexOf(CbpColumn column) {
		return this.positions.getOrDefault(column, -1);
	}

	/**
	 * Header columns the load does not know, ignored when rows are read.
	 * @return their names as delivered (trimmed)
	 */
	public List<String> unknownColumns() {
		return this.unknownColumns;
	}

}
