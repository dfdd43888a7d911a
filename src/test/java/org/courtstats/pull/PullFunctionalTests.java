package org.courtstats.pull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.cli.CourtstatsCommand;
import org.courtstats.intake.Inbox;
import org.courtstats.intake.ReleaseZips;
import org.courtstats.observability.LoadMeters;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSampleWorkbook;
import org.courtstats.spreadsheet.SpreadsheetFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pull against a publisher on loopback, run as an operator runs it: conditional
 * requests, resumed downloads, verification before a file enters the inbox, retries, and
 * the nightly load's gate on a failed pull.
 */
@ExtendWith(OutputCaptureExtension.class)
class PullFunctionalTests {

	private static final String ZIP_PATH = "/EOIR Case Data.zip";

	private static final String AUGUST = "Mon, 03 Aug 2026 14:22:09 GMT";

	private static final String SEPTEMBER = "Wed, 02 Sep 2026 09:00:00 GMT";

	private static final String DATABASE = TestWarehouse.newDatabase("pull");

	private static final List<String> PROPERTIES = List.of("courtstats.database.url", "courtstats.database.user",
			"courtstats.pull.sources.eoir.url", "courtstats.pull.sources.ohss.enabled",
			"courtstats.pull.sources.cbp.listing", "courtstats.pull.backoff", "courtstats.pull.attempts",
			"courtstats.pull.enabled", "courtstats.nightly-load.settle-time", "courtstats.pull.sources.eoir.time-limit",
			"courtstats.pull.sources.ohss.listing", "courtstats.pull.sources.eoir.check-schedule",
			"courtstats.pull.read-timeout", "courtstats.pull.sources.cbp.enabled", "http.proxyHost", "http.proxyPort");

	@TempDir
	Path inbox;

	@TempDir
	Path work;

	private PublisherServer publisher;

