package org.courtstats.ohss;

import java.util.List;

import org.courtstats.staging.StagedRecord;
import org.courtstats.staging.StagingTable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns each published cell into a row of {@code staging.ohss_cell}, and a table that
 * could not be read into a rejection naming its sheet.
 */
public class OhssCellProcessor implements ItemProcessor<OhssRecord, StagedRecord> {

	/** The logical table an edition's workbook is recorded under in the manifest. */
	public static final String TABLE_NAME = "OHSS monthly tables";

	/** Where an edition's cells are staged. */
	public static final StagingTable STAGING_TABLE = new StagingTable("staging.ohss_cell",
			List.of("table_name", "fiscal_year", "fiscal_month", "group_label", "measure_label", "citizenship_label",
					"value", "value_status", "cell_reference"));

	@Override
	public StagedRecord process(OhssRecord item) {
		if (item instanceof OhssRecord.RejectedTable rejected) {
			return new StagedRecord.Rejected(1, OhssRecord.RejectedTable.UNRECOGNISED_LAYOUT, rejected.message(), null,
					null, rejected.sheetName());
		}
		if (item instanceof OhssRecord.RejectedCell rejected) {
			return new StagedRecord.Rejected(rejected.rowNumber(), rejected.reasonCode(), rejected.message(),
					rejected.text(), rejected.cellReference(), rejected.sheetName());
		}
		OhssCell cell = (OhssCell) item;
		return new StagedRecord.Row(cell.rowNumber(),
				new Object[] { cell.tableName(), (long) cell.fiscalYear(),
						(cell.fiscalMonth() != null) ? Long.valueOf(cell.fiscalMonth()) : null, cell.groupLabel(),
						cell.measureLabel(), cell.citizenshipLabel(),
						(cell.value() != null) ? cell.value().toPlainString() : null, cell.status().code(),
						cell.cellReference() });
	}

}
