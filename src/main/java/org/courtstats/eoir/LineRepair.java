package org.courtstats.eoir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.courtstats.normalize.Values;
import org.courtstats.staging.StagedRecord;

/**
 * Repairs a line whose field count differs from its header's, when the repair is
 * unambiguous, guided by the column types of {@link EoirColumnTypes}.
 * <p>
 * <b>One field too many</b> (a tab inside a value moved every later value one column
 * right): for each column {@code i} a tab can sit in, the candidate row joins fields
 * {@code i} and {@code i + 1} and takes every later field one column left. The tab
 * becomes a single space: it is the delimiter, never meant as part of a value, and where
 * it stood at the edge of a value (the usual case: {@code BROOKLYN<tab>}, or a code that
 * is a lone tab) the trim every value gets removes it; inside a name
 * ({@code SAN<tab>DIEGO}) a space is what was meant. A candidate is kept only when every
 * value fits the type of its column ({@link FieldType#fits}); candidates that differ only
 * in blanks and null tokens (joining at either of two neighbouring empty columns) are the
 * same row, since the load reads them alike. One distinct row: repaired
 * ({@code tab_shift}). None: quarantined as {@code tab_shift_unrepairable}. Several:
 * quarantined as {@code tab_shift_ambiguous}.
 * <p>
 * <b>Where a tab can sit</b>: in a column EOIR stores as characters (text, codes, ZIP
 * codes, times, month-years), not in an {@code int}, {@code datetime}, {@code bit} or
 * GUID column. Codes count because B_TblProceeding, tbl_Court_Appln and
 * D_TblAssociatedBond have no free text yet do carry shifted lines: there the tab is the
 * whole value of a one-character code. Leaving the column that really holds the tab out
 * could make a wrong candidate the only one; taking a column in can at worst make a line
 * ambiguous.
 * <p>
 * <b>Unknown columns</b> (in the header, not in the catalogue, e.g. a column added by a
 * new release) fit any value, and are never taken as the place of the tab unless the
 * header has no known column a tab can sit in. A table the catalogue does not know is not
 * repaired at all ({@code field_count}).
 * <p>
 * <b>Empty fields after the last column</b> are dropped; that is one more candidate,
 * weighed with the tab shifts, since a shifted line whose last value is empty also ends
 * in an empty field ({@code trailing_empty_fields}): when a tab shift fits too, the line
 * is ambiguous, since loading it either way could put every later value in the wrong
 * column. Extra fields of which more than one holds a value are not repaired
 * ({@code field_count}).
 * <p>
 * <b>Fewer fields than the header</b> (a cut line): padded with empty values
 * ({@code padded}) when every key column of the table ({@link ColumnKind#KEY},
 * {@link ColumnKind#KEY_CODE}) is present and readable and every present value fits its
 * column; otherwise rejected ({@code field_count}).
 */
final class LineRepair {

	static final String TAB_SHIFT = "tab_shift";

	static final String TRAILING_EMPTY_FIELDS = "trailing_empty_fields";

	static final String PADDED = StagedRecord.Repair.PADDED;

	static final String FIELD_COUNT = "field_count";

	static final String TAB_SHIFT_AMBIGUOUS = "tab_shift_ambiguous";

	static final String TAB_SHIFT_UNREPAIRABLE = "tab_shift_unrepairable";

	private static final int QUOTED_LENGTH = 40;

	private LineRepair() {
	}

	/**
	 * Repairs a line whose field count differs from its header's.
	 * @param line the line
	 * @return the repaired fields, one per header column, or why the line is refused
	 */
	static Result repair(EoirLine line) {
		EoirHeader header = line.header();
		int found = line.fields().length;
		int expected = header.fieldCount();
		String counts = "line has " + found + " fields, the header has " + expected;
		Optional<EoirColumnTypes.Columns> columns = EoirColumnTypes.of(header.table().name());
		if (columns.isEmpty()) {
			return new Refused(FIELD_COUNT, counts
					+ ((found > expected) ? " (a tab inside a value shifts the columns)" : " (the line is cut short)")
					+ "; no column types are known for " + header.table().name() + " to repair it with");
		}
		FieldType[] types = new FieldType[expected];
		for (int p = 0; p < expected; p++) {
			types[p] = columns.get().typeOf(header.names().get(p));
		}
		return (found < expected) ? pad(line, types, counts) : join(line, types, counts);
	}

