package org.courtstats.warehouse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * courtstats process serves the folder (a load, {@code schedule}, {@code warehouse}), a
 * short command that changes no run's data ({@code status}, {@code stop}, ...) connects
 * to that process's server, which stops when its own process ends; any other command
 * waits for that process to end, then starts its own.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedWarehouse.class);

	/** The lock file the embedded server holds while a process uses its data folder. */
	private static final String LOCK_FILE = "epg-lock";

	/** How often a command waiting for another process's server looks again. */
	private static final Duration POLL = Duration.ofMillis(250);

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
	 * Starts the server and creates the warehouse database when it is missing. While
	 * another live courtstats process serves the folder, a command that may share it
	 * connects to that server once it is ready; any other command waits for that process
	 * to end, for {@code owner-wait}, since the server stops with the process that
	 * started it.
	 * @param settings where and on which port
	 * @param mayShare whether this command may use another process's server
	 * @return the running server, or the other process's
	 * @throws RunLockException when another process still serves the folder and this
	 * command may not share it
	 * @throws WarehouseUnavailableException when the server does not start, or another
	 * process's server is not ready in time
	 */
	public static EmbeddedWarehouse start(WarehouseSettings.Embedded settings, boolean mayShare) {
		Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
		long deadline = System.nanoTime() + settings.ownerWait().toNanos();
		try {
			Files.createDirectories(dataDirectory);
			for (Optional<Owner> owner = ownerOf(dataDirectory); owner.isPresent(); owner = ownerOf(dataDirectory)) {
				if (mayShare && owner.get().isReady()) {
					Optional<EmbeddedWarehouse> shared = share(owner.get(), dataDirectory, settings);
					if (shared.isPresent()) {
						return shared.get();
					}
				}
				if (System.nanoTime() > deadline) {
					throw inUse(owner.get(), dataDirectory, settings, mayShare);
				}
				Thread.sleep(POLL.toMillis());
			}
			EmbeddedPostgres postgres = serverBuilder().setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(settings.port())
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			EmbeddedWarehouse warehouse = new EmbeddedWarehouse(postgres, postgres.getPort(), settings);
			try {
				warehouse.createDatabase();
			}
			catch (SQLException ex) {
				postgres.close();
				throw ex;
			}
			return warehouse;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WarehouseUnavailableException(
					"Interrupted while waiting for the embedded warehouse in " + dataDirectory + " to be free", ex);
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
	 * The failure of a command that found the folder served by another process for longer
	 * than it waits.
	 */
	private static RuntimeException inUse(Owner owner, Path dataDirectory, WarehouseSettings.Embedded settings,
			boolean mayShare) {
		if (mayShare) {
			return new WarehouseUnavailableException("Another courtstats process serves the embedded warehouse in "
					+ dataDirectory + ", and its server was not ready to use within " + settings.ownerWait().toSeconds()
					+ " s (" + owner.state() + "). Run the command again in a moment.", null);
		}
		return new RunLockException("Another courtstats process serves the embedded warehouse in " + dataDirectory
				+ " (waited " + settings.ownerWait().toSeconds() + " s for it to end). This command needs it to "
				+ "itself, since the embedded server stops with the process that started it, so it does nothing. "
				+ "Run it once that process has ended ('courtstats status' shows a running load), or point both at a "
				+ "PostgreSQL server (COURTSTATS_DB_URL).");
	}

	/**
	 * Connects to the server another process runs on the folder, once it accepts
	 * connections and is the server of this very folder.
	 * @return the shared server, or empty when it does not accept connections yet
	 */
	private static Optional<EmbeddedWarehouse> share(Owner owner, Path dataDirectory,
			WarehouseSettings.Embedded settings) throws IOException, SQLException {
		EmbeddedWarehouse warehouse = new EmbeddedWarehouse(null, owner.port(), settings);
		String served;
		try (Connection connection = DriverManager.getConnection(warehouse.url("postgres"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('data_directory')")) {
			rs.next();
			served = rs.getString(1);
		}
		catch (SQLException ex) {
			// Starting up, shutting down, or not listening yet: looked at again.
			logger.debug("The embedded server on port {} is not ready: {}", owner.port(), ex.getMessage());
			return Optional.empty();
		}
		if (!Files.isSameFile(Path.of(served), dataDirectory)) {
			throw new IllegalStateException("another courtstats process holds the folder, and port " + owner.port()
					+ " that its postmaster.pid names is served from " + served + ", another folder");
		}
		warehouse.createDatabase();
		logger.info("The embedded warehouse in {} is served by another courtstats process, on port {}; using that "
				+ "server, which stops when its process ends", dataDirectory, owner.port());
		return Optional.of(warehouse);
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
	 * The other live courtstats process that serves the folder, if any: one holds the
	 * folder's lock. A server whose JVM was killed keeps running and holds the data
	 * folder; when no live process holds the lock, such a server is an orphan, and it is
	 * asked to shut down.
	 * @return the server another process runs on the folder, or empty when this process
	 * is to start one
	 */
	private static Optional<Owner> ownerOf(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(dataDirectory.resolve(LOCK_FILE))) {
			// No server has run on the folder (its lock file comes after initdb, which
			// wants the folder empty).
			return Optional.empty();
		}
		try (RandomAccessFile lockFile = new RandomAccessFile(dataDirectory.resolve(LOCK_FILE).toFile(), "rw");
				FileLock lock = lockFile.getChannel().tryLock()) {
			if (lock == null) {
				return Optional.of(Owner.read(pidFile));
			}
			if (!Files.exists(pidFile)) {
				return Optional.empty();
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
	 * The server another process runs on the folder, as its {@code postmaster.pid} gives
	 * it: the port on its fourth line, the state on its eighth ({@code starting},
	 * {@code ready}, {@code stopping}).
	 *
	 * @param port the port, or 0 when the file names none yet
	 * @param state the server's state, or why it is unknown
	 */
	private record Owner(int port, String state) {

		static Owner read(Path pidFile) throws IOException {
			List<String> lines;
			try {
				lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			}
			catch (NoSuchFileException ex) {
				return new Owner(0, "its server is not started yet");
			}
			int port;
			try {
				port = Integer.parseInt(lines.get(3).strip());
			}
			catch (IndexOutOfBoundsException | NumberFormatException ex) {
				return new Owner(0, "its server names no port yet");
			}
			String state = (lines.size() > 7) ? lines.get(7).strip() : "";
			return new Owner(port, state.isEmpty() ? "its server is starting" : "its server is " + state);
		}

		boolean isReady() {
			return this.port > 0 && this.state.equals("its server is ready");
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
			try {
				statement.execute("create database \"" + this.settings.database().replace("\"", "\"\"") + "\"");
			}
			catch (SQLException ex) {
				// Another process sharing the server created it meanwhile.
				if (!"42P04".equals(ex.getSQLState())) {
					throw ex;
				}
			}
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
