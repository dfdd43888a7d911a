package org.courtstats.cbp;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * What a CBP encounter file covers: its layout and the fiscal years of its rows. CBP
 * files are rolling multi-year windows, so a newer file replaces exactly these fiscal
 * years of the older ones.
 *
 * @param fileName the file's name
 * @param variant the file's layout
 * @param rowsByFiscalYear valid rows per fiscal year
 * @param rejectedRows rows that would be rejected (their fiscal year may be unreadable)
 * @param lastMonthStart the first day of the latest month the file has a valid row for,
 * or null when it has none
 */
public record CbpFileCoverage(String fileName, CbpVariant variant, SortedMap<Integer, Long> rowsByFiscalYear,
		long rejectedRows, LocalDate lastMonthStart) {

	public CbpFileCoverage {
		rowsByFiscalYear = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByFiscalYear));
	}

	/**
	 * Reads a whole file once, streaming, to see what it covers.
	 * @param file the file
	 * @return its coverage
	 * @throws CbpFileException when the file cannot be read as a CBP encounter file
	 */
	public static CbpFileCoverage scan(Path file) {
		return scan(new FileSystemResource(file), file.getFileName().toString());
	}

	/**
	 * Reads a whole resource once, streaming, to see what it covers.
	 * @param resource the file's bytes
	 * @param fileName the file's name, for messages
	 * @return its coverage
	 * @throws CbpFileException when the file cannot be read as a CBP encounter file
	 */
	public static CbpFileCoverage scan(Resource resource, String fileName) {
		CbpFileReader reader = new CbpFileReader("cbpCoverageScan", resource, fileName);
		reader.setSaveState(false);
		try {
			reader.open(new ExecutionContext());
		}
		catch (ItemStreamException ex) {
			if (ex.getCause() instanceof CbpFileException fileProblem) {
				throw fileProblem;
			}
			throw ex;
		}
		try {
			SortedMap<Integer, Long> rows = new TreeMap<>();
			long rejected = 0;
			LocalDate lastMonth = null;
			for (CbpRecord record = reader.read(); record != null; record = reader.read()) {
				if (record instanceof EncounterRow row) {
					rows.merge(row.fiscalYear(), 1L, Long::sum);
					if (lastMonth == null || row.monthStart().isAfter(lastMonth)) {
						lastMonth = row.monthStart();
					}
				}
				else {
					rejected++;
				}
			}
			if (rows.isEmpty() && rejected == 0) {
				// A CBP file is a window of several fiscal years: one without rows is a
				// failed export, and loading it would publish a release that says
				// nothing.
				throw new CbpFileException(fileName + ": the file holds its header but no rows. Deliver the "
						+ "complete file again, or remove it from the inbox.");
			}
			return new CbpFileCoverage(fileName, reader.header().variant(), rows, rejected, lastMonth);
		}
		catch (CbpFileException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new CbpFileException(fileName + ": the file could not be read to the end (" + ex.getMessage()
					+ "). Check that it is readable and complete.", ex);
		}
		finally {
			reader.close();
		}
	}

	/**
	 * The fiscal years the file has valid rows for.
	 * @return the years, ascending
	 */
	public SortedSet<Integer> fiscalYears() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.rowsByFiscalYear.keySet()));
	}

	/**
	 * Valid rows in the file.
	 * @return the count
	 */
	public long rows() {
		return this.rowsByFiscalYear.values().stream().mapToLong(Long::longValue).sum();
	}

}
