package org.courtstats.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts keep reading while a release loads: queries on every reporting view, as a
 * member of {@code courtstats_analyst}, never wait on a lock the load holds, never fail,
 * and see the previous release or the new one whole, never a mix.
 */
class ReadersDuringLoadFunctionalTests extends NightlyLoadTestSupport {

	/** Cases of each release: enough for a load of 20 to 40 seconds on two cores. */
	private static final int CASES = Integer.getInteger("courtstats.test.readers-cases", 10_000);

	private static final int READERS = 2;

	/**
	 * What one statement sees: the latest published EOIR release and its live
	 * proceedings.
	 */
	private static final String RELEASE_SEEN = """
			select (select release_label from warehouse.dim_release
			        where source = 'eoir' and status = 'published' order by as_of_date desc limit 1)
			    || ' ' || (select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null)""";

	@TempDir
	static Path folder;

	static String url = TestWarehouse.newDatabase("readers_during_load");

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
		registry.add("courtstats.nightly-load.settle-time", () -> "0s");
	}

	@Test
	void analystsReadEveryViewWithoutWaitingAndSeeOneReleaseWholeWhileTheNextLoads() throws Exception {
		// given: a release loaded, the next one delivered, and an analyst's login
		List<SampleRelease> series = EoirSampleGenerator.generateSeries(folder.resolve("generated"),
				List.of("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501"), CASES, 21);
		Path inbox = Files.createDirectories(folder.resolve("inbox"));
		Files.move(series.get(0).folder(), inbox.resolve(series.get(0).label()));
		assertThat(load(inbox)).containsExactly(ReleaseOutcome.Status.LOADED);
		String before = text(RELEASE_SEEN);
		Files.move(series.get(1).folder(), inbox.resolve(series.get(1).label()));
		String analyst = "readers_probe_" + System.nanoTime();
		this.jdbc.execute("create role " + analyst + " login in role courtstats_analyst");
		List<String> views = this.jdbc.queryForList(
				"select format('%I.%I', schemaname, viewname) from pg_views where schemaname = 'reporting' order by 1",
				String.class);

		// and: the sampler's query sees an analyst waiting on a lock, when one does
		ExecutorService control = Executors.newSingleThreadExecutor();
		try (Connection owner = TestWarehouse.dataSource(url).getConnection();
				Statement lock = owner.createStatement()) {
			owner.setAutoCommit(false);
			lock.execute("lock table warehouse.dim_court in access exclusive mode");
			Future<?> blocked = control.submit(() -> {
				try (Connection connection = connect(analyst); Statement statement = connection.createStatement()) {
					statement.executeQuery("select count(*) from warehouse.dim_court").close();
				}
				return null;
			});
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (lockWaits(analyst).isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(lockWaits(analyst)).as("a deliberate lock wait, seen by the sampler's query").hasSize(1);
			owner.rollback();
			blocked.get(20, TimeUnit.SECONDS);
		}
		finally {
			control.shutdown();
		}

		// when: readers query every view in a loop while the next release loads, and a
		// sampler watches for an analyst session waiting on a lock
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger queries = new AtomicInteger();
		AtomicLong slowestNanos = new AtomicLong();
		AtomicReference<String> slowest = new AtomicReference<>();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		List<String> seen = Collections.synchronizedList(new ArrayList<>());
		Set<String> lockWaits = ConcurrentHashMap.newKeySet();
		AtomicInteger samples = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
		List<Future<?>> running = new ArrayList<>();
		for (int reader = 0; reader < READERS; reader++) {
			running.add(threads.submit(() -> {
				try (Connection connection = connect(analyst); Statement statement = connection.createStatement()) {
					while (loading.get()) {
						for (String view : views) {
							long start = System.nanoTime();
							try (ResultSet rs = statement.executeQuery("select * from " + view)) {
								while (rs.next()) {
									rs.getObject(1);
								}
							}
							catch (SQLException ex) {
								errors.add(view + ": " + ex.getSQLState() + " " + ex.getMessage());
							}
							long took = System.nanoTime() - start;
							queries.incrementAndGet();
							if (took > slowestNanos.getAndAccumulate(took, Math::max)) {
								slowest.set(view);
							}
							try (ResultSet rs = statement.executeQuery(RELEASE_SEEN)) {
								rs.next();
								seen.add(rs.getString(1));
							}
						}
					}
				}
				return null;
			}));
		}
		running.add(threads.submit(() -> {
			while (loading.get()) {
				lockWaits.addAll(lockWaits(analyst));
				samples.incrementAndGet();
				Thread.sleep(50);
			}
			return null;
		}));
		long loadStart = System.nanoTime();
		List<ReleaseOutcome.Status> outcome;
		try {
			outcome = load(inbox);
			// Readers go on a moment, to read the published release.
			Thread.sleep(2000);
		}
		finally {
			loading.set(false);
			threads.shutdown();
			assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
			this.jdbc.execute("drop role " + analyst);
		}
		Duration loadTook = Duration.ofNanos(System.nanoTime() - loadStart);
		for (Future<?> thread : running) {
			thread.get();
		}
		String after = text(RELEASE_SEEN);
		List<String> distinctSeen = seen.stream().distinct().toList();
		Duration slowestTook = Duration.ofNanos(slowestNanos.get());
		System.out.printf(
				"Load of %,d cases took %s; %,d analyst queries on %d views, slowest %s (%d ms); "
						+ "%,d lock samples; releases seen in order: %s%n",
				CASES, loadTook, queries.get(), views.size(), slowest.get(), slowestTook.toMillis(), samples.get(),
				distinctSeen);

		// then
		assertThat(outcome).containsExactly(ReleaseOutcome.Status.ALREADY_LOADED, ReleaseOutcome.Status.LOADED);
		assertThat(views).contains("reporting.mpp_case_outcomes", "reporting.pending_caseload",
				"reporting.load_history");
		assertThat(errors).as("analyst queries that failed").isEmpty();
		assertThat(lockWaits).as("analyst sessions seen waiting on a lock").isEmpty();
		assertThat(samples.get()).as("lock samples taken during the load").isGreaterThan(20);
		assertThat(queries.get()).as("analyst queries run").isGreaterThan(views.size() * READERS * 3);
		assertThat(before).startsWith(series.get(0).label());
		assertThat(after).startsWith(series.get(1).label()).isNotEqualTo(before);
		assertThat(distinctSeen).as("what readers saw: the previous release whole, then the new one whole")
			.containsExactly(before, after);
		assertThat(slowestTook).as("slowest analyst query, against a load of %s", loadTook)
			.isLessThan(loadTook.dividedBy(4));
	}

	private List<String> lockWaits(String analyst) {
		return this.jdbc.queryForList("""
				select a.query || ' waits on ' || coalesce(a.wait_event, '?') from pg_stat_activity a
				where a.usename = ? and (a.wait_event_type = 'Lock'
				    or exists (select from pg_locks l where l.pid = a.pid and not l.granted))""", String.class,
				analyst);
	}

	private static Connection connect(String user) throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", user);
		return DriverManager.getConnection(url.replaceFirst("\\?.*$", ""), credentials);
	}

}
