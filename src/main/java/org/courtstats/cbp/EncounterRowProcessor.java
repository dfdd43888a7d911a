package org.courtstats.cbp;

import java.util.List;

import org.courtstats.staging.StagedRecord;
import org.courtstats.staging.StagingTable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns each encounter row into a row of {@code staging.cbp_encounter}, and a row that
 * could not be read into its rejection.
 */
public class EncounterRowProcessor implements ItemProcessor<CbpRecord, StagedRecord> {

	/** The logical table a CBP encounters file is recorded under in the manifest. */
	public static final String TABLE_NAME = "CBP encounters";

	/** Where a file's rows are staged. */
	public static final StagingTable STAGING_TABLE = new StagingTable("staging.cbp_encounter",
			List.of("fiscal_year", "fiscal_month", "month_start", "component", "land_border_region",
					"area_of_responsibility", "aor_abbv", "state", "demographic", "citizenship_label",
					"title_of_authority", "encounter_type", "encounter_count"));

	@Override
	public StagedRecord process(CbpRecord item) {
		if (item instanceof CbpRecord.Rejected rejected) {
			return rejected.toStaged();
		}
		EncounterRow row = (EncounterRow) item;
		return new StagedRecord.Row(row.lineNumber(),
				new Object[] { (long) row.fiscalYear(), (long) row.fiscalMonth(), row.monthStart(), row.component(),
						row.landBorderRegion(), row.areaOfResponsibility(), row.aorAbbv(), row.state(),
						row.demographic(), row.citizenshipLabel(), row.titleOfAuthority(), row.encounterType(),
						row.encounterCount() });
	}

}
