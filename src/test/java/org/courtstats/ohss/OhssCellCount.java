package org.courtstats.ohss;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads OHSS editions and prints, per file, its as-of month, tables, rejections and
 * cells: the child process of {@link OhssEditionMemoryTests}, run in a small heap.
 */
public final class OhssCellCount {

	private OhssCellCount() {
	}

	public static void main(String[] args) {
		boolean rejected = false;
		for (String arg : args) {
			try (OhssEdition edition = OhssEdition.open(Path.of(arg))) {
				long[] cells = { 0 };
				List<OhssSheetResult> results = edition.readTables((cell) -> cells[0]++);
				long rejections = results.stream().filter(OhssSheetResult::isRejected).count();
				rejected |= rejections > 0;
				System.out.printf("%s: as-of %s, %d tables, %d rejected, %d cells%n", Path.of(arg).getFileName(),
						edition.asOfMonth(), results.size(), rejections, cells[0]);
				results.stream().filter(OhssSheetResult::isRejected).forEach((r) -> System.out.println(r.error()));
			}
		}
		System.exit(rejected ? 1 : 0);
	}

}
