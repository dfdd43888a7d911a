package org.courtstats.warehouse;

/**
 * The warehouse was migrated by a newer version of courtstats than the one running: a
 * deployment error the operator fixes by running that version, not a failure of the
 * warehouse.
 */
public class WarehouseSchemaTooNewException extends IllegalArgumentException {

	WarehouseSchemaTooNewException(String message) {
		super(message);
	}

}
