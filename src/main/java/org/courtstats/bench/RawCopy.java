package org.courtstats.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

/**
 * The floor of a load: each file of a release {@code COPY}'d as it is into a table of
 * {@code text} columns, no parsing, cleaning or SQL after it, with the load's number of
 * files at a time.
 */
final class RawCopy {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private RawCopy() {
	}

	/**
	 * Copies every {@code .csv} of the release folder into its own scratch table.
	 * @param database where the scratch tables go
	 * @param release the release folder
	 * @param threads files copied at the same time
	 * @return the time the copies took, table creation left out
	 * @throws Exception when a file cannot be read or copied
	 */
	static Duration run(Database database, Path release, int threads) throws Exception {
		List<Path> files;
		try (Stream<Path> found = Files.walk(release)) {
			// Largest first, as a fair schedule for two threads.
			files = found.filter((file) -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
				.sorted(Comparator.comparingLong(RawCopy::size).reversed())
				.toList();
		}
		List<String> tables = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (Path file : files) {
				String table = tableName(file);
				int columns = columns(file);
				StringBuilder ddl = new StringBuilder("create table " + table + " (");
				for (int i = 1; i <= columns; i++) {
					ddl.append((i > 1) ? ", " : "").append("c").append(i).append(" text");
				}
				statement.execute("drop table if exists " + table);
				statement.execute(ddl.append(")").toString());
				tables.add(table);
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		try {
			List<Future<Long>> copies = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				Path file = files.get(i);
				String table = tables.get(i);
				copies.add(pool.submit(() -> copy(database, file, table)));
			}
			for (Future<Long> copy : copies) {
				copy.get();
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			pool.shutdown();
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static long copy(Database database, Path file, String table) throws SQLException, IOException {
		// CSV with a quote character the files never hold: EOIR's files are unquoted and
		// may hold backslashes, which text format would read as escapes.
		String sql = "copy " + table + " from stdin (format csv, delimiter E'\\t', quote E'\\x01', header true, "
				+ "encoding 'WIN1252')";
		try (Connection connection = database.connect();
				InputStream in = new NulDropping(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in, 1 << 16);
		}
	}

	private static String tableName(Path file) {
		String name = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "").toLowerCase(Locale.ROOT);
		return "raw_" + name.replaceAll("[^a-z0-9_]", "_");
	}

	private static int columns(Path file) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, WINDOWS_1252)) {
			String header = reader.readLine();
			return (header == null) ? 1 : header.split("\t", -1).length;
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Drops NUL bytes, which PostgreSQL text cannot hold and EOIR's files carry now and
	 * then; the load drops them too.
	 */
	private static final class NulDropping extends FilterInputStream {

		NulDropping(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b;
			do {
				b = super.read();
			}
			while (b == 0);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read;
			int kept;
			do {
				read = super.read(buffer, offset, length);
				if (read <= 0) {
					return read;
				}
				kept = 0;
				for (int i = 0; i < read; i++) {
					if (buffer[offset + i] != 0) {
						buffer[offset + kept++] = buffer[offset + i];
					}
				}
			}
			while (kept == 0);
			return kept;
		}

	}

}
