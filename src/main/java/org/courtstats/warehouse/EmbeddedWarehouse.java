package org.courtstats.warehouse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
	 * The folders this JVM serves. A second context on one of them is refused before it
	 * opens the folder's lock file: closing any channel to a file drops every lock the
	 * process holds on it.
	 */
	private static final Set<Path> SERVED = ConcurrentHashMap.newKeySet();

	/**
	 * The server settings the warehouse needs beyond the library's. The library's own
	 * defaults suit throwaway test databases: {@code fsync} off, so that a crash of the
	 * machine can leave the data folder corrupt, and commits acknowledged before they
	 * reach the disk. A warehouse whose data outlives the run writes every commit to disk
	 * before it acknowledges it.
	 */
	private static final Map<String, String> SERVER_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on");

	/**
	 * Free space on the disk holding the data folder below which PostgreSQL is likely to
	 * stop: it cannot start a file of its log of changes (16 MB), nor recover from a
	 * crash.
	 */
	static final long LOW_SPACE = 64L * 1024 * 1024;

	/**
	 * The server this process started, or null when another process serves the folder.
	 */
	private final EmbeddedPostgres postgres;

	private final int port;

	private final WarehouseSettings.Embedded settings;

	/**
	 * The folder's courtstats lock, held while this process serves it; null when shared.
	 */
	private final FileChannel ownership;

	private final Path dataDirectory;

	/** Told once when the server this process started ends under it. */
	private final List<Runnable> whenServerEnds = new ArrayList<>();

	/** Whether the watch found the server ended and told whenServerEnds. */
	private boolean told;

	/** Watches the server this process started; null when shared. */
	private ScheduledExecutorService watch;

	private EmbeddedWarehouse(EmbeddedPostgres postgres, int port, WarehouseSettings.Embedded settings,
			FileChannel ownership, Path dataDirectory) {
		this.postgres = postgres;
		this.port = port;
		this.settings = settings;
		this.ownership = ownership;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts the server and creates the warehouse database when it is missing. The
	 * process that serves the folder holds a lock beside it ({@code warehouse.lock}
	 * beside {@code warehouse}) from before it starts the server to after it stops it.
	 * While another live process holds it, a command that may share the folder connects
	 * to that process's server once it accepts connections; any other command waits for
	 * that process to end, for {@code owner-wait}, since the server stops with the
	 * process that started it.
	 * @param settings where and on which port
	 * @param mayShare whether this command may use another process's server
	 * @return the running server, or the other process's
	 * @throws RunLockException when another process still serves the folder and this
	 * command may not share it
	 * @throws WarehouseUnavailableException when the server does not start, or another
	 * process's server is not ready in time
	 */
	public static EmbeddedWarehouse start(WarehouseSettings.Embedded settings, boolean mayShare) {
		Path configured = settings.dataDirectory().toAbsolutePath().normalize();
		Path dataDirectory = configured;
		long deadline = System.nanoTime() + settings.ownerWait().toNanos();
		FileChannel ownership = null;
		boolean served = false;
		try {
			Files.createDirectories(configured);
			// One lock whatever the spelling of the folder (a symbolic link to it).
			dataDirectory = configured.toRealPath();
			if (!SERVED.add(dataDirectory)) {
				throw new IllegalStateException("this process already serves " + dataDirectory);
			}
			served = true;
			Path lockPath = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
			ownership = openLock(lockPath);
			boolean announced = false;
			for (Ownership state = lock(ownership, dataDirectory); state != Ownership.OURS; state = lock(ownership,
					dataDirectory)) {
				Owner owner = Owner.read(dataDirectory.resolve("postmaster.pid"),
						(state == Ownership.COURTSTATS) ? lockPath : null);
				if (mayShare && owner.isReady()) {
					Optional<EmbeddedWarehouse> shared = share(owner, dataDirectory, settings);
					if (shared.isPresent()) {
						release(ownership, dataDirectory);
						return shared.get();
					}
				}
				if (System.nanoTime() > deadline) {
					throw inUse(owner, dataDirectory, settings, mayShare);
				}
				if (!announced) {
					logger.info(
							"Waiting up to {} s for the courtstats process {} serving the embedded warehouse in {} "
									+ "{}",
							settings.ownerWait().toSeconds(), owner.process(), dataDirectory,
							mayShare ? "to accept connections" : "to end");
					announced = true;
				}
				Thread.sleep(POLL.toMillis());
			}
			ownership.truncate(0);
			ownership.write(
					ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
					0);
			stopOrphanedServer(dataDirectory);
			// Stopped by close(), which the program's context runs on exit, so that the
			// folder's lock is released only once the server has stopped.
			EmbeddedPostgres postgres = serverBuilder().setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(settings.port())
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false)
				.start();
			EmbeddedWarehouse warehouse = new EmbeddedWarehouse(postgres, postgres.getPort(), settings, ownership,
					dataDirectory);
			try {
				if (!warehouse.servesFolder(dataDirectory)) {
					throw new IllegalStateException("the server answering on port " + settings.port()
							+ " serves another data folder (another PostgreSQL took the port)");
				}
				warehouse.createDatabase();
			}
			catch (IOException | SQLException | RuntimeException ex) {
				try {
					warehouse.close();
				}
				catch (IOException closing) {
					ex.addSuppressed(closing);
				}
				throw ex;
			}
			warehouse.watchServer();
			return warehouse;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			release(ownership, served ? dataDirectory : null);
			throw new WarehouseUnavailableException(
					"Interrupted while waiting for the embedded warehouse in " + dataDirectory + " to be free", ex);
		}
		catch (RunLockException | WarehouseUnavailableException ex) {
			release(ownership, served ? dataDirectory : null);
			throw ex;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			release(ownership, served ? dataDirectory : null);
			Optional<String> lowSpace = lowSpace(dataDirectory);
			if (lowSpace.isPresent()) {
				throw new WarehouseUnavailableException(
						"The embedded warehouse in " + dataDirectory + " did not start: " + lowSpace.get()
								+ ". Free space on that disk, then run the command again.",
						ex);
			}
			throw new WarehouseUnavailableException("The embedded warehouse in " + dataDirectory
					+ " did not start on port " + settings.port() + ": " + ex.getMessage()
					+ ". If the port is taken, set courtstats.database.embedded.port; or point "
					+ "COURTSTATS_DB_URL at a PostgreSQL server.", ex);
		}
	}

	/**
	 * Who serves the folder, as far as taking its lock tells.
	 */
	private enum Ownership {

		/** This process: it holds the lock, and no server runs on the folder. */
		OURS,

		/** Another courtstats process, which holds the lock. */
		COURTSTATS,

		/**
		 * A server still runs on the folder while no process holds the lock: one stopping
		 * after its process released it, or one started by an earlier courtstats, which
		 * took no such lock.
		 */
		SERVER

	}

	private static FileChannel openLock(Path lockPath) {
		try {
			return FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("its lock file " + lockPath + " cannot be opened (" + ex
					+ "): the loader needs to write in " + lockPath.getParent() + ", beside the folder", ex);
		}
	}

	/**
	 * Takes the folder's courtstats lock for this process, unless another process holds
	 * it or a server still runs on the folder.
	 */
	private static Ownership lock(FileChannel ownership, Path dataDirectory) throws IOException {
		FileLock lock;
		try {
			lock = ownership.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			throw new IllegalStateException("this process already serves " + dataDirectory, ex);
		}
		if (lock == null) {
			return Ownership.COURTSTATS;
		}
		Path serverLock = dataDirectory.resolve(LOCK_FILE);
		if (Files.exists(serverLock)) {
			try (FileChannel channel = FileChannel.open(serverLock, StandardOpenOption.WRITE);
					FileLock held = channel.tryLock()) {
				if (held == null) {
					lock.release();
					return Ownership.SERVER;
				}
			}
		}
		return Ownership.OURS;
	}

	/**
	 * Releases the folder's lock and forgets the folder, after a start that failed or
	 * shared another process's server.
	 */
	private static void release(FileChannel ownership, Path dataDirectory) {
		if (dataDirectory != null) {
			SERVED.remove(dataDirectory);
		}
		if (ownership != null) {
			try {
				ownership.close();
			}
			catch (IOException ex) {
				logger.warn("Could not release the lock of the embedded warehouse: {}", ex.getMessage());
			}
		}
	}

	/**
	 * The failure of a command that found the folder served by another process for longer
	 * than it waits.
	 */
	private static RuntimeException inUse(Owner owner, Path dataDirectory, WarehouseSettings.Embedded settings,
			boolean mayShare) {
		if (mayShare) {
			return new WarehouseUnavailableException("The courtstats process " + owner.process()
					+ " serves the embedded warehouse in " + dataDirectory + ", and its server did not accept "
					+ "connections within " + settings.ownerWait().toSeconds() + " s (" + owner.state()
					+ "). Run the command again in a moment.", null);
		}
		return new RunLockException("The courtstats process " + owner.process() + " serves the embedded warehouse in "
				+ dataDirectory + " (waited " + settings.ownerWait().toSeconds() + " s for it to end): a load, or "
				+ "`schedule` or `warehouse` left running. This command needs the embedded warehouse to itself, since "
				+ "its server stops with the process that started it, so it did nothing. Run it once that process has "
				+ "ended, or point both at a PostgreSQL server (COURTSTATS_DB_URL).");
	}

	/**
	 * Connects to the server another process runs on the folder, once it accepts
	 * connections and is the server of this very folder.
	 * @return the shared server, or empty when it does not accept connections yet
	 */
	private static Optional<EmbeddedWarehouse> share(Owner owner, Path dataDirectory,
			WarehouseSettings.Embedded settings) throws SQLException {
		EmbeddedWarehouse warehouse = new EmbeddedWarehouse(null, owner.port(), settings, null, dataDirectory);
		try {
			if (!warehouse.servesFolder(dataDirectory)) {
				// A postmaster.pid left from before, while the owner starts its server.
				return Optional.empty();
			}
		}
		catch (SQLException | IOException ex) {
			// Starting up, shutting down, or not listening yet: looked at again.
			logger.debug("The embedded server on port {} is not ready: {}", owner.port(), ex.getMessage());
			return Optional.empty();
		}
		warehouse.createDatabase();
		logger.info("The embedded warehouse in {} is served by the courtstats process {}, on port {}; using that "
				+ "server, which stops when its process ends", dataDirectory, owner.process(), owner.port());
		return Optional.of(warehouse);
	}

	/**
	 * Whether the server on this warehouse's port is the server of the folder.
	 */
	private boolean servesFolder(Path dataDirectory) throws SQLException, IOException {
		try (Connection connection = DriverManager
			.getConnection(url("postgres") + "&connectTimeout=10&socketTimeout=30");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('data_directory')")) {
			rs.next();
			return Files.isSameFile(Path.of(rs.getString(1)), dataDirectory);
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
	 * A server whose JVM was killed keeps running and holds the data folder. Once this
	 * process holds the folder's courtstats lock, no live courtstats process serves it,
	 * so such a server is an orphan: it is asked to shut down.
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (RandomAccessFile lockFile = new RandomAccessFile(dataDirectory.resolve(LOCK_FILE).toFile(), "rw");
				FileLock lock = lockFile.getChannel().tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("another process holds " + dataDirectory.resolve(LOCK_FILE));
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
		catch (NumberFormatException | java.util.concurrent.ExecutionException
				| java.util.concurrent.TimeoutException ex) {
			logger.warn("Could not stop the server left in {}: {}", dataDirectory, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The server another process runs on the folder, as its {@code postmaster.pid} gives
	 * it (the port on its fourth line, the state on its eighth: {@code starting},
	 * {@code ready}, {@code stopping}), and that process, as the folder's lock gives it.
	 *
	 * @param port the port, or 0 when the file names none yet
	 * @param state the server's state, or why it is unknown
	 * @param process the serving process, as {@code (pid N)}, or why its pid is unknown
	 */
	private record Owner(int port, String state, String process) {

		static Owner read(Path pidFile, Path lockPath) throws IOException {
			String pid = (lockPath != null) ? Files.readString(lockPath, StandardCharsets.US_ASCII).strip() : "";
			String process = (lockPath == null) ? "(pid unknown: one stopping, or of an earlier version)"
					: pid.matches("\\d+") ? "(pid " + pid + ")" : "(pid not yet recorded)";
			List<String> lines;
			try {
				lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			}
			catch (NoSuchFileException ex) {
				return new Owner(0, "its server is not started yet", process);
			}
			int port;
			try {
				port = Integer.parseInt(lines.get(3).strip());
			}
			catch (IndexOutOfBoundsException | NumberFormatException ex) {
				return new Owner(0, "its server names no port yet", process);
			}
			String state = (lines.size() > 7) ? lines.get(7).strip() : "";
			return new Owner(port, state.isEmpty() ? "its server is starting" : "its server is " + state, process);
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
				// Another process sharing the server created it meanwhile (42P04, or
				// 23505 when both created it at once).
				if (!"42P04".equals(ex.getSQLState()) && !"23505".equals(ex.getSQLState())) {
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
	 * warehouse (the server accepts local connections only). Called once the migrations
	 * have run, which create the role.
	 * @throws SQLException when the role cannot be changed
	 */
	void allowAnalystLogin() throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl());
				Statement statement = connection.createStatement()) {
			if (analystCanLogIn(statement)) {
				return;
			}
			try {
				statement.execute("alter role courtstats_analyst login");
			}
			catch (SQLException ex) {
				// Two commands starting at once: the other one's change may have won.
				if (!analystCanLogIn(statement)) {
					throw ex;
				}
			}
		}
	}

	private static boolean analystCanLogIn(Statement statement) throws SQLException {
		try (ResultSet role = statement
			.executeQuery("select rolcanlogin from pg_roles where rolname = 'courtstats_analyst'")) {
			return role.next() && role.getBoolean(1);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.watch != null) {
			this.watch.shutdownNow();
		}
		try {
			if (this.postgres != null) {
				this.postgres.close();
				awaitStopped();
			}
		}
		finally {
			if (this.ownership != null) {
				SERVED.remove(this.dataDirectory);
				this.ownership.close();
			}
		}
	}

	/**
	 * What became of the server this process started, once it no longer runs (killed, or
	 * stopped by a crash it could not recover from, most often for a full disk): nothing
	 * but courtstats starts it again, so that a load waiting for it would wait in vain.
	 * @return the server's end (with the free space of its disk when that is low) and
	 * what to do, for a message; empty while it runs, and when another process serves the
	 * warehouse
	 */
	public Optional<String> serverEnded() {
		if (this.postgres == null || isServerAlive(this.dataDirectory.resolve("postmaster.pid"))) {
			return Optional.empty();
		}
		return Optional.of(howItEnded());
	}

	/**
	 * Where the server writes, for a message about a full disk: PostgreSQL names its
	 * files relative to a data folder the operator may not know of.
	 * @return a sentence naming the data folder and the free space of its disk
	 */
	public String whereItWrites() {
		String folder = "The embedded warehouse's data is in " + this.dataDirectory;
		return usableSpace(this.dataDirectory).map((free) -> folder + ", on a disk with " + megabytes(free) + " free.")
			.orElse(folder + ".");
	}

	/**
	 * Runs an action once the server this process started has ended under it (not when it
	 * is stopped on close): such as closing the connection pool, so that the work still
	 * asking for connections fails at once rather than each time after the pool's
	 * connection timeout. Given after the server ended, it runs at once.
	 * @param action what to do
	 */
	public void whenServerEnds(Runnable action) {
		synchronized (this.whenServerEnds) {
			if (!this.told) {
				this.whenServerEnds.add(action);
				return;
			}
		}
		// The server ended before the action was given: it runs now.
		action.run();
	}

	/**
	 * Checks every second that the server this process started still runs.
	 */
	private void watchServer() {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		this.watch = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "embedded-warehouse-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.watch.scheduleWithFixedDelay(() -> {
			if (!isServerAlive(pidFile)) {
				this.watch.shutdown();
				logger.error("{}", howItEnded());
				List<Runnable> actions;
				synchronized (this.whenServerEnds) {
					this.told = true;
					actions = List.copyOf(this.whenServerEnds);
				}
				actions.forEach(Runnable::run);
			}
		}, 1, 1, TimeUnit.SECONDS);
	}

	private String howItEnded() {
		String ended = "the embedded warehouse's PostgreSQL server (in " + this.dataDirectory + ") has ended";
		return lowSpace(this.dataDirectory)
			.map((low) -> ended + ": " + low + ". Free space on that disk, then run the same command again")
			.orElse(ended + ". Run the same command again");
	}

	/**
	 * The free space of the disk holding a data folder, when it is too low for PostgreSQL
	 * to go on writing.
	 */
	static Optional<String> lowSpace(Path dataDirectory) {
		return usableSpace(dataDirectory).flatMap(EmbeddedWarehouse::lowSpace);
	}

	static Optional<String> lowSpace(long usableBytes) {
		if (usableBytes >= LOW_SPACE) {
			return Optional.empty();
		}
		return Optional.of("the disk holding it has " + megabytes(usableBytes)
				+ " free, and PostgreSQL stops when it cannot write");
	}

	/**
	 * The free space of the disk holding a folder, or of its nearest existing parent's
	 * when it is not made yet.
	 */
	private static Optional<Long> usableSpace(Path folder) {
		Path existing = folder;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			return (existing != null) ? Optional.of(Files.getFileStore(existing).getUsableSpace()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
	}

	/**
	 * Whether the server a {@code postmaster.pid} names still runs: the file is left
	 * behind by a server that was killed.
	 */
	private static boolean isServerAlive(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			return !lines.isEmpty() && isRunning(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			// Gone, or being rewritten.
			return Files.exists(pidFile);
		}
	}

	/**
	 * Whether a process runs: a killed one stays a zombie, alive to
	 * {@link ProcessHandle}, until its parent reaps it, and the server's parent is
	 * whatever adopted it once {@code pg_ctl} ended, which in a container may reap
	 * nothing.
	 */
	private static boolean isRunning(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		try {
			// The state follows the command name, which is in parentheses.
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
			int name = stat.lastIndexOf(')');
			char state = (name >= 0 && name + 2 < stat.length()) ? stat.charAt(name + 2) : 'R';
			return state != 'Z' && state != 'X';
		}
		catch (IOException ex) {
			// No /proc to tell: alive as far as can be known.
			return true;
		}
	}

	/**
	 * Waits, a minute at most, for the server to be gone from the folder, so that the
	 * folder's lock is not released while it still stops.
	 */
	private void awaitStopped() {
		Path pidFile = this.dataDirectory.resolve("postmaster.pid");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		try {
			while (isServerAlive(pidFile) && System.nanoTime() < deadline) {
				Thread.sleep(POLL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (isServerAlive(pidFile)) {
			logger.warn("The embedded server in {} had not stopped a minute after it was asked to", this.dataDirectory);
		}
	}

}
