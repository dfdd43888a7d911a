package org.courtstats.staging;

import org.roaringbitmap.RoaringBitmap;

/**
 * Whether a file's staged rows hold each value of its table's
 * {@link StagingTable#keyColumn() key column} once, found as the rows are staged: the
 * keys seen so far in a compressed bitmap, so that {@code load/dedup_same_key.sql} need
 * not count the staged keys again for a file found to repeat none. The answer is only
 * given for a file staged whole, from its first row, by one writer that
 * {@link #startFile() started} it, each staged row noted once (a writer that only counts
 * a file staged before, or resumes one, has no answer): {@link #verdict()} is then true
 * when no key repeated, false when one did, and null when it is not known (a resumed
 * file, a chunk rolled back, a key outside 0 to 2^32 - 1, or keys too many and too
 * scattered to hold in {@link #MAX_BYTES}).
 */
final class DistinctKeys {

	/**
	 * The most the bitmap of one file's keys may take, as it reports its size (its heap
	 * is up to about half as much again): about 5 MB holds 43 million keys numbered one
	 * after the other, as EOIR numbers them; keys scattered thinly take up to 2 bytes
	 * each, and past this size the answer is given up.
	 */
	static final long MAX_BYTES = 32L << 20;

	private static final int SIZE_CHECK_INTERVAL = 1 << 16;

	private static final long MAX_KEY = 0xFFFF_FFFFL;

	private final int index;

	private final long maxBytes;

	private RoaringBitmap keys;

	private boolean repeated;

	private int untilSizeCheck = SIZE_CHECK_INTERVAL;

	// Rows of a chunk rolled back come again: their keys were noted.
	private final TransactionEnd transactionEnd = new TransactionEnd((committed) -> {
		if (!committed) {
			giveUp();
		}
	});

	/**
	 * Notes the keys of a table's staged rows.
	 * @param table the table; its {@link StagingTable#keyColumn() key column}, if any, is
	 * noted
	 */
	DistinctKeys(StagingTable table) {
		this(table, MAX_BYTES);
	}

	DistinctKeys(StagingTable table, long maxBytes) {
		this.index = (table.keyColumn() != null) ? table.dataColumns().indexOf(table.keyColumn()) : -1;
		this.maxBytes = maxBytes;
	}

	/**
	 * Starts noting the keys of a file whose staging starts at its first row: until then,
	 * and for a table without a key column, the answer is unknown.
	 */
	void startFile() {
		this.keys = (this.index >= 0) ? new RoaringBitmap() : null;
		this.repeated = false;
		this.untilSizeCheck = SIZE_CHECK_INTERVAL;
	}

	/**
	 * Notes a staged row's key.
	 * @param values the row's values, aligned with the table's data columns
	 */
	void add(Object[] values) {
		if (this.keys == null) {
			return;
		}
		this.transactionEnd.watch();
		if (!(values[this.index] instanceof Long key) || key < 0 || key > MAX_KEY) {
			giveUp();
			return;
		}
		if (!this.keys.checkedAdd((int) key.longValue())) {
			this.repeated = true;
			this.keys = null;
			return;
		}
		if (--this.untilSizeCheck == 0) {
			this.untilSizeCheck = SIZE_CHECK_INTERVAL;
			if (this.keys.getLongSizeInBytes() > this.maxBytes) {
				giveUp();
			}
		}
	}

	/**
	 * Gives the answer up: rows noted will be staged again (their chunk rolled back), or
	 * their keys cannot be held.
	 */
	void giveUp() {
		this.keys = null;
		this.repeated = false;
	}

	/**
	 * Whether the rows noted held each key once.
	 * @return true when no key repeated, false when one did, null when not known
	 */
	Boolean verdict() {
		if (this.repeated) {
			return false;
		}
		return (this.keys != null) ? Boolean.TRUE : null;
	}

}
