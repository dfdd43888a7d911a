package org.courtstats.ohss;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the cells of one OHSS edition, table after table, for a chunk step. A table is
 * read whole before its cells are handed over (at most one table's cells are held, a few
 * thousand), so a table whose layout breaks part-way gives no cells but one
 * {@link OhssRecord.RejectedCell} for each of its data cells (one
 * {@link OhssRecord.RejectedTable} for a sheet with no header an OHSS table has), and the
 * tables after it still read. The number of items read is saved under the reader's name,
 * so a restart reads the workbook again and skips what was committed.
 */
public class OhssEditionReader extends AbstractItemCountingItemStreamItemReader<OhssRecord> {

	private static final Logger logger = LoggerFactory.getLogger(OhssEditionReader.class);

	private final Path file;

	private OhssEdition edition;

	private Iterator<String> tables;

	private Iterator<? extends OhssRecord> current;

	public OhssEditionReader(String name, Path file) {
		setName(name);
		this.file = file;
	}

	@Override
	protected void doOpen() {
		this.edition = OhssEdition.open(this.file);
		this.tables = this.edition.tableNames().iterator();
		this.current = List.<OhssRecord>of().iterator();
	}

	@Override
	protected OhssRecord doRead() {
		while (!this.current.hasNext()) {
			if (!this.tables.hasNext()) {
				return null;
			}
			this.current = readTable(this.tables.next()).iterator();
		}
		return this.current.next();
	}

	private List<? extends OhssRecord> readTable(String sheet) {
		List<OhssRecord> read = new ArrayList<>();
		try (Stream<OhssRecord> records = this.edition.records(sheet)) {
			records.forEach(read::add);
			return read;
		}
		catch (OhssTableRejectedException ex) {
			List<OhssRecord> rejected = new ArrayList<>(read.size() + ex.cells().size());
			// The table's cells that hold a value, as below the break: its blank cells
			// load no value either way.
			read.stream()
				.filter(OhssCell.class::isInstance)
				.forEach((cell) -> rejected
					.add(OhssRecord.RejectedCell.ofTableRejected((OhssCell) cell, ex.getMessage())));
			rejected.addAll(ex.cells());
			logger.warn("{} Its {} cells are quarantined (etl.rejected_row); the other tables load.", ex.getMessage(),
					String.format("%,d", rejected.size()));
			return rejected.isEmpty() ? List.of(new OhssRecord.RejectedTable(sheet, ex.getMessage())) : rejected;
		}
		catch (OhssLayoutException ex) {
			logger.warn("{} The other tables load.", ex.getMessage());
			return List.of(new OhssRecord.RejectedTable(sheet, ex.getMessage()));
		}
	}

	@Override
	protected void doClose() {
		if (this.edition != null) {
			this.edition.close();
			this.edition = null;
		}
	}

}
