package org.courtstats.warehouse;

/**
 * A statement of {@code warehouse-sql/} that failed, with where it is: the operator
 * reading the load's failure learns which file and line the database refused, not only
 * the database's words. The database's exception stays the cause, so that a lost
 * connection is still recognised as one ({@link DatabaseFailures}).
 */
public class WarehouseSqlException extends RuntimeException {

	private final String location;

	WarehouseSqlException(String location, RuntimeException cause) {
		super(location + ": " + cause.getMessage(), cause);
		this.location = location;
	}

	/**
	 * The statement's file and line.
	 * @return {@code warehouse-sql/<path>, line N}
	 */
	public String location() {
		return this.location;
	}

}