	private final JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(DATABASE));

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	/** The values the build set (a settle time of 0 s), given back after each test. */
	private final Properties before = new Properties();

	@BeforeEach
	void startThePublisher() throws IOException {
		PROPERTIES.stream()
			.filter((name) -> System.getProperty(name) != null)
			.forEach((name) -> this.before.setProperty(name, System.getProperty(name)));
		this.publisher = new PublisherServer();
		this.jdbc.execute("do $$ begin if to_regclass('etl.source_check') is not null then "
				+ "delete from etl.source_check; end if; end $$");
		System.setProperty("courtstats.database.url", DATABASE);
		System.setProperty("courtstats.database.user", "postgres");
		System.setProperty("courtstats.pull.sources.eoir.url", this.publisher.url(ZIP_PATH));
		System.setProperty("courtstats.pull.sources.ohss.enabled", "false");
		System.setProperty("courtstats.pull.sources.cbp.listing", this.publisher.url("/document/stats/encounters"));
		System.setProperty("courtstats.pull.backoff", "10ms");
		System.setProperty("courtstats.pull.attempts", "3");
		System.setProperty("courtstats.nightly-load.settle-time", "60s");
		System.setProperty("courtstats.pull.sources.eoir.time-limit", "90s");
	}

	@AfterEach
	void stopThePublisher() {
		this.publisher.close();
		PROPERTIES.forEach(System::clearProperty);
		this.before.stringPropertyNames().forEach((name) -> System.setProperty(name, this.before.getProperty(name)));
	}

	@Test
	void aFirstPullDownloadsASecondGets304AndAChangedFileIsFetched() throws Exception {
		// given
		byte[] august = releaseZip(40, 1);
		this.publisher.serve(ZIP_PATH, august, "\"e7c249785323dd1:0\"", AUGUST);

		// when
		int first = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");
		String firstOutput = this.out.toString();

		// then: the zip is in the inbox under its publication date, verified and marked
		// done
		assertThat(first).as(this.err.toString()).isZero();
		Path pulled = this.inbox.resolve("EOIR Case Data 2026-0803.zip");
		assertThat(Files.readAllBytes(pulled)).isEqualTo(august);
		assertThat(Inbox.doneMarker(pulled)).exists();
		assertThat(firstOutput).contains("eoir: downloaded " + pulled).contains(sha256(august));
		assertThat(this.jdbc.queryForMap("select status, etag, last_modified, bytes_fetched, sha256, file_name "
				+ "from etl.source_check where source_name = 'eoir'"))
			.containsEntry("status", "downloaded")
			.containsEntry("etag", "\"e7c249785323dd1:0\"")
			.containsEntry("last_modified", AUGUST)
			.containsEntry("bytes_fetched", (long) august.length)
			.containsEntry("sha256", sha256(august))
			.containsEntry("file_name", "EOIR Case Data 2026-0803.zip");

		// when: forced, since the source is not due again today
		int second = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir", "--force");

		// then: the second pull asked with the ETag, got 304 and downloaded nothing
		assertThat(second).isZero();
		assertThat(this.out.toString()).contains("eoir: not modified since it was fetched");
		assertThat(this.publisher.requests).hasSize(2);
		assertThat(this.publisher.requests.get(1).ifNoneMatch()).isEqualTo("\"e7c249785323dd1:0\"");
		assertThat(this.publisher.requests.get(1).status()).isEqualTo(304);
		assertThat(this.jdbc.queryForObject("select status from etl.source_check", String.class))
			.isEqualTo("not_modified");
		assertThat(files(this.inbox)).containsExactlyInAnyOrder("EOIR Case Data 2026-0803.zip",
				"EOIR Case Data 2026-0803.zip.done");

		// when: EOIR replaces the zip
		byte[] september = releaseZip(50, 2);
		this.publisher.serve(ZIP_PATH, september, "\"f00d:0\"", SEPTEMBER);
		int third = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir", "--force");

		// then
		assertThat(third).isZero();
		assertThat(this.publisher.requests.get(2).status()).isEqualTo(200);
		assertThat(Files.readAllBytes(this.inbox.resolve("EOIR Case Data 2026-0902.zip"))).isEqualTo(september);
		assertThat(Files.readAllBytes(pulled)).isEqualTo(august);
		assertThat(this.jdbc.queryForObject("select etag from etl.source_check", String.class)).isEqualTo("\"f00d:0\"");
	}

	@Test
	void aDownloadCutInTheMiddleResumesWithRangeAndVerifies() throws Exception {
		// given: the publisher drops the connection after a third of the zip
		byte[] zip = releaseZip(40, 3);
		this.publisher.serve(ZIP_PATH, zip, "\"cut:1\"", AUGUST);
		this.publisher.cutAfter.set(zip.length / 3);

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");

		// then: the second request asked for the rest, and the file is whole
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::status).containsExactly(200, 206);
		assertThat(this.publisher.requests.get(1).range()).isEqualTo("bytes=" + (zip.length / 3) + "-");
		assertThat(this.publisher.requests.get(1).ifRange()).isEqualTo("\"cut:1\"");
		assertThat(Files.readAllBytes(this.inbox.resolve("EOIR Case Data 2026-0803.zip"))).isEqualTo(zip);
		assertThat(this.jdbc.queryForObject("select sha256 from etl.source_check", String.class))
			.isEqualTo(sha256(zip));
		assertThat(files(this.inbox)).noneMatch((name) -> name.endsWith(".part"));
	}

	@Test
	void aTruncatedOrCorruptFileIsNeverMovedIntoTheInbox() throws Exception {
		// given: a zip published cut short (its Content-Length agrees), and a CBP "file"
		// that is an error page
		byte[] zip = releaseZip(40, 4);
		byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
		this.publisher.serve(ZIP_PATH, truncated, "\"short\"", AUGUST);
		String csvPath = "/sites/default/files/2026-03/nationwide-encounters-fy23-fy26-mar-aor.csv";
		this.publisher.servePage("/document/stats/encounters", "<a href=\"" + csvPath + "\">March</a>");
		this.publisher.serve(csvPath, "<html><body>Access denied</body></html>\n".getBytes(StandardCharsets.UTF_8),
				"\"denied\"", AUGUST);

		// when
		int exit = run("pull", "--inbox", this.inbox.toString());

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString())
			.contains("courtstats: eoir: " + this.publisher.url(ZIP_PATH)
					+ ": the downloaded file is refused, its zip directory cannot be read")
			.contains("courtstats: cbp: " + this.publisher.url(csvPath)
					+ ": the downloaded file is refused, its first line is not a CBP header line");
		assertThat(files(this.inbox)).isEmpty();
		assertThat(this.jdbc.queryForList(
				"select source_name || ' ' || status from etl.source_check " + "order by source_name", String.class))
			.containsExactly("cbp failed", "eoir failed");
	}

	@Test
	void aListingPageGivesTheNewestMatchingFile() throws Exception {
		// given: a page linking last year's file, this month's, and something else
		Path cbp = CbpSampleFile.write(this.work, YearMonth.of(2026, 3), 5).file();
		String newest = "/sites/default/files/2026-03/" + cbp.getFileName();
		this.publisher.servePage("/document/stats/encounters",
				"<ul><li><a href='/sites/default/files/2025-03/nationwide-encounters-fy22-fy25-mar-aor.csv'>old</a>"
						+ "<li><a href=\"" + newest + "\">new</a>"
						+ "<li><a href=\"/sites/default/files/2026-03/southwest-land-border.pdf\">pdf</a></ul>");
		this.publisher.serve(newest, Files.readAllBytes(cbp), "\"cbp-march\"", AUGUST);
		System.setProperty("courtstats.pull.sources.eoir.url", this.publisher.url("/nothing-here.zip"));

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp");
		int again = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp", "--force");

		// then
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(again).isZero();
		assertThat(Files.readAllBytes(this.inbox.resolve(cbp.getFileName().toString())))
			.isEqualTo(Files.readAllBytes(cbp));
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::path, PublisherServer.Seen::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/document/stats/encounters", 200),
					org.assertj.core.groups.Tuple.tuple(newest, 200),
					org.assertj.core.groups.Tuple.tuple("/document/stats/encounters", 200),
					org.assertj.core.groups.Tuple.tuple(newest, 304));
	}

	@Test
	void aNewLinkWhoseFirstCheckFailedIsFetchedWholeNotAskedWhetherTheOlderFileChanged() throws Exception {
		// given: last month's file pulled from the listing
		Path march = CbpSampleFile.write(this.work, YearMonth.of(2026, 3), 5).file();
		String older = "/sites/default/files/2026-03/" + march.getFileName();
		this.publisher.servePage("/document/stats/encounters", "<a href=\"" + older + "\">march</a>");
		this.publisher.serve(older, Files.readAllBytes(march), "\"cbp-march\"", AUGUST);
		System.setProperty("courtstats.pull.sources.eoir.url", this.publisher.url("/nothing-here.zip"));
		assertThat(run("pull", "--inbox", this.inbox.toString(), "--source", "cbp")).as(this.err.toString()).isZero();

		// when: the page links this month's file, which is not there yet, then is
		Path april = CbpSampleFile.write(Files.createDirectories(this.work.resolve("april")), YearMonth.of(2026, 4), 5)
			.file();
		String newer = "/sites/default/files/2026-04/" + april.getFileName();
		this.publisher.servePage("/document/stats/encounters", "<a href=\"" + newer + "\">april</a>");
		int missing = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp", "--force");
		this.publisher.serve(newer, Files.readAllBytes(april), "\"cbp-april\"", AUGUST);
		this.publisher.requests.clear();
		int fetched = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp", "--force");

		// then: the new file is asked for whole, with no validator of the older one
		assertThat(missing).isOne();
		assertThat(fetched).as(this.err.toString()).isZero();
		assertThat(this.publisher.requests).filteredOn((seen) -> seen.path().equals(newer))
			.singleElement()
			.satisfies((seen) -> {
				assertThat(seen.status()).isEqualTo(200);
				assertThat(seen.ifNoneMatch()).isNull();
			});
		assertThat(Files.readAllBytes(this.inbox.resolve(april.getFileName().toString())))
			.isEqualTo(Files.readAllBytes(april));
	}

	@Test
	void aCbpFileRepublishedUnderItsNameIsSavedBesideItAndLoads() throws Exception {
		// given: a CBP file pulled and loaded, into a warehouse of its own
		String database = TestWarehouse.newDatabase("pull_republished");
		System.setProperty("courtstats.database.url", database);
		Path first = CbpSampleFile.write(this.work, YearMonth.of(2026, 3), 5).file();
		String link = "/sites/default/files/2026-03/" + first.getFileName();
		this.publisher.servePage("/document/stats/encounters", "<a href=\"" + link + "\">march</a>");
		this.publisher.serve(link, Files.readAllBytes(first), "\"cbp-1\"", AUGUST);
		System.setProperty("courtstats.pull.sources.eoir.url", this.publisher.url("/nothing-here.zip"));
		System.setProperty("courtstats.nightly-load.settle-time", "0s");
		assertThat(run("pull", "--inbox", this.inbox.toString(), "--source", "cbp")).as(this.err.toString()).isZero();
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.err.toString()).isZero();

		// when: the publisher corrects the file under the same name
		byte[] corrected = Files.readString(first).replaceFirst(",(\\d+)\r\n", ",$1 \r\n").getBytes();
		this.publisher.serve(link, corrected, "\"cbp-2\"", SEPTEMBER);
		this.out.getBuffer().setLength(0);
		int pulled = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp", "--force");
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: saved beside the first, and loaded as a file of its own
		String stem = first.getFileName().toString().replace(".csv", "");
		Path republished = this.inbox.resolve(stem + "_republished_"
				+ DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC)) + ".csv");
		assertThat(pulled).as(this.err.toString()).isZero();
		assertThat(Files.readAllBytes(republished)).isEqualTo(corrected);
		assertThat(Files.readAllBytes(this.inbox.resolve(first.getFileName().toString())))
			.isEqualTo(Files.readAllBytes(first));
		assertThat(loaded).as(this.out + "\n" + this.err).isZero();
		assertThat(this.out.toString()).contains("CBP file '" + stem + "_republished_");
		assertThat(new JdbcTemplate(TestWarehouse.dataSource(database)).queryForObject(
				"select count(*) from warehouse.dim_release where source = 'cbp' and status = 'published'", Long.class))
			.isEqualTo(2);

		// when: both files have left the inbox (archived), and the publisher corrects the
		// file again
		try (Stream<Path> files = Files.list(this.inbox)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		byte[] again = Files.readString(first).replaceFirst(",(\\d+)\r\n", ",$1  \r\n").getBytes();
		this.publisher.serve(link, again, "\"cbp-3\"", SEPTEMBER);
		int pulledAgain = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp", "--force");

		// then: neither name the load took is used again
		assertThat(pulledAgain).as(this.err.toString()).isZero();
		try (Stream<Path> files = Files.list(this.inbox)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(
					republished.getFileName().toString().replace(".csv", "_2.csv"),
					republished.getFileName().toString().replace(".csv", "_2.csv.done"));
		}
	}

	@Test
	void aCheckScheduleThatIsNoCronExpressionIsAUsageErrorNamingTheSource() {
		System.setProperty("courtstats.pull.sources.eoir.check-schedule", "0 0 * * MON");

		int exit = run("pull", "--inbox", this.inbox.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString())
			.contains("courtstats.pull.sources.eoir.check-schedule '0 0 * * MON' is not a cron expression")
			.contains("Fix them, then run the command again.")
			.doesNotContain("..");
	}

	@Test
	void serverErrorsAreRetriedThenReportedAndTheLoadLeavesTheWarehouseAsItWas(CapturedOutput output) throws Exception {
		// given: a release pulled and loaded by the nightly load, with pulling on
		System.setProperty("courtstats.pull.enabled", "true");
		System.setProperty("courtstats.pull.sources.cbp.listing", this.publisher.url("/no-listing"));
		System.setProperty("courtstats.pull.sources.cbp.enabled", "false");
		byte[] august = releaseZip(40, 6);
		this.publisher.serve(ZIP_PATH, august, "\"aug\"", AUGUST);
		try {
			int loaded = run("load", "--inbox", this.inbox.toString());
			assertThat(loaded).as(this.out + "\n" + this.err).isZero();
			assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0803': loaded");
			long facts = this.jdbc.queryForObject("select count(*) from warehouse.fct_proceeding", Long.class);

			// when: the publisher answers 503 to every request, first to pull, then to
			// load
			this.publisher.requests.clear();
			this.publisher.failures.set(100);
			int pulled = run("pull", "--inbox", this.inbox.toString(), "--force");
			String pullErrors = this.err.toString();
			int load = run("load", "--inbox", this.inbox.toString());

			// then: three attempts each, the failure named, the warehouse unchanged
			assertThat(pulled).isEqualTo(1);
			assertThat(pullErrors).contains("courtstats: eoir: " + this.publisher.url(ZIP_PATH)
					+ " could not be fetched in 3 attempts (the server answered HTTP 503)");
			assertThat(load).isEqualTo(1);
			assertThat(this.err.toString()).contains("pull of source eoir: " + this.publisher.url(ZIP_PATH));
			assertThat(this.publisher.requests).hasSize(6).allMatch((seen) -> seen.status() == 503);
			assertThat(output.getOut())
				.contains("eoir: " + this.publisher.url(ZIP_PATH)
						+ " tried again in 10 ms (attempt 2 of 3): the server answered HTTP 503")
				.contains(" tried again in 20 ms (attempt 3 of 3): the server answered HTTP 503");
			assertThat(this.jdbc.queryForObject("select count(*) from warehouse.dim_release", Long.class)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject("select count(*) from warehouse.fct_proceeding", Long.class))
				.isEqualTo(facts);
			assertThat(this.jdbc.queryForMap("select status, etag from etl.source_check where source_name = 'eoir'"))
				.containsEntry("status", "failed")
				.containsEntry("etag", "\"aug\"");

			// and: status shows each source's freshness
			int status = run("status");
			assertThat(status).isZero();
			assertThat(this.out.toString()).contains("Sources (courtstats.pull.sources), freshness:")
				.containsPattern("  eoir +eoir +\\d+ d ago +\\d+ s ago, failed +\\d+ s ago")
				.containsPattern("  ohss +ohss +- +never +never  \\(switched off\\)")
				.containsPattern("  cbp +cbp +- +never +never  \\(switched off\\)");
		}
		finally {
			System.clearProperty("courtstats.pull.sources.cbp.enabled");
		}
	}

	@Test
	void theInboxReadsNoPartialFile() throws IOException {
		// given: partial downloads of each kind
		Files.writeString(this.inbox.resolve(".EOIR Case Data 2026-0803.zip.part"), "PK");
		Files.writeString(this.inbox.resolve(".nationwide-encounters-fy23-fy26-mar-aor.csv.part"), "Fiscal Year,");
		Files.writeString(this.inbox.resolve(".2024_1206_ohss_tables-august-2024.xlsx.part"), "PK");

		// then
		assertThat(Inbox.eoirReleases(this.inbox, null)).isEmpty();
		assertThat(Inbox.borderFiles(this.inbox)).isEmpty();
	}

	@Test
	void theProxyTheJvmIsGivenCarriesTheRequests() throws Exception {
		// given: a publisher whose host name no resolver knows, reachable only through a
		// proxy (the loopback server, which answers requests for any host)
		byte[] zip = releaseZip(40, 10);
		this.publisher.serve(ZIP_PATH, zip, "\"proxied\"", AUGUST);
		System.setProperty("courtstats.pull.sources.eoir.url", "http://publisher.invalid/EOIR%20Case%20Data.zip");
		System.setProperty("http.proxyHost", "127.0.0.1");
		System.setProperty("http.proxyPort", this.publisher.url("/").replaceAll(".*:(\\d+)/$", "$1"));

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");

		// then: the request went to the proxy, naming the publisher, and the file arrived
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::path, PublisherServer.Seen::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ZIP_PATH, 200));
		assertThat(Files.readAllBytes(this.inbox.resolve("EOIR Case Data 2026-0803.zip"))).isEqualTo(zip);
	}

	@Test
	void aSourceNotDueIsNotContactedUntilItsScheduleNamesATimeSinceItsLastCheck() throws Exception {
		// given: the EOIR source checked once a day, and pulled today; a warehouse of its
		// own, as the load below publishes a release
		String database = TestWarehouse.newDatabase("pullschedule");
		System.setProperty("courtstats.database.url", database);
		JdbcTemplate jdbc = new JdbcTemplate(TestWarehouse.dataSource(database));
		System.setProperty("courtstats.pull.sources.eoir.check-schedule", "@daily");
		System.setProperty("courtstats.pull.sources.cbp.enabled", "false");
		byte[] august = releaseZip(40, 7);
		this.publisher.serve(ZIP_PATH, august, "\"daily\"", AUGUST);
		assertThat(run("pull", "--inbox", this.inbox.toString(), "--source", "eoir")).as(this.err.toString()).isZero();
		assertThat(this.publisher.requests).hasSize(1);
		Timestamp checkedAt = jdbc.queryForObject("select checked_at from etl.source_check", Timestamp.class);
		String midnight = checkedAt.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().plusDays(1) + " 00:00";

		// when: pulled again the same day, by hand and by the nightly load
		int again = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");
		String againOutput = this.out.toString();
		System.setProperty("courtstats.pull.enabled", "true");
		int load = run("load", "--inbox", this.inbox.toString());

		// then: the publisher saw no further request, the load read what the pull had
		// fetched, and the last check is still the one the schedule counts from
		assertThat(again).as(this.err.toString()).isZero();
		assertThat(againOutput).contains("eoir: not due until " + midnight)
			.contains("check-schedule '@daily'")
			.contains("--force checks it now");
		assertThat(load).as(this.out + "\n" + this.err).isZero();
		assertThat(this.out.toString()).contains("Release 'EOIR Case Data 2026-0803': loaded");
		assertThat(this.publisher.requests).hasSize(1);
		assertThat(jdbc.queryForObject("select checked_at from etl.source_check", Timestamp.class))
			.isEqualTo(checkedAt);

		// when: the last check was two days ago
		jdbc.update("update etl.source_check set checked_at = checked_at - interval '2 days'");
		int due = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");

		// then: it is due, and asked conditionally
		assertThat(due).isZero();
		assertThat(this.out.toString()).contains("eoir: not modified since it was fetched");
		assertThat(this.publisher.requests).hasSize(2);
		assertThat(this.publisher.requests.get(1).status()).isEqualTo(304);

		// when: a forced check fails, then the next run comes
		this.publisher.failures.set(3);
		int failed = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir", "--force");
		int afterFailure = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");

		// then: a failed check does not count: the source is due at once
		assertThat(failed).isEqualTo(1);
		assertThat(afterFailure).isZero();
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::status)
			.containsExactly(200, 304, 503, 503, 503, 304);
	}

	@Test
	void anOhssListingGivesTheNewestWorkbookAndACorruptOneIsRefused() throws Exception {
		// given: a listing page with three editions' workbooks, a PDF and an annual
		// report
		System.setProperty("courtstats.pull.sources.ohss.enabled", "true");
		System.setProperty("courtstats.pull.sources.ohss.listing", this.publisher.url("/ohss/monthly-tables"));
		StringBuilder page = new StringBuilder("<h2>Monthly tables</h2><ul>");
		for (YearMonth month : List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 4), YearMonth.of(2026, 3))) {
			Path workbook = OhssSampleWorkbook.write(this.work, month, month.getMonthValue()).file();
			String path = "/sites/default/files/" + workbook.getFileName();
			this.publisher.serve(path, Files.readAllBytes(workbook), "\"ohss-" + month + "\"", AUGUST);
			page.append("<li><a href=\"").append(path).append("\">").append(month).append("</a>");
		}
		page.append("<li><a href=\"/sites/default/files/2026_0516_ohss_tables-april-2026.pdf\">PDF</a>")
			.append("<li><a href=\"/sites/default/files/2026_0601_ohss_annual-flow-report.xlsx\">Annual</a></ul>");
		this.publisher.servePage("/ohss/monthly-tables", page.toString());
		String april = OhssSampleWorkbook.fileName(YearMonth.of(2026, 4));
		Path published = this.work.resolve(april);

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "ohss");

		// then: only April's edition was fetched, under its published name, and it opens
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::path)
			.containsExactly("/ohss/monthly-tables", "/sites/default/files/" + april);
		Path pulled = this.inbox.resolve(april);
		assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(published));
		assertThat(Inbox.doneMarker(pulled)).exists();
		try (SpreadsheetFile workbook = SpreadsheetFile.open(pulled)) {
			assertThat(workbook.sheetNames()).contains(OhssSampleWorkbook.ENCOUNTERS_BY_CITIZENSHIP,
					OhssSampleWorkbook.NATIONWIDE_USBP, OhssSampleWorkbook.BOOK_OUTS_BY_AGENCY);
		}
		assertThat(this.jdbc.queryForMap("select status, url, file_name from etl.source_check"))
			.containsEntry("status", "downloaded")
			.containsEntry("url", this.publisher.url("/sites/default/files/" + april))
			.containsEntry("file_name", april);

		// when: May's edition appears, published cut short (its Content-Length agrees)
		Path may = OhssSampleWorkbook.write(this.work, YearMonth.of(2026, 5), 5).file();
		String mayPath = "/sites/default/files/" + may.getFileName();
		byte[] mayBytes = Files.readAllBytes(may);
		this.publisher.serve(mayPath, Arrays.copyOf(mayBytes, mayBytes.length - 200), "\"ohss-may\"", SEPTEMBER);
		this.publisher.servePage("/ohss/monthly-tables",
				page + "<a href=\"" + mayPath + "\">" + YearMonth.of(2026, 5) + "</a>");
		int corrupt = run("pull", "--inbox", this.inbox.toString(), "--source", "ohss", "--force");

		// then: refused, named by its address, nothing of it in the inbox
		assertThat(corrupt).isEqualTo(1);
		assertThat(this.err.toString()).contains("courtstats: ohss: " + this.publisher.url(mayPath)
				+ ": the downloaded file is refused, it does not open as an XLSX workbook");
		assertThat(files(this.inbox)).containsExactlyInAnyOrder(april, april + ".done");
		assertThat(this.jdbc.queryForMap("select status, url, file_name from etl.source_check"))
			.containsEntry("status", "failed")
			.containsEntry("url", this.publisher.url(mayPath))
			.containsEntry("file_name", april);
	}

	@Test
	void aStalledDownloadIsCutByTheReadTimeoutAndResumed() throws Exception {
		// given: the publisher stops sending after a third of the zip, and holds the
		// connection open far longer than the read timeout
		System.setProperty("courtstats.pull.read-timeout", "500ms");
		byte[] zip = releaseZip(40, 8);
		this.publisher.serve(ZIP_PATH, zip, "\"stall:1\"", AUGUST);
		this.publisher.stallAfter.set(zip.length / 3);

		// when
		long started = System.nanoTime();
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		// then: the stalled attempt failed after the read timeout, not the time limit nor
		// the server's giving up, and the retry resumed where it stopped
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(took).isLessThan(PublisherServer.STALL_LIMIT.dividedBy(2));
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::status).containsExactly(200, 206);
		assertThat(this.publisher.requests.get(1).range()).isEqualTo("bytes=" + (zip.length / 3) + "-");
		assertThat(this.publisher.requests.get(1).ifRange()).isEqualTo("\"stall:1\"");
		assertThat(Files.readAllBytes(this.inbox.resolve("EOIR Case Data 2026-0803.zip"))).isEqualTo(zip);
		assertThat(files(this.inbox)).noneMatch((name) -> name.endsWith(".part"));
	}

	@Test
	void aStalledDownloadOfUnannouncedLengthFailsWhenEveryAttemptStalls() throws Exception {
		// given: a CBP file of unannounced length whose answers stall half-way every
		// time: cut there, it would end between rows and read as a shorter file
		System.setProperty("courtstats.pull.read-timeout", "300ms");
		System.setProperty("courtstats.pull.attempts", "2");
		Path cbp = CbpSampleFile.write(this.work, YearMonth.of(2026, 3), 5).file();
		String path = "/sites/default/files/2026-03/" + cbp.getFileName();
		this.publisher.servePage("/document/stats/encounters", "<a href=\"" + path + "\">March</a>");
		this.publisher.serve(path, Files.readAllBytes(cbp), "\"cbp-stall\"", AUGUST);
		this.publisher.stallingPath.set(path);
		this.publisher.chunked.set(true);

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "cbp");

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("courtstats: cbp: " + this.publisher.url(path)
				+ " could not be fetched in 2 attempts (no bytes arrived for 300 ms (courtstats.pull.read-timeout))");
		assertThat(this.publisher.requests).extracting(PublisherServer.Seen::path, PublisherServer.Seen::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/document/stats/encounters", 200),
					org.assertj.core.groups.Tuple.tuple(path, 200), org.assertj.core.groups.Tuple.tuple(path, 206));
		assertThat(files(this.inbox)).isEmpty();
	}

	@Test
	void aPublisherThatRefusesTheConnectionIsNamedWithItsHostAndPort() throws Exception {
		// given: an address on loopback where nothing listens
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String address = "http://127.0.0.1:" + port + "/EOIR%20Case%20Data.zip";
		System.setProperty("courtstats.pull.sources.eoir.url", address);
		System.setProperty("courtstats.pull.attempts", "2");

		// when
		int exit = run("pull", "--inbox", this.inbox.toString(), "--source", "eoir");

		// then
		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("courtstats: eoir: " + address + " could not be fetched in 2 "
				+ "attempts (no connection to 127.0.0.1:" + port + " (refused or unreachable))");
		assertThat(files(this.inbox)).isEmpty();
	}

	@Test
	void theSourceAgeGaugeGivesTheTimeSinceTheServedLastModified() throws Exception {
		// given
		this.publisher.serve(ZIP_PATH, releaseZip(40, 9), "\"gauge\"", AUGUST);
		Instant lastModified = ZonedDateTime.parse(AUGUST, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CourtstatsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			// when
			List<PullOutcome> outcomes = context.getBean(SourcePull.class).pull(this.inbox, "eoir");
			long expected = Duration.between(lastModified, Instant.now()).toSeconds();

			// then: the age of the served Last-Modified, in the registry and scraped
			assertThat(outcomes).extracting(PullOutcome::status).containsExactly(PullOutcome.Status.DOWNLOADED);
			PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
			double age = registry.get(LoadMeters.SOURCE_AGE).tag("source", "eoir").gauge().value();
			assertThat(age).isBetween(expected - 5.0, expected + 5.0);
			Matcher scraped = Pattern.compile("(?m)^courtstats_source_age_seconds\\{source=\"eoir\"} (\\S+)$")
				.matcher(registry.scrape());
			assertThat(scraped.find()).as("courtstats_source_age_seconds{source=\"eoir\"} is scraped").isTrue();
			assertThat(Double.parseDouble(scraped.group(1))).isBetween(expected - 5.0, expected + 5.0);
		}
	}

	private byte[] releaseZip(int cases, long seed) throws IOException {
		Path folder = EoirSampleGenerator
			.generate(this.work.resolve("release-" + seed), EoirSampleGenerator.DEFAULT_LABEL, cases, seed)
			.folder();
		Path zip = this.work.resolve("release-" + seed + ".zip");
		Map<String, byte[]> entries = ReleaseZips.entriesOf(folder);
		ReleaseZips.write(zip, entries, (name) -> false);
		return Files.readAllBytes(zip);
	}

	private int run(String... args) {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.map((path) -> path.getFileName().toString()).toList();
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