	private static Result pad(EoirLine line, FieldType[] types, String counts) {
		EoirHeader header = line.header();
		String[] fields = line.fields();
		String cut = counts + " (the line is cut short)";
		List<EoirColumn> columns = header.table().columns();
		for (int c = 0; c < columns.size(); c++) {
			EoirColumn column = columns.get(c);
			int index = header.indexOf(c);
			if (!column.kind().requiredInHeader() || index < 0) {
				continue;
			}
			String name = header.names().get(index);
			if (index >= fields.length) {
				return new Refused(FIELD_COUNT, cut + " and ends before " + name + ", a key of the table; not padded");
			}
			String value = column.kind().keyText(fields[index]);
			if (value == null || (column.kind() == ColumnKind.KEY && Values.integer(value) == null)) {
				return new Refused(FIELD_COUNT, cut + " and its key " + name + " is "
						+ ((value != null) ? quote(value) : "empty") + "; not padded");
			}
		}
		List<Misfit> misfits = misfits(fields, types, header);
		if (!misfits.isEmpty()) {
			return new Refused(FIELD_COUNT, cut + " and " + misfits.get(0) + "; not padded");
		}
		String[] padded = Arrays.copyOf(fields, types.length);
		Arrays.fill(padded, fields.length, padded.length, "");
		List<String> missing = header.names().subList(fields.length, types.length);
		return new Repaired(padded, PADDED, cut + ": the missing " + missing.size() + " ("
				+ ((missing.size() == 1) ? missing.get(0) : missing.get(0) + " to " + missing.get(missing.size() - 1))
				+ ") were padded with empty values");
	}

	private static Result join(EoirLine line, FieldType[] types, String counts) {
		EoirHeader header = line.header();
		String[] fields = line.fields();
		int expected = types.length;
		boolean canDrop = allBlank(fields, expected);
		boolean canJoin = allBlank(fields, expected + 1);
		if (!canDrop && !canJoin) {
			return new Refused(FIELD_COUNT, counts + ": more than one tab inside values; only a line that one"
					+ " joined pair of fields accounts for is repaired");
		}
		Map<List<String>, Candidate> fitting = new LinkedHashMap<>();
		Candidate closest = null;
		List<Candidate> candidates = new ArrayList<>();
		if (canDrop) {
			candidates.add(new Candidate(null, Arrays.copyOf(fields, expected), header, types));
		}
		if (canJoin) {
			for (int i : joinPoints(types)) {
				String[] row = new String[expected];
				System.arraycopy(fields, 0, row, 0, i);
				row[i] = fields[i] + " " + fields[i + 1];
				System.arraycopy(fields, i + 2, row, i + 1, expected - i - 1);
				candidates.add(new Candidate(header.names().get(i), row, header, types));
			}
		}
		for (Candidate candidate : candidates) {
			if (candidate.misfits.isEmpty()) {
				Candidate same = fitting.get(candidate.stripped());
				if (same == null) {
					fitting.put(candidate.stripped(), candidate);
				}
				else {
					same.alike.add(candidate);
				}
			}
			else if (closest == null || candidate.misfits.size() < closest.misfits.size()) {
				closest = candidate;
			}
		}
		if (fitting.size() == 1) {
			return repaired(fitting.values().iterator().next(), fields.length - expected, counts);
		}
		if (fitting.size() > 1) {
			List<Candidate> distinct = new ArrayList<>(fitting.values());
			return new Refused(TAB_SHIFT_AMBIGUOUS,
					counts + ": " + distinct.size() + " different repairs fit every column: "
							+ difference(distinct.get(0), distinct.get(1), header)
							+ "; not repaired, since more than one could be right");
		}
		if (!canJoin) {
			return new Refused(FIELD_COUNT, counts + ": the fields after the last column are empty, but "
					+ candidates.get(0).misfits.get(0) + "; not repaired");
		}
		if (closest == null) {
			return new Refused(TAB_SHIFT_UNREPAIRABLE,
					counts + " (a tab inside a value shifts the columns), and no column of the header can hold a tab");
		}
		return new Refused(TAB_SHIFT_UNREPAIRABLE,
				counts + " (a tab inside a value shifts the columns), and no way of joining two neighbouring fields"
						+ " gives values that fit every column (the closest, " + closest.label() + ": "
						+ closest.misfits.get(0) + "); not repaired");
	}

