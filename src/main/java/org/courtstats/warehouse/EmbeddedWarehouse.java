package org.courtstats.warehouse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server that the loader starts itself, whose data stays in a folder
 * between runs. It stops when the program exits; a server left behind by a process that
 * was killed is stopped before a new one starts on the same folder. While another
 * courtstats process serves the folder (a load, {@code schedule}, {@code warehouse}),
 * this one connects to that process's server rather than failing, so that {@code status},
 * {@code stop} or a second {@code load} (refused by the run lock) work beside it; that
 * server stops when its own process ends.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedWarehouse.class);

	/** The lock file the embedded server holds while a process uses its data folder. */
	private static final String LOCK_FILE = "epg-lock";

	/**
	 * The server settings the warehouse needs beyond the library's. The library's own
	 * defaults suit throwaway test databases: {@code fsync} off, so that a crash of the
	 * machine can leave the data folder corrupt, and commits acknowledged before they
	 * reach the disk. A warehouse whose data outlives the run writes every commit to disk
	 * before it acknowledges it.
	 */
	private static final Map<String, String> SERVER_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on");

	/**
	 * The server this process started, or null when another process serves the folder.
	 */
	private final EmbeddedPostgres postgres;

	private final int port;

	private final WarehouseSettings.Embedded settings;

	private EmbeddedWarehouse(EmbeddedPostgres postgres, int port, WarehouseSettings.Embedded settings) {
		this.postgres = postgres;
		this.port = port;
		this.settings = settings;
	}

	/**
	 * Starts the server and creates the warehouse database when it is missing.
	 * @param settings where and on which port
	 * @return the running server
	 * @throws WarehouseUnavailableException when the folder is in use or the server does
	 * not start
	 */
	public static EmbeddedWarehouse start(WarehouseSettings.Embedded settings) {
		Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDirectory);
			Optional<Integer> servedPort = serverOfAnotherProcess(dataDirectory);
			if (servedPort.isPresent()) {
				EmbeddedWarehouse warehouse = new EmbeddedWarehouse(null, servedPort.get(), settings);
				try {
					warehouse.createDatabase();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("another courtstats process serves it on port " + servedPort.get()
							+ ", and its server could not be reached (" + ex.getMessage() + ")", ex);
				}
				logger.info(
						"The embedded warehouse in {} is served by another courtstats process, on port {}; "
								+ "using that server, which stops when its process ends",
						dataDirectory, servedPort.get());
				return warehouse;
			}
			EmbeddedPostgres postgres = serverBuilder().setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(settings.port())
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			EmbeddedWarehouse warehouse = new EmbeddedWarehouse(postgres, postgres.getPort(), settings);
			warehouse.createDatabase();
			return warehouse;
		}
		catch (IOException | SQLException | IllegalStateException ex) {
			throw new WarehouseUnavailableException(
					"The embedded warehouse in " + dataDirectory + " did not start on port " + settings.port() + ": "
							+ ex.getMessage()
							+ ". If another courtstats process uses it, stop that process; if the port is taken, set "
							+ "courtstats.database.embedded.port; or point COURTSTATS_DB_URL at a PostgreSQL server.",
					ex);
		}
	}

	/**
	 * A builder of the embedded server with the warehouse's settings, for a server the
	 * caller gives a data folder and a port.
	 * @return the builder
	 */
	public static EmbeddedPostgres.Builder serverBuilder() {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		SERVER_SETTINGS.forEach(builder::setServerConfig);
		return builder;
	}

	/**
	 * The port of the server another live courtstats process runs on the folder, if any.
	 * A server whose JVM was killed keeps running and holds the data folder. When no live
	 * process holds the folder's lock, such a server is an orphan: it is asked to shut
	 * down.
	 * @return the port of the server that another process serves the folder with, or
	 * empty when this process is to start one
	 */
	private static Optional<Integer> serverOfAnotherProcess(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try (RandomAccessFile lockFile = new RandomAccessFile(dataDirectory.resolve(LOCK_FILE).toFile(), "rw");
				FileLock lock = lockFile.getChannel().tryLock()) {
			if (lock == null) {
				return Optional.of(servedPort(pidFile, dataDirectory));
			}
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
					: ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
			// The pid may be stale (the machine restarted): stop it only if it serves
			// this very folder.
			boolean isPostgres = server.flatMap((process) -> process.info().commandLine())
				.map((commandLine) -> commandLine.contains("postgres")
						&& commandLine.contains(dataDirectory.toString()))
				.orElse(false);
			if (server.isPresent() && server.get().isAlive() && isPostgres) {
				logger.warn("Stopping PostgreSQL (pid {}) left running in {} by a process that ended",
						server.get().pid(), dataDirectory);
				server.get().destroy();
				server.get().onExit().get(60, TimeUnit.SECONDS);
			}
		}
		catch (OverlappingFileLockException ex) {
			throw new IllegalStateException("this process already uses " + dataDirectory, ex);
		}
		catch (NumberFormatException | java.util.concurrent.ExecutionException
				| java.util.concurrent.TimeoutException ex) {
			logger.warn("Could not stop the server left in {}: {}", dataDirectory, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Optional.empty();
	}

	/**
	 * The port a live server gives in its {@code postmaster.pid} (its fourth line).
	 */
	private static int servedPort(Path pidFile, Path dataDirectory) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		try {
			return Integer.parseInt(lines.get(3).strip());
		}
		catch (IndexOutOfBoundsException | NumberFormatException ex) {
			throw new IllegalStateException("another courtstats process is using " + dataDirectory
					+ ", and its server is not up yet (its postmaster.pid names no port); try again in a moment", ex);
		}
	}

	private void createDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url("postgres"));
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
				Statement statement = connection.createStatement()) {
			exists.setString(1, this.settings.database());
			try (ResultSet rs = exists.executeQuery()) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database \"" + this.settings.database().replace("\"", "\"\"") + "\"");
		}
	}

	/**
	 * JDBC URL of the warehouse database.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return url(this.settings.database());
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database + "?user=" + user();
	}

	/**
	 * Whether another courtstats process serves the folder, this one using its server.
	 * @return true when the server is another process's
	 */
	public boolean isServedByAnotherProcess() {
		return this.postgres == null;
	}

	/**
	 * The superuser the loader connects as.
	 * @return the user name
	 */
	public String user() {
		return "postgres";
	}

	/**
	 * The command an analyst pastes to query the warehouse.
	 * @return a psql command line
	 */
	public String psqlCommand() {
		return "psql -h localhost -p " + this.port + " -U courtstats_analyst " + this.settings.database();
	}

	/**
	 * Lets {@code courtstats_analyst} log in, so that analysts can query the embedded
	 * warehouse (the server accepts local connections only). Call it once the migrations
	 * have run.
	 * @throws SQLException when the role cannot be changed
	 */
	public void allowAnalystLogin() throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("alter role courtstats_analyst login");
		}
	}

	@Override
	public void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

}
