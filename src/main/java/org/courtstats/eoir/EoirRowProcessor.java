package org.courtstats.eoir;

import java.time.LocalDate;
import java.util.List;

import org.courtstats.normalize.RepeatedCodes;
import org.courtstats.normalize.Values;
import org.courtstats.staging.StagedRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates and cleans one EOIR line: a line whose field count differs from the header's
 * is repaired when {@link LineRepair} can do so unambiguously (the row then carries a
 * {@link StagedRecord.Repair}), and the keys must be present (and integers where the
 * table says so); codes are trimmed and upper-cased, the raw value of a
 * {@link ColumnKind#TRACED_CODE} kept when that changed more than its padding; null
 * tokens become null, dates are parsed (a value that is neither a null token nor a date
 * fails the line), and every other value of a column EOIR types as an integer, a date, a
 * 0/1 flag or a GUID must have that shape ({@code type_mismatch}: a value moved there
 * from another column by a shift that kept the field count). A line that fails becomes a
 * {@link StagedRecord.Rejected} carrying the raw line; blank lines are dropped. The codes
 * are kept as one string each ({@link RepeatedCodes}): one processor per file read, not
 * shared between threads.
 */
public class EoirRowProcessor implements ItemProcessor<EoirLine, StagedRecord> {

	/**
	 * The reason a well-formed line is rejected when a column EOIR types as an integer, a
	 * date, a flag or a GUID holds another value.
	 */
	static final String TYPE_MISMATCH = "type_mismatch";

	private final RepeatedCodes codes = new RepeatedCodes();

	@Override
	public StagedRecord process(EoirLine line) {
		if (line.isBlank()) {
			return null;
		}
		EoirHeader header = line.header();
		// A well-formed line is read where it lies; a repaired one from its new fields.
		String text = line.text();
		String[] fields = null;
		StagedRecord.Repair repair = null;
		if (line.fieldCount() < header.fieldCount() && line.endsTheFileUnbroken()) {
			// Padded, its missing values would overwrite the row's values with unknowns.
			return reject(line, "line_cut_short",
					"the file ends inside this line, with " + line.fieldCount() + " of the " + header.fieldCount()
							+ " fields and no line break: the file was cut short; obtain it again from EOIR");
		}
		if (line.fieldCount() != header.fieldCount()) {
			LineRepair.Result result = LineRepair.repair(line);
			if (result instanceof LineRepair.Refused refused) {
				return reject(line, refused.reasonCode(), refused.message());
			}
			LineRepair.Repaired repaired = (LineRepair.Repaired) result;
			fields = repaired.fields();
			repair = new StagedRecord.Repair(repaired.repairCode(), repaired.message(), line.text());
		}
		List<EoirColumn> columns = header.table().columns();
		Object[] values = new Object[header.valueCount()];
		int v = 0;
		for (int c = 0; c < columns.size(); c++) {
			EoirColumn column = columns.get(c);
			int index = header.indexOf(c);
			// The value is source[from, to); a null source for a column the file lacks.
			String source;
			int from = 0;
			int to = 0;
			if (index < 0) {
				source = null;
			}
			else if (fields == null) {
				source = text;
				from = line.fieldStart(index);
				to = line.fieldEnd(index);
			}
			else {
				source = fields[index];
				to = source.length();
			}
			switch (column.kind()) {
				case KEY -> {
					Long key = Values.key(source, from, to);
					if (key == null) {
						String value = Values.text(source, from, to);
						return (value == null) ? reject(line, "key_missing", headerName(column) + " is empty")
								: reject(line, "key_not_integer",
										headerName(column) + " is '" + value + "', expected an integer");
					}
					values[v++] = key;
				}
				case OPTIONAL_ID -> values[v++] = Values.key(source, from, to);
				case KEY_CODE, CODE, TRACED_CODE -> {
					int found = this.codes.find(source, from, to);
					String code = this.codes.code(found);
					if (code == null && column.kind() == ColumnKind.KEY_CODE) {
						return reject(line, "key_missing", headerName(column) + " is empty");
					}
					values[v++] = code;
					if (column.kind().keepsRaw()) {
						// Kept when cleaning changed more than its padding.
						values[v++] = this.codes.changedAsCode(found) ? source.substring(from, to) : null;
					}
				}
				case CASED_KEY_CODE, CASED_CODE -> {
					String code = this.codes.text(this.codes.find(source, from, to));
					if (code == null && column.kind() == ColumnKind.CASED_KEY_CODE) {
						return reject(line, "key_missing", headerName(column) + " is empty");
					}
					values[v++] = code;
				}
				case TEXT -> values[v++] = Values.text(source, from, to);
				case DATE -> {
					LocalDate date = Values.date(source, from, to);
					String value = (date == null) ? Values.text(source, from, to) : null;
					if (value != null) {
						// Not a null token and not a date: a shifted value, or a
						// date that does not exist, which a null would hide.
						return reject(line, "date_invalid",
								headerName(column) + " is " + quoted(value) + ", expected a date YYYY-MM-DD");
					}
					values[v++] = date;
				}
			}
		}
		if (fields == null) {
			// A repaired line had every value checked; a well-formed one has the values
			// of its typed columns the loop above does not read as keys or dates checked
			// here.
			for (EoirHeader.TypedField typed : header.typedFields()) {
				int from = line.fieldStart(typed.position());
				int to = line.fieldEnd(typed.position());
				if (!typed.type().fits(text, from, to)) {
					return reject(line, TYPE_MISMATCH,
							typed.name() + " is " + quoted(text.substring(from, to).strip()) + ", expected "
									+ typed.type().describe() + ": a value moved from another column (a shift "
									+ "that left the field count as it was), so no value of the line can be trusted");
				}
			}
		}
		return new StagedRecord.Row(line.lineNumber(), values, repair);
	}

	private static StagedRecord.Rejected reject(EoirLine line, String reasonCode, String message) {
		return new StagedRecord.Rejected(line.lineNumber(), reasonCode, message, line.text(), recordKey(line));
	}

	/**
	 * The first key of a rejected line, when it still reads as one: a tab shift or a cut
	 * line usually leaves the key in front intact.
	 */
	private static String recordKey(EoirLine line) {
		EoirHeader header = line.header();
		List<EoirColumn> columns = header.table().columns();
		for (int c = 0; c < columns.size(); c++) {
			ColumnKind kind = columns.get(c).kind();
			if (kind.requiredInHeader()) {
				int index = header.indexOf(c);
				if (index < 0 || index >= line.fieldCount()) {
					return null;
				}
				String value = kind.keyText(line.field(index));
				if (value == null) {
					return null;
				}
				if (kind == ColumnKind.KEY_CODE) {
					return Values.code(value);
				}
				if (kind == ColumnKind.CASED_KEY_CODE) {
					return value;
				}
				Long key = Values.integer(value);
				return (key != null) ? key.toString() : null;
			}
		}
		return null;
	}

	private static String quoted(String value) {
		return "'" + ((value.length() > 40) ? value.substring(0, 40) + "..." : value) + "'";
	}

	private static String headerName(EoirColumn column) {
		return column.headerNames().get(0);
	}

}
