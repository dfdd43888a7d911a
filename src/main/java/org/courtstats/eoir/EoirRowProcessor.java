package org.courtstats.eoir;

import java.util.List;

import org.courtstats.normalize.Values;
import org.courtstats.staging.StagedRecord;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates and cleans one EOIR line: a line whose field count differs from the header's
 * is repaired when {@link LineRepair} can do so unambiguously (the row then carries a
 * {@link StagedRecord.Repair}), and the keys must be present (and integers where the
 * table says so); codes are trimmed and upper-cased with their raw value kept, null
 * tokens become null, dates are parsed. A line that fails becomes a
 * {@link StagedRecord.Rejected} carrying the raw line; blank lines are dropped.
 */
public class EoirRowProcessor implements ItemProcessor<EoirLine, StagedRecord> {

	@Override
	public StagedRecord process(EoirLine line) {
		if (line.isBlank()) {
			return null;
		}
		EoirHeader header = line.header();
		String[] fields = line.fields();
		StagedRecord.Repair repair = null;
		if (fields.length != header.fieldCount()) {
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
			String raw = (index >= 0) ? fields[index] : null;
			switch (column.kind()) {
				case KEY -> {
					String text = Values.text(raw);
					if (text == null) {
						return reject(line, "key_missing", headerName(column) + " is empty");
					}
					Long key = Values.integer(text);
					if (key == null) {
						return reject(line, "key_not_integer",
								headerName(column) + " is '" + text + "', expected an integer");
					}
					values[v++] = key;
				}
				case OPTIONAL_ID -> {
					String text = Values.text(raw);
					values[v++] = (text != null) ? Values.integer(text) : null;
				}
				case KEY_CODE, CODE -> {
					String code = Values.code(raw);
					if (code == null && column.kind() == ColumnKind.KEY_CODE) {
						return reject(line, "key_missing", headerName(column) + " is empty");
					}
					values[v++] = code;
					values[v++] = Values.rawIfChanged(raw, code);
				}
				case CASED_KEY_CODE, CASED_CODE -> {
					String code = Values.text(raw);
					if (code == null && column.kind() == ColumnKind.CASED_KEY_CODE) {
						return reject(line, "key_missing", headerName(column) + " is empty");
					}
					values[v++] = code;
				}
				case TEXT -> values[v++] = Values.text(raw);
				case DATE -> values[v++] = Values.date(raw);
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
				if (index < 0 || index >= line.fields().length) {
					return null;
				}
				String value = Values.text(line.fields()[index]);
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

	private static String headerName(EoirColumn column) {
		return column.headerNames().get(0);
	}

}
