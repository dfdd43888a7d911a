package org.courtstats.eoir;

import java.util.List;

/**
 * One staging column and the header names it is read from (current name first, then older
 * ones).
 *
 * @param stagingColumn the staging column
 * @param headerNames header names, matched case-insensitively
 * @param kind how the value is validated and cleaned
 */
public record EoirColumn(String stagingColumn, List<String> headerNames, ColumnKind kind) {

	public EoirColumn {
		headerNames = List.copyOf(headerNames);
	}

	static EoirColumn of(String stagingColumn, ColumnKind kind, String... headerNames) {
		return new EoirColumn(stagingColumn, List.of(headerNames), kind);
	}

	static EoirColumn of(String headerName, ColumnKind kind) {
		return of(headerName.toLowerCase(java.util.Locale.ROOT), kind, headerName);
	}

}
