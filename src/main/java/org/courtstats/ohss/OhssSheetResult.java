package org.courtstats.ohss;

/**
 * How one sheet of an edition read: the cells it published, or why it was rejected.
 *
 * @param sheetName the sheet
 * @param cells the cells handed over (0 when rejected)
 * @param error the reason the sheet was rejected, or {@code null}
 */
public record OhssSheetResult(String sheetName, int cells, String error) {

	public boolean isRejected() {
		return this.error != null;
	}

}
