package org.courtstats.observability;

import java.time.OffsetDateTime;
import java.util.List;

import org.courtstats.warehouse.WarehouseReports.InAbsentiaYear;
import org.courtstats.warehouse.WarehouseReports.LoadRun;
import org.courtstats.warehouse.WarehouseReports.MppReturnMonth;
import org.courtstats.warehouse.WarehouseReports.RunTableCounts;

/**
 * What the run report shows: the latest load runs and the numbers analysts quote most.
 *
 * @param generatedAt when the report was made
 * @param runsAsked how many runs were asked for
 * @param runs the latest runs, newest first
 * @param tableCounts the rows of each table of those runs' releases
 * @param mppReturns the months of {@code reporting.mpp_returns_by_month}
 * @param inAbsentia completed removal proceedings by fiscal year, MPP or not
 */
public record RunReport(OffsetDateTime generatedAt, int runsAsked, List<LoadRun> runs, List<RunTableCounts> tableCounts,
		List<MppReturnMonth> mppReturns, List<InAbsentiaYear> inAbsentia) {

	public RunReport {
		runs = List.copyOf(runs);
		tableCounts = List.copyOf(tableCounts);
		mppReturns = List.copyOf(mppReturns);
		inAbsentia = List.copyOf(inAbsentia);
	}

}
