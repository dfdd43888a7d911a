package org.courtstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.courtstats.TestWarehouse;
import org.courtstats.intake.ReleaseZips;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries as they arrive in and leave the inbox: one still being written is left for
 * the next run, a published one is moved to the archive, and the same bytes delivered
 * again are still recognised.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxDeliveriesFunctionalTests {

	private static final String LABEL = EoirSampleGenerator.DEFAULT_LABEL;

	@TempDir
	Path inbox;

	@TempDir
	Path archive;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private JdbcTemplate warehouse;

	/** The build reads deliveries at once (settle time 0); one test sets its own. */
	private final String settleTime = System.getProperty("courtstats.nightly-load.settle-time");

	@BeforeEach
	void pointAtAFreshWarehouse() {
		String url = TestWarehouse.newDatabase("inbox");
		System.setProperty("courtstats.database.url", url);
		System.setProperty("courtstats.database.user", "postgres");
		this.warehouse = new JdbcTemplate(TestWarehouse.dataSource(url));
	}

	@AfterEach
	void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
		if (this.settleTime != null) {
			System.setProperty("courtstats.nightly-load.settle-time", this.settleTime);
		}
		else {
			System.clearProperty("courtstats.nightly-load.settle-time");
		}
		System.clearProperty("courtstats.nightly-load.archive");
	}

	@Test
	void aDeliveryModifiedWithinTheSettleTimeWaitsUntilItsDoneMarkerArrives() throws IOException {
		// given: a release just written, and an hour to settle
		System.setProperty("courtstats.nightly-load.settle-time", "1h");
		EoirSampleGenerator.generate(this.inbox, LABEL, 50, 3);

		// when
		int first = run("load", "--inbox", this.inbox.toString());

		// then: not read, and not a failure
		assertThat(first).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': waiting, not read: still being written: "
				+ "modified within the last 3600 s (courtstats.nightly-load.settle-time), and no " + LABEL
				+ ".done beside it");
		assertThat(count("select count(*) from warehouse.dim_release")).isZero();
		assertThat(count("select count(*) from etl.source_file")).isZero();

		// when: the sender says the delivery is complete
		Files.createFile(this.inbox.resolve(LABEL + ".done"));
		this.out.getBuffer().setLength(0);
		int second = run("load", "--inbox", this.inbox.toString());

		// then
		assertThat(second).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': loaded (job execution");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
	}

	@Test
	void anInboxDeepInTheFileSystemLoads() throws IOException {
		// given: an inbox whose path is longer than 2,500 characters
		Path deep = this.inbox;
		for (int level = 0; deep.toString().length() < 2_600; level++) {
			deep = deep.resolve("d".repeat(200) + level);
		}
		Files.createDirectories(deep);
		EoirSampleGenerator.generate(deep, LABEL, 50, 3);

		// when
		int loaded = run("load", "--inbox", deep.toString());

		// then
		assertThat(loaded).as(this.out.toString()).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': loaded (job execution");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
	}

	@Test
	void aPublishedDeliveryIsArchivedAndTheSameBytesDeliveredAgainAreRecognised() throws IOException {
		// given
		System.setProperty("courtstats.nightly-load.archive", this.archive.toString());
		EoirSampleGenerator.generate(this.inbox, LABEL, 50, 3);
		Files.createFile(this.inbox.resolve(LABEL + ".done"));

		// when
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: the release and its marker moved to the archive
		assertThat(loaded).isZero();
		assertThat(this.inbox.resolve(LABEL)).doesNotExist();
		assertThat(this.inbox.resolve(LABEL + ".done")).doesNotExist();
		assertThat(this.archive.resolve(LABEL).resolve("EOIR Case Data/A_TblCase.csv")).isRegularFile();
		assertThat(this.archive.resolve(LABEL + ".done")).isRegularFile();
		long runs = count("select count(*) from etl.load_run");

		// when: the same bytes arrive again, under the same label and another one
		// (copies, so with new modification times)
		copy(this.archive.resolve(LABEL), this.inbox.resolve(LABEL));
		copy(this.archive.resolve(LABEL), this.inbox.resolve("EOIR Case Data 2026-0402"));
		this.out.getBuffer().setLength(0);
		int again = run("load", "--inbox", this.inbox.toString());

		// then: recognised by their sha256, nothing loaded, nothing archived
		assertThat(again).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': already loaded, nothing to do")
			.contains("Release 'EOIR Case Data 2026-0402': already loaded, nothing to do (holds the same bytes as "
					+ "release '" + LABEL + "', loaded before)");
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();
		assertThat(count("select count(*) from etl.load_run")).isEqualTo(runs + 1);
		assertThat(this.inbox.resolve(LABEL)).isDirectory();
		assertThat(this.inbox.resolve("EOIR Case Data 2026-0402")).isDirectory();
	}

	@Test
	void aReleaseLoadedFromItsZipIsRecognisedUnzipped() throws IOException {
		// given: a release loaded from its zip, whose entries lie in a folder named for
		// it
		Path generated = Files.createDirectories(this.archive.resolve("generated"));
		EoirSampleGenerator.generate(generated, LABEL, 50, 3);
		Path zip = this.inbox.resolve(LABEL + ".zip");
		ReleaseZips.write(zip, ReleaseZips.entriesOf(generated), (name) -> false);
		assertThat(run("load", "--inbox", this.inbox.toString())).as(this.out.toString()).isZero();
		long runs = count("select count(*) from etl.load_run");

		// when: the same release comes again unzipped, that folder being the release's
		Files.delete(zip);
		Path unzipped = this.inbox.resolve(LABEL);
		copy(generated.resolve(LABEL), unzipped);
		this.out.getBuffer().setLength(0);
		int again = run("load", "--inbox", this.inbox.toString());

		// then: the same files, nothing loaded again
		assertThat(again).as(this.out.toString()).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': already loaded, nothing to do");
		assertThat(count("select count(*) from etl.load_run")).isEqualTo(runs);
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isOne();

		// when: one of its tables has other bytes
		Path cases = unzipped.resolve("EOIR Case Data/A_TblCase.csv");
		Files.writeString(cases, Files.readString(cases, StandardCharsets.ISO_8859_1).replace("\r\n5", "\r\n6"),
				StandardCharsets.ISO_8859_1);
		this.out.getBuffer().setLength(0);
		int changed = run("load", "--inbox", this.inbox.toString());

		// then: refused, naming the file and where it was loaded from
		assertThat(changed).isOne();
		assertThat(this.out.toString()).contains("EOIR Case Data/A_TblCase.csv has other bytes now (loaded as " + LABEL
				+ "/EOIR Case Data/A_TblCase.csv)", "it was loaded before from other files");
	}

	@Test
	void aDeliveryThatCouldNotBeArchivedStaysInTheInboxAndTheNextLoadArchivesIt(CapturedOutput output)
			throws IOException {
		// given: an EOIR release and a CBP file, and an archive that cannot be made (a
		// file is in its way)
		EoirSampleGenerator.generate(this.inbox, LABEL, 50, 3);
		String cbp = CbpSampleFile.fileName(CbpSampleFile.DEFAULT_AS_OF);
		CbpSampleFile.write(this.inbox, CbpSampleFile.DEFAULT_AS_OF, 7);
		Path blocked = Files.createFile(this.archive.resolve("blocked"));
		System.setProperty("courtstats.nightly-load.archive", blocked.resolve("archive").toString());

		// when
		int loaded = run("load", "--inbox", this.inbox.toString());

		// then: loaded, and left in the inbox with a warning that says so
		assertThat(loaded).as(this.out.toString()).isZero();
		assertThat(count("select count(*) from warehouse.dim_release where status = 'published'")).isEqualTo(2);
		assertThat(this.inbox.resolve(LABEL)).isDirectory();
		assertThat(this.inbox.resolve(cbp)).isRegularFile();
		assertThat(output.getOut())
			.contains(this.inbox.resolve(LABEL) + " was loaded but could not be moved to " + "the archive "
					+ blocked.resolve("archive") + ": ")
			.contains(". It stays in the inbox, where it is recognised as loaded, and the next load moves it.");

		// when: the archive can be made, and the next load runs
		Files.delete(blocked);
		this.out.getBuffer().setLength(0);
		int again = run("load", "--inbox", this.inbox.toString());

		// then: nothing loaded again, both moved to the archive
		assertThat(again).as(this.out.toString()).isZero();
		assertThat(this.out.toString()).contains("Release '" + LABEL + "': already loaded, nothing to do");
		assertThat(count("select count(*) from etl.load_run")).isEqualTo(2);
		assertThat(this.inbox.resolve(LABEL)).doesNotExist();
		assertThat(this.inbox.resolve(cbp)).doesNotExist();
		assertThat(blocked.resolve("archive").resolve(LABEL).resolve("EOIR Case Data/A_TblCase.csv")).isRegularFile();
		assertThat(blocked.resolve("archive").resolve(cbp)).isRegularFile();
	}

	@Test
	void anArchiveInsideTheInboxIsAConfigurationError() {
		System.setProperty("courtstats.nightly-load.archive", this.inbox.resolve("archive").toString());

		int exitCode = run("load", "--inbox", this.inbox.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.err.toString()).contains("lies inside the inbox")
			.contains("Set courtstats.nightly-load.archive to a folder outside the inbox");
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = to.resolve(from.relativize(file));
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
	}

	private long count(String sql) {
		return this.warehouse.queryForObject(sql, Long.class);
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

}
