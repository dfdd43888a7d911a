package org.courtstats.samples;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated CBP encounters file and what a correct read of it gives.
 *
 * @param file the CSV file
 * @param asOfMonth the last month it covers
 * @param rows data rows (the header not counted)
 * @param rowsByFiscalYear data rows per fiscal year ({@code 2026 (FYTD)} as 2026)
 * @param encountersByFiscalYear the sum of {@code Encounter Count} per fiscal year
 * @param zeroRows rows whose count is 0
 * @param title42Rows rows under Title 42 (expulsions)
 * @param quotedRows rows with a value CSV must quote
 * ({@code "CHINA, PEOPLES REPUBLIC OF"})
 */
public record CbpSample(Path file, YearMonth asOfMonth, long rows, SortedMap<Integer, Long> rowsByFiscalYear,
		SortedMap<Integer, Long> encountersByFiscalYear, long zeroRows, long title42Rows, long quotedRows) {

	public CbpSample {
		rowsByFiscalYear = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByFiscalYear));
		encountersByFiscalYear = Collections.unmodifiableSortedMap(new TreeMap<>(encountersByFiscalYear));
	}

	/**
	 * Encounters in the whole file.
	 * @return the sum of {@code Encounter Count}
	 */
	public long encounters() {
		return this.encountersByFiscalYear.values().stream().mapToLong(Long::longValue).sum();
	}

}