	private static Repaired repaired(Candidate winner, int extra, String counts) {
		List<Candidate> all = new ArrayList<>();
		all.add(winner);
		all.addAll(winner.alike);
		if (all.stream().anyMatch((candidate) -> candidate.joinedAt == null)) {
			return new Repaired(winner.row, TRAILING_EMPTY_FIELDS,
					counts + ": " + ((extra == 1) ? "the field after the last column was empty and was dropped"
							: "the " + extra + " fields after the last column were empty and were dropped"));
		}
		List<String> places = all.stream().map((candidate) -> candidate.joinedAt).toList();
		String where = (places.size() == 1) ? places.get(0)
				: (places.size() <= 3)
						? String.join(", ", places.subList(0, places.size() - 1)) + " or "
								+ places.get(places.size() - 1)
						: "one of the " + places.size() + " columns from " + places.get(0) + " to "
								+ places.get(places.size() - 1);
		return new Repaired(winner.row, TAB_SHIFT, counts + ": a tab inside " + where
				+ " split a value in two and moved every later value one column right; the two parts were"
				+ " joined with a space" + ((extra > 1) ? ", and the empty fields after the last column dropped" : ""));
	}

	private static String difference(Candidate first, Candidate second, EoirHeader header) {
		List<Integer> differing = new ArrayList<>();
		for (int p = 0; p < first.row.length && differing.size() < 4; p++) {
			if (!first.stripped().get(p).equals(second.stripped().get(p))) {
				differing.add(p);
			}
		}
		return first.label() + " gives " + values(first, differing, header) + ", " + second.label() + " gives "
				+ values(second, differing, header);
	}

	private static String values(Candidate candidate, List<Integer> positions, EoirHeader header) {
		List<String> values = new ArrayList<>();
		for (int p : positions) {
			values.add(header.names().get(p) + " " + quote(candidate.stripped().get(p)));
		}
		return String.join(", ", values);
	}

	/**
	 * Where a tab may sit: the known columns EOIR stores as characters, or, when the
	 * header has none, its unknown columns.
	 */
	private static List<Integer> joinPoints(FieldType[] types) {
		List<Integer> known = new ArrayList<>();
		List<Integer> unknown = new ArrayList<>();
		for (int p = 0; p < types.length; p++) {
			if (types[p] == null) {
				unknown.add(p);
			}
			else if (types[p].holdsCharacters()) {
				known.add(p);
			}
		}
		return known.isEmpty() ? unknown : known;
	}

	private static List<Misfit> misfits(String[] row, FieldType[] types, EoirHeader header) {
		List<Misfit> misfits = new ArrayList<>();
		for (int p = 0; p < row.length; p++) {
			if (types[p] != null && !types[p].fits(row[p])) {
				misfits.add(new Misfit(header.names().get(p), row[p].strip(), types[p]));
			}
		}
		return misfits;
	}

	private static boolean allBlank(String[] fields, int from) {
		for (int i = from; i < fields.length; i++) {
			if (!fields[i].isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String quote(String value) {
		return "'" + ((value.length() <= QUOTED_LENGTH) ? value : value.substring(0, QUOTED_LENGTH) + "...") + "'";
	}

	/**
	 * What a repair makes of a malformed line.
	 */
	sealed interface Result permits Repaired, Refused {

	}

	/**
	 * A line repaired.
	 *
	 * @param fields one field per header column
	 * @param repairCode {@code tab_shift}, {@code trailing_empty_fields} or
	 * {@code padded}
	 * @param message what was wrong and what was changed
	 */
	record Repaired(String[] fields, String repairCode, String message) implements Result {
	}

	/**
	 * A line that cannot be repaired without guessing.
	 *
	 * @param reasonCode {@code field_count}, {@code tab_shift_ambiguous} or
	 * {@code tab_shift_unrepairable}
	 * @param message what was found and why it is not repaired
	 */
	record Refused(String reasonCode, String message) implements Result {
	}

	private record Misfit(String columnName, String value, FieldType type) {

		@Override
		public String toString() {
			return this.columnName + " is " + quote(this.value) + ", expected " + this.type.describe();
		}

	}

	/** One way of reading a line: dropping its empty trailing fields, or a join. */
	private static final class Candidate {

		private final String joinedAt;

		private final String[] row;

		private final List<String> stripped;

		private final List<Misfit> misfits;

		private final List<Candidate> alike = new ArrayList<>();

		Candidate(String joinedAt, String[] row, EoirHeader header, FieldType[] types) {
			this.joinedAt = joinedAt;
			this.row = row;
			List<String> values = new ArrayList<>(row.length);
			for (int p = 0; p < row.length; p++) {
				boolean blank = (types[p] != null) ? types[p].isBlank(row[p]) : Values.isNullToken(row[p]);
				values.add(blank ? "" : row[p].strip());
			}
			this.stripped = values;
			this.misfits = misfits(row, types, header);
		}

		List<String> stripped() {
			return this.stripped;
		}

		String label() {
			return (this.joinedAt != null) ? "joining at " + this.joinedAt : "dropping the empty trailing fields";
		}

	}

}
