package org.courtstats.faults;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.intake.ReleaseZips;
import org.courtstats.nightly.NightlyLoad;
import org.courtstats.nightly.ReleaseOutcome;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.SampleRelease;
import org.courtstats.spreadsheet.TestWorkbooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad input, generated here case by case, each loaded beside good deliveries:
 * every bad file is refused or rejected with a message naming it, nothing is lost
 * silently, nothing is written outside its place, memory and disk stay bounded, and the
 * deliveries beside it load. Prints one line per case with its outcome.
 */
@SpringBootTest(classes = CourtstatsApplication.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusFunctionalTests {

	private static final String CBP_HEADER = "Fiscal Year,Month Grouping,Month (abbv),Land Border Region,State,"
			+ "Demographic,Citizenship,Title of Authority,Encounter Count";

	/** The content of a file an external entity points at: it must appear nowhere. */
	private static final String SECRET = "CORPUS-SECRET-7f3a9c";

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final List<String> report = new ArrayList<>();

	static String url = TestWarehouse.newDatabase("bad_input");

	@TempDir
	static Path work;

	static SampleRelease sample;

	static HttpServer loopback;

	static final AtomicInteger loopbackRequests = new AtomicInteger();

	@Autowired
	NightlyLoad nightlyLoad;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void warehouse(DynamicPropertyRegistry registry) {
		TestWarehouse.use(registry, url);
	}

	@BeforeAll
	static void startLoopbackServer() throws IOException {
		loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		loopback.createContext("/", (exchange) -> {
			loopbackRequests.incrementAndGet();
			byte[] body = SECRET.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		loopback.start();
	}

	@AfterAll
	static void printOutcomes() {
		loopback.stop(0);
		// One line per case, so that a reader of the build log sees what each bad input
		// came to.
		report.forEach(System.out::println);
	}

	@Test
	@Order(1)
	void badBorderFilesAreRefusedByNameAndTheGoodDeliveriesBesideThemLoad(CapturedOutput output) throws Exception {
		// given: one night's inbox, a release zip and good CBP and OHSS files among bad
		// ones
		Path inbox = Files.createDirectories(work.resolve("night"));
		Path outside = Files.createDirectories(work.resolve("outside"));
		Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
		sample = EoirSampleGenerator.generate(Files.createDirectories(work.resolve("generated")),
				"EOIR Case Data 2026-0401", 60, 11);
		Map<String, byte[]> entries = ReleaseZips.entriesOf(sample.folder());
		entries.put("../../etc/passwd", "root:x:0:0:CORPUS-TRAVERSAL:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8));
		entries.put("/tmp/corpus-absolute.csv", "CORPUS-ABSOLUTE\n".getBytes(StandardCharsets.UTF_8));
		ReleaseZips.write(inbox.resolve("EOIR Case Data 2026-0401.zip"), entries, (name) -> false);

		writeCbp(inbox.resolve("crlf-encounters.csv"), 2015, "\r\n");
		writeCbp(inbox.resolve("lf-encounters.csv"), 2016, "\n");
		writeCbp(inbox.resolve("cr-encounters.csv"), 2017, "\r");
		Files.write(inbox.resolve("bom-encounters.csv"),
				concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, cbp(2018, "\r\n")));
		writeCbp(inbox.resolve("año fiscal 2019 encounters.csv"), 2019, "\r\n");
		Files.write(inbox.resolve("empty-encounters.csv"), new byte[0]);
		Files.writeString(inbox.resolve("header-only-encounters.csv"), CBP_HEADER + "\r\n");
		Files.writeString(inbox.resolve("missing-column-encounters.csv"),
				new String(cbp(2021, "\r\n"), StandardCharsets.UTF_8).replace(",Encounter Count", ",Count"));
		byte[] whole = cbp(2020, "\r\n");
		Files.write(inbox.resolve("cut-encounters.csv"), Arrays.copyOf(whole, whole.length - 25));
		Files.write(inbox.resolve("garbage-encounters.csv"), garbage(64 * 1024, 3));
		Files.write(inbox.resolve("long-line-encounters.csv"), concat(cbp(2022, "\r\n"),
				"2022,FYTD,DEC,".repeat(5 * 1024 * 1024 / 14).getBytes(StandardCharsets.UTF_8)));
		Files.write(inbox.resolve("latin1-encounters.csv"),
				new String(cbp(2023, "\r\n"), StandardCharsets.UTF_8).replace("MEXICO", "MÉXICO")
					.getBytes(StandardCharsets.ISO_8859_1));
		writeCbp(outside.resolve("outside-encounters.csv"), 2024, "\r\n");
		Files.createSymbolicLink(inbox.resolve("linked-encounters.csv"), outside.resolve("outside-encounters.csv"));

		TestWorkbooks.write(bookOutsTable(), inbox.resolve("plain.xlsx"));
		// Another value than plain's, so that neither is the other's bytes delivered
		// again.
		XSSFWorkbook named = bookOutsTable();
		named.getSheetAt(0).getRow(4).getCell(2).setCellValue(570_060);
		TestWorkbooks.write(named, inbox.resolve("Tabla año 2024 edición.xlsx"));
		XSSFWorkbook date1904 = bookOutsTable();
		date1904.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
		TestWorkbooks.write(date1904, inbox.resolve("date-1904.xlsx"));
		TestWorkbooks.write(cachedFormula(true), inbox.resolve("formula-cached.xlsx"));
		rewriteEntry(TestWorkbooks.bytes(bookOutsTable()), "xl/worksheets/sheet1.xml",
				(xml) -> xml.replaceFirst("<c r=\"C6\"([^>]*)><v>[^<]*</v></c>", "<c r=\"C6\"$1><f>C5/10</f></c>"),
				inbox.resolve("formula-uncached.xlsx"));
		XSSFWorkbook numberAsText = bookOutsTable();
		numberAsText.getSheetAt(0).getRow(4).getCell(2).setCellValue("570,050");
		TestWorkbooks.write(numberAsText, inbox.resolve("number-as-text.xlsx"));
		XSSFWorkbook dateAsNumber = bookOutsTable();
		CellStyle monthFormat = dateAsNumber.createCellStyle();
		monthFormat.setDataFormat(dateAsNumber.createDataFormat().getFormat("mmmm"));
		dateAsNumber.getSheetAt(0).getRow(5).getCell(1).setCellValue(45200);
		dateAsNumber.getSheetAt(0).getRow(5).getCell(1).setCellStyle(monthFormat);
		TestWorkbooks.write(dateAsNumber, inbox.resolve("date-as-number.xlsx"));
		String entities = "<!DOCTYPE x [<!ENTITY file SYSTEM \"" + secret.toUri() + "\">"
				+ "<!ENTITY net SYSTEM \"http://127.0.0.1:" + loopback.getAddress().getPort() + "/xxe\">]>";
		rewriteEntry(TestWorkbooks.bytes(bookOutsTable()), "xl/sharedStrings.xml",
				(xml) -> withDoctype(xml, entities).replace("Total CBP", "&file;&net;"),
				inbox.resolve("xxe-shared-strings.xlsx"));
		rewriteEntry(TestWorkbooks.bytes(bookOutsTable()), "xl/worksheets/sheet1.xml",
				(xml) -> withDoctype(xml, entities).replaceFirst("<v>([^<]*)</v>", "<v>$1&file;&net;</v>"),
				inbox.resolve("xxe-sheet.xlsx"));
		TestWorkbooks.encrypted(bookOutsTable(), "secret", inbox.resolve("password.xlsx"));
		TestWorkbooks.withInflatedEntry(TestWorkbooks.bytes(bookOutsTable()), "xl/worksheets/sheet1.xml", 8_000_000,
				inbox.resolve("bomb.xlsx"));

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then: the release zip loads whole, its path-traversal entries ignored by name
		assertThat(night.get("EOIR Case Data 2026-0401").status()).isEqualTo(ReleaseOutcome.Status.LOADED);
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(sample.expected().cases());
		assertThat(count("select count(*) from warehouse.fct_proceeding where deleted_in_release_key is null"))
			.isEqualTo(sample.expected().proceedings());
		assertThat(output.getAll()).contains("entry '../../etc/passwd' names a path outside the zip",
				"entry '/tmp/corpus-absolute.csv' names a path outside the zip");
		assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain("CORPUS-TRAVERSAL");
		assertThat(Path.of("/tmp/corpus-absolute.csv")).doesNotExist();
		try (Stream<Path> everything = Files.walk(work)) {
			assertThat(everything.map((path) -> path.getFileName().toString())).as("nothing extracted from the zip")
				.doesNotContain("passwd", "corpus-absolute.csv");
		}
		assertThat(text("select string_agg(status, ',') from etl.source_file where file_name in "
				+ "('passwd', 'corpus-absolute.csv')"))
			.isEqualTo("skipped,skipped");
		report("zip entry ../../etc/passwd",
				"ignored, nothing extracted: \"" + line(output, "../../etc/passwd") + "\"");

		// CR, LF and CRLF, with or without a byte order mark, load the same rows
		for (String label : List.of("crlf-encounters", "lf-encounters", "cr-encounters", "bom-encounters")) {
			assertLoaded(night, label);
		}
		assertThat(this.jdbc.queryForList("select fiscal_year, count(*) as rows, sum(encounter_count) as encounters "
				+ "from warehouse.fct_encounter where fiscal_year between 2015 and 2019 group by 1 order by 1"))
			.extracting((row) -> row.get("rows") + "/" + row.get("encounters"))
			.containsExactly("4/25", "4/25", "4/25", "4/25", "4/25");
		assertThat(text("select string_agg(distinct citizenship_label, '|') from warehouse.fct_encounter "
				+ "where fiscal_year between 2015 and 2019"))
			.isEqualTo("CHINA, PEOPLES REPUBLIC OF|GUATEMALA|MEXICO");
		report("CRLF line ends (CBP)", loadedRows("crlf-encounters"));
		report("LF line ends (CBP)", loadedRows("lf-encounters"));
		report("CR line ends (CBP)", loadedRows("cr-encounters"));
		report("UTF-8 byte order mark (CBP)", loadedRows("bom-encounters"));

		// a name with spaces and non-ASCII letters loads and is reported intact
		assertLoaded(night, "año fiscal 2019 encounters");
		assertLoaded(night, "Tabla año 2024 edición");
		assertThat(count("select count(*) from etl.source_file where file_name in "
				+ "('año fiscal 2019 encounters.csv', 'Tabla año 2024 edición.xlsx') and status = 'loaded'"))
			.isEqualTo(2);
		report("name with spaces, non-ASCII (CBP)",
				"loaded as 'año fiscal 2019 encounters': " + loadedRows("año fiscal 2019 encounters"));
		report("name with spaces, non-ASCII (OHSS)",
				"loaded as 'Tabla año 2024 edición': " + loadedRows("Tabla año 2024 edición"));

		// bad CBP files are refused by name, and none of their rows is published
		assertRefused(night, "empty-encounters", "empty-encounters.csv: the file is empty");
		assertRefused(night, "header-only-encounters",
				"header-only-encounters.csv: the file holds its header but no rows");
		assertRefused(night, "missing-column-encounters",
				"missing-column-encounters.csv: line 1: the header has no column Encounter Count");
		assertRefused(night, "cut-encounters", "cut-encounters.csv: line 5, the last, ends without a line break (it "
				+ "holds 6 of the 9 fields): the file was cut short");
		assertRefused(night, "garbage-encounters",
				"garbage-encounters.csv: line 1 holds bytes that are not valid UTF-8");
		assertRefused(night, "long-line-encounters",
				"long-line-encounters.csv: line 6 runs past 1048576 characters without a line break");
		assertRefused(night, "latin1-encounters", "latin1-encounters.csv: line 2 holds bytes that are not valid UTF-8");
		assertThat(count("select count(*) from warehouse.fct_encounter where fiscal_year between 2020 and 2024"))
			.isZero();
		report("empty file (CBP)", night.get("empty-encounters"));
		report("header only (CBP)", night.get("header-only-encounters"));
		report("missing required column (CBP)", night.get("missing-column-encounters"));
		report("cut short in its last line (CBP)", night.get("cut-encounters"));
		report("binary garbage as *encounter*.csv", night.get("garbage-encounters"));
		report("5 MB line, no newline (CBP)", night.get("long-line-encounters"));
		report("invalid UTF-8 bytes (CBP)", night.get("latin1-encounters"));

		// a link pointing out of the inbox is not followed, and the operator is told
		assertThat(night).doesNotContainKey("linked-encounters");
		assertThat(output.getAll()).contains("linked-encounters.csv is a symbolic link (to " + outside);
		report("symlink out of the inbox",
				"ignored: \"" + line(output, "linked-encounters.csv is a symbolic link") + "\"");

		// workbooks: cached formula results, numbers as text and the 1904 date system
		// read right; what cannot be read right is refused by name
		assertThat(cells("plain")).containsExactly("C5=570050", "C6=41840.5", "D5=not_applicable");
		assertThat(cells("date-1904")).as("no OHSS cell is a date: the date system changes nothing")
			.isEqualTo(cells("plain"));
		assertThat(cells("formula-cached")).containsExactly("C5=570050", "C6=57005", "D5=not_applicable");
		assertThat(cells("number-as-text")).containsExactly("C5=570050", "C6=41840.5", "D5=not_applicable");
		report("XLSX formula with a cached value", "loaded, cached value used: " + cells("formula-cached").get(1));
		report("XLSX number stored as text", "loaded as a number: " + cells("number-as-text").get(0));
		report("XLSX 1904 date system", "loaded, same cells as the 1900 system: " + cells("date-1904"));
		assertRefused(night, "formula-uncached",
				"formula-uncached.xlsx, sheet 'Book-Outs': cell C6 holds a " + "formula (=C5/10) with no saved result");
		report("XLSX formula, no cached value", night.get("formula-uncached"));
		assertTableRejected(night, "date-as-number",
				"cell B6 holds the number 45200 where 'Total' or a month name (October ... September) is expected");
		assertRefused(night, "password", "password.xlsx: the workbook is encrypted (password-protected)");
		assertRefused(night, "bomb", "bomb.xlsx, sheet 'Book-Outs': refused as a zip bomb");
		report("XLSX password-protected", night.get("password"));
		report("XLSX zip bomb", night.get("bomb"));

		// external entities are never resolved: neither the file nor the URL
		assertRefused(night, "xxe-shared-strings", "xxe-shared-strings.xlsx: its XML carries a DOCTYPE declaration");
		assertRefused(night, "xxe-sheet", "xxe-sheet.xlsx, sheet 'Book-Outs': its XML carries a DOCTYPE declaration");
		assertThat(loopbackRequests).as("requests to the entity's loopback URL").hasValue(0);
		assertThat(output.getAll()).doesNotContain(SECRET);
		assertThat(rowsHolding(SECRET)).as("warehouse rows holding the entity's file content").isEmpty();
		report("XLSX external entity (XXE), strings", night.get("xxe-shared-strings"));
		report("XLSX external entity (XXE), sheet", night.get("xxe-sheet"));
	}

	@Test
	@Order(2)
	void anEoirTableOfBinaryGarbageFailsItsReleaseByNameAndTheFileBesideItLoads() throws Exception {
		// given
		Path inbox = Files.createDirectories(work.resolve("garbage"));
		Path release = copyRelease(inbox, "EOIR Case Data 2026-0402");
		Files.write(find(release, "tbl_RepsAssigned.csv"), garbage(256 * 1024, 5));
		writeCbp(inbox.resolve("beside-garbage-encounters.csv"), 2010, "\r\n");

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0402", "tbl_RepsAssigned.csv");
		assertLoaded(night, "beside-garbage-encounters");
		report("binary garbage as an EOIR table", night.get("EOIR Case Data 2026-0402"));
	}

	@Test
	@Order(3)
	void aReleaseZipWithBytesDamagedInsideAnEntryFailsByName() throws Exception {
		// given: a byte changed in the middle of the proceedings' compressed bytes
		Path inbox = Files.createDirectories(work.resolve("damaged"));
		Path zip = inbox.resolve("EOIR Case Data 2026-0407.zip");
		ReleaseZips.write(zip, ReleaseZips.entriesOf(sample.folder()), (name) -> false);
		long offset;
		long length;
		try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
			ZipArchiveEntry proceedings = archive.getEntry("EOIR Case Data/B_TblProceeding.csv");
			offset = proceedings.getDataOffset();
			length = proceedings.getCompressedSize();
		}
		byte[] bytes = Files.readAllBytes(zip);
		bytes[(int) (offset + length / 2)] ^= 0x10;
		Files.write(zip, bytes);

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0407", "EOIR Case Data 2026-0407.zip",
				"B_TblProceeding.csv cannot be read", "obtain it again");
		report("bytes damaged inside a zip entry", night.get("EOIR Case Data 2026-0407"));
	}

	@Test
	@Order(3)
	void aReleaseZipCutShortFailsByNameAndTheFileBesideItLoads() throws Exception {
		// given
		Path inbox = Files.createDirectories(work.resolve("truncated"));
		Path zip = inbox.resolve("EOIR Case Data 2026-0403.zip");
		ReleaseZips.write(zip, ReleaseZips.entriesOf(sample.folder()), (name) -> false);
		byte[] whole = Files.readAllBytes(zip);
		Files.write(zip, Arrays.copyOf(whole, whole.length / 2));
		writeCbp(inbox.resolve("beside-truncated-encounters.csv"), 2011, "\r\n");

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0403", "EOIR Case Data 2026-0403.zip cannot be read as a zip");
		assertLoaded(night, "beside-truncated-encounters");
		report("truncated release zip", night.get("EOIR Case Data 2026-0403"));
	}

	@Test
	@Order(4)
	void aZipBombIsRefusedWithoutInflatingIt() throws Exception {
		// given: a table entry of 1 GiB of zeros in 1 MB of zip, declaring its true size;
		// and the same entry declaring 8 MB
		Path inbox = Files.createDirectories(work.resolve("bomb"));
		Map<String, byte[]> entries = ReleaseZips.entriesOf(sample.folder());
		String proceedings = entries.keySet()
			.stream()
			.filter((name) -> name.endsWith("B_TblProceeding.csv"))
			.findFirst()
			.orElseThrow();
		writeBomb(inbox.resolve("EOIR Case Data 2026-0404.zip"), entries, proceedings, 1024, false);
		writeCbp(inbox.resolve("beside-bomb-encounters.csv"), 2012, "\r\n");
		Path lying = Files.createDirectories(work.resolve("lying-bomb"));
		writeBomb(lying.resolve("EOIR Case Data 2026-0404.zip"), entries, proceedings, 1024, true);
		long bytesOnDisk = sizeOf(work);

		// when
		long started = System.nanoTime();
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));
		Duration refusal = Duration.ofNanos(System.nanoTime() - started);
		Map<String, ReleaseOutcome> lyingNight = byLabel(this.nightlyLoad.run(lying, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0404", "entry '" + proceedings + "' declares 1073741824 bytes",
				"the shape of a zip bomb");
		assertThat(refusal).as("refused from the zip's directory, not by inflating it")
			.isLessThan(Duration.ofSeconds(10));
		assertRefused(lyingNight, "EOIR Case Data 2026-0404",
				"entry '" + proceedings + "' inflates past the 8388608 bytes its header declares",
				"The delivery is damaged: obtain it again from its publisher.");
		assertThat(sizeOf(work)).as("nothing written to disk").isEqualTo(bytesOnDisk);
		assertLoaded(night, "beside-bomb-encounters");
		report("zip bomb in a release zip", night.get("EOIR Case Data 2026-0404"));
		report("zip bomb lying about its size", lyingNight.get("EOIR Case Data 2026-0404"));
	}

	@Test
	@Order(5)
	void aFiveMegabyteLineWithoutANewlineFailsItsFileAtThatLine() throws Exception {
		// given
		Path inbox = Files.createDirectories(work.resolve("long-line"));
		Path release = copyRelease(inbox, "EOIR Case Data 2026-0405");
		Path proceedings = find(release, "B_TblProceeding.csv");
		long lines = Files.readString(proceedings, WINDOWS_1252).split("\r\n", -1).length;
		Files.write(proceedings, "9\t".repeat(5 * 1024 * 1024 / 2).getBytes(WINDOWS_1252), StandardOpenOption.APPEND);

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0405",
				"B_TblProceeding.csv: line " + lines + " runs past 1048576 characters without a line break");
		report("5 MB line, no newline (EOIR)", night.get("EOIR Case Data 2026-0405"));
	}

	@Test
	@Order(5)
	void aCaseDataFileHoldingItsHeaderAloneFailsItsRelease() throws Exception {
		// given
		Path inbox = Files.createDirectories(work.resolve("header-only"));
		Path release = copyRelease(inbox, "EOIR Case Data 2026-0406");
		Path hearings = find(release, "tbl_schedule.csv");
		String text = Files.readString(hearings, WINDOWS_1252);
		Files.writeString(hearings, text.substring(0, text.indexOf("\r\n") + 2), WINDOWS_1252);

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertRefused(night, "EOIR Case Data 2026-0406", "tbl_schedule.csv: the file holds its header but no rows");
		report("header only (EOIR case data)", night.get("EOIR Case Data 2026-0406"));
	}

	@Test
	@Order(6)
	void lfAndCrLineEndsAByteOrderMarkAndUndefinedBytesLoadTheSameRows(CapturedOutput output) throws Exception {
		// given: the first release again with LF or CR line ends, file by file, a byte
		// order mark before A_TblCase's header, and a byte windows-1252 leaves undefined
		Path inbox = Files.createDirectories(work.resolve("line-ends"));
		Path release = copyRelease(inbox, "EOIR Case Data 2026-0410");
		List<Path> tables;
		try (Stream<Path> files = Files.walk(release)) {
			tables = files.filter((file) -> file.toString().endsWith(".csv")).sorted().toList();
		}
		for (int i = 0; i < tables.size(); i++) {
			String crlf = Files.readString(tables.get(i), WINDOWS_1252);
			Files.writeString(tables.get(i), crlf.replace("\r\n", (i % 2 == 0) ? "\n" : "\r"), WINDOWS_1252);
		}
		Path cases = find(release, "A_TblCase.csv");
		// as a tool saving it again as UTF-8 would
		Files.write(cases, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				Files.readString(cases, WINDOWS_1252).getBytes(StandardCharsets.UTF_8)));
		Path baseCities = find(release, "tblLookupBaseCity.csv");
		byte[] bytes = Files.readAllBytes(baseCities);
		String text = new String(bytes, WINDOWS_1252);
		int secondLine = text.indexOf(text.contains("\r") ? '\r' : '\n') + 1;
		int name = text.indexOf('\t', text.indexOf('\t', secondLine) + 1) + 1;
		Files.write(baseCities, concat(concat(Arrays.copyOf(bytes, name), new byte[] { (byte) 0x81 }),
				Arrays.copyOfRange(bytes, name, bytes.length)));

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then
		assertLoaded(night, "EOIR Case Data 2026-0410");
		assertThat(rowsByFile("EOIR Case Data 2026-0410")).isEqualTo(rowsByFile("EOIR Case Data 2026-0401"));
		assertThat(count("select count(*) from warehouse.fct_case where deleted_in_release_key is null"))
			.isEqualTo(sample.expected().cases());
		assertThat(output.getAll()).contains("tblLookupBaseCity.csv: 1 line(s) hold bytes that do not decode as "
				+ "windows-1252 (the first at line 2)");
		report("LF and CR line ends, BOM (EOIR)",
				"loaded, the same rows per file as CRLF: " + loadedRows("EOIR Case Data 2026-0410"));
		report("bytes undefined in windows-1252 (EOIR)",
				"loaded as U+FFFD, warned: \"" + line(output, "do not decode as windows-1252") + "\"");
	}

	@Test
	@Order(7)
	void aLineWhoseValuesMovedBetweenColumnsAtItsFieldCountIsRejectedAtItsLine() throws Exception {
		// given: line 11 of the cases with a tab before CASE_TYPE and one empty field
		// fewer
		// after UP_BOND_DATE: its field count as it was, CASE_TYPE holding ATTY_NBR's
		// empty
		// value, UPDATE_SITE the case type, LATEST_HEARING the court
		Path inbox = Files.createDirectories(work.resolve("hidden-shift"));
		Path release = copyRelease(inbox, "EOIR Case Data 2026-0411");
		Path cases = find(release, "A_TblCase.csv");
		List<String> lines = new ArrayList<>(List.of(Files.readString(cases, WINDOWS_1252).split("\r\n", -1)));
		List<String> header = List.of(lines.get(0).split("\t", -1));
		List<String> fields = new ArrayList<>(List.of(lines.get(10).split("\t", -1)));
		String caseId = fields.get(0);
		String court = fields.get(header.indexOf("UPDATE_SITE"));
		String caseType = fields.get(header.indexOf("CASE_TYPE"));
		fields.add(header.indexOf("CASE_TYPE"), "");
		assertThat(fields.remove(header.indexOf("UP_BOND_DATE") + 1)).isEmpty();
		lines.set(10, String.join("\t", fields));
		Files.writeString(cases, String.join("\r\n", lines), WINDOWS_1252);
		String caseBefore = caseRow(caseId);

		// when
		Map<String, ReleaseOutcome> night = byLabel(this.nightlyLoad.run(inbox, null));

		// then: the line is quarantined with its file, line and the value out of place,
		// and the case keeps the values the release before gave it
		assertLoaded(night, "EOIR Case Data 2026-0411");
		List<Map<String, Object>> rejects = this.jdbc.queryForList("""
				select r.table_name, r.line_number, r.record_key, r.reason_code, r.message, r.raw_record
				from etl.rejected_row as r join etl.source_file as f using (source_file_id)
				where f.release_label = 'EOIR Case Data 2026-0411' and r.table_name = 'A_TblCase'
				""");
		assertThat(rejects).hasSize(1);
		assertThat(rejects.get(0)).containsEntry("line_number", 11L)
			.containsEntry("record_key", caseId)
			.containsEntry("reason_code", "type_mismatch")
			.containsEntry("raw_record", lines.get(10));
		assertThat((String) rejects.get(0).get("message")).startsWith("LATEST_HEARING is '" + court
				+ "', expected a date YYYY-MM-DD HH:MM:SS.mmm: " + "a value moved from another column");
		assertThat(caseRow(caseId)).isEqualTo(caseBefore).startsWith(caseType + "|");
		report("values moved, field count kept (EOIR)", "loaded, the line rejected: \"" + rejects.get(0).get("message")
				+ "\"; the case keeps the release before's values");
	}

	/** A case's case type, nationality, MPP flag and whether it is deleted. */
	private String caseRow(String caseId) {
		return this.jdbc.queryForObject("""
				select ct.case_type_code || '|' || f.nationality_key || '|' || f.is_mpp || '|'
				    || coalesce(f.deleted_in_release_key::text, 'present')
				from warehouse.fct_case as f join warehouse.dim_case_type as ct using (case_type_key)
				where f.case_id = ?
				""", String.class, Long.parseLong(caseId));
	}

	private static void report(String name, ReleaseOutcome outcome) {
		String status = switch (outcome.status()) {
			case FAILED, REFUSED -> "refused";
			default -> outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		};
		report(name, status + ((outcome.message() != null) ? ": \"" + outcome.message() + "\"" : ""));
	}

	private static void report(String name, String outcome) {
		report.add(name + " " + ".".repeat(Math.max(3, 40 - name.length())) + " " + outcome);
	}

	/** The first line of the output that holds a text, without its time and level. */
	private static String line(CapturedOutput output, String text) {
		String line = output.getAll().lines().filter((l) -> l.contains(text)).findFirst().orElseThrow();
		return line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1).strip();
	}

	private void assertLoaded(Map<String, ReleaseOutcome> night, String label) {
		assertThat(night.get(label)).as(label).isNotNull();
		assertThat(night.get(label).status()).as(label + ": " + night.get(label).message())
			.isEqualTo(ReleaseOutcome.Status.LOADED);
	}

	private void assertRefused(Map<String, ReleaseOutcome> night, String label, String... messageParts) {
		assertThat(night.get(label)).as(label).isNotNull();
		assertThat(night.get(label).status()).as(label)
			.isIn(ReleaseOutcome.Status.FAILED, ReleaseOutcome.Status.REFUSED);
		assertThat(night.get(label).message()).contains(messageParts);
		assertThat(count("select count(*) from warehouse.dim_release where release_label = '" + label.replace("'", "''")
				+ "' and status = 'published'"))
			.as(label + " published")
			.isZero();
	}

	/**
	 * The workbook's only table is rejected, each of its data cells quarantined in
	 * etl.rejected_row with its sheet, row, reference and value, and the message naming
	 * the cell that broke the table; none of its cells is published.
	 */
	private void assertTableRejected(Map<String, ReleaseOutcome> night, String label, String message) {
		ReleaseOutcome outcome = night.get(label);
		List<Map<String, Object>> rejects = this.jdbc.queryForList("""
				select r.sheet_name, r.line_number, r.record_key, r.raw_record, r.reason_code, r.message
				from etl.rejected_row as r
				join etl.source_file as f using (source_file_id) where f.release_label = ?
				order by r.record_key
				""", label);
		assertThat(rejects).extracting((row) -> row.get("record_key") + "=" + row.get("raw_record"))
			.as("the table's cells, as plain's: C5=570050, C6=41840.5, D5=not_applicable")
			.containsExactly("C5=570050", "C6=41840.5", "D5=X");
		assertThat(rejects).extracting((row) -> row.get("line_number")).containsExactly(5L, 6L, 5L);
		assertThat(rejects).allSatisfy((reject) -> {
			assertThat(reject.get("sheet_name")).isEqualTo("Book-Outs");
			assertThat(reject.get("reason_code")).isEqualTo("unrecognised_layout");
			assertThat((String) reject.get("message")).contains(label + ".xlsx", message);
		});
		assertThat(cells(label)).isEmpty();
		assertThat(loadedRows(label)).isEqualTo("0 rows loaded, 3 rejected");
		report("XLSX date stored as a number",
				outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", table rejected, its "
						+ rejects.size() + " cells quarantined (" + rejects.get(0).get("reason_code") + "): \""
						+ rejects.get(0).get("message") + "\"");
	}

	private List<String> cells(String label) {
		return this.jdbc.queryForList("""
				select b.cell_reference || '=' || coalesce(trim_scale(b.value)::text, b.value_status)
				from warehouse.fct_border_statistic as b
				join warehouse.dim_release as r on r.release_key = b.edition_release_key
				where r.release_label = ? order by b.cell_reference
				""", String.class, label);
	}

	private String loadedRows(String label) {
		return this.jdbc.queryForObject("""
				select sum(rows_loaded) || ' rows loaded, ' || sum(rows_rejected) || ' rejected'
				from etl.source_file where release_label = ?
				""", String.class, label);
	}

	private Map<String, String> rowsByFile(String label) {
		Map<String, String> rows = new TreeMap<>();
		this.jdbc.query("select file_name, status || ' ' || rows_read || '/' || rows_loaded || '/' || rows_rejected "
				+ "from etl.source_file where release_label = ? and status <> 'skipped'", (rs) -> {
					rows.put(rs.getString(1), rs.getString(2));
				}, label);
		return rows;
	}

	/**
	 * The rows of the warehouse's, the load's and the job repository's tables holding a
	 * text.
	 */
	private List<String> rowsHolding(String value) {
		List<String> found = new ArrayList<>();
		for (String table : this.jdbc.queryForList("""
				select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
				where table_schema in ('warehouse', 'etl', 'staging', 'batch', 'reporting')
				""", String.class)) {
			found.addAll(this.jdbc.queryForList("select t::text from " + table + " as t where t::text like ?",
					String.class, "%" + value + "%"));
		}
		return found;
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private String text(String sql) {
		return this.jdbc.queryForObject(sql, String.class);
	}

	private static Path copyRelease(Path inbox, String label) throws IOException {
		Path target = inbox.resolve(label);
		try (Stream<Path> paths = Files.walk(sample.folder())) {
			for (Path path : paths.sorted().toList()) {
				Path copy = target.resolve(sample.folder().relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
		return target;
	}

	private static Path find(Path folder, String fileName) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter((path) -> path.getFileName().toString().equals(fileName)).findFirst().orElseThrow();
		}
	}

	private static long sizeOf(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).mapToLong((path) -> path.toFile().length()).sum();
		}
	}

	/**
	 * A release zip whose entry is megabytes of zeros, written as one raw deflate block
	 * repeated, so that the zip stays small and is written at once; a lying entry
	 * declares 8 MB.
	 */
	private static void writeBomb(Path zip, Map<String, byte[]> entries, String bombEntry, int megabytes, boolean lying)
			throws IOException {
		byte[] zeros = new byte[1024 * 1024];
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(zeros);
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int n;
		while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
			block.write(buffer, 0, n);
		}
		deflater.end();
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		CRC32 crc = new CRC32();
		for (int i = 0; i < megabytes; i++) {
			stream.write(block.toByteArray());
			crc.update(zeros);
		}
		// a final, empty block with fixed Huffman codes
		stream.write(new byte[] { 0x03, 0x00 });
		try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
			for (Map.Entry<String, byte[]> item : entries.entrySet()) {
				ZipArchiveEntry entry = new ZipArchiveEntry(item.getKey());
				if (item.getKey().equals(bombEntry)) {
					entry.setMethod(ZipArchiveEntry.DEFLATED);
					entry.setSize(lying ? 8L * 1024 * 1024 : (long) megabytes * zeros.length);
					entry.setCompressedSize(stream.size());
					entry.setCrc(crc.getValue());
					out.addRawArchiveEntry(entry, new ByteArrayInputStream(stream.toByteArray()));
				}
				else {
					out.putArchiveEntry(entry);
					out.write(item.getValue());
					out.closeArchiveEntry();
				}
			}
		}
	}

	private static Map<String, ReleaseOutcome> byLabel(List<ReleaseOutcome> outcomes) {
		return outcomes.stream()
			.collect(Collectors.toMap(ReleaseOutcome::releaseLabel, (o) -> o, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * Four rows of one fiscal year in the CBP layout by state, with the given line end.
	 */
	static byte[] cbp(int fiscalYear, String lineEnd) {
		String text = String.join(lineEnd, CBP_HEADER,
				fiscalYear + ",FYTD,OCT,Southwest Land Border,TX,Single Adults,MEXICO,Title 8,5",
				fiscalYear + ",FYTD,OCT,Southwest Land Border,AZ,FMUA,GUATEMALA,Title 8,7",
				fiscalYear + ",FYTD,NOV,Northern Land Border,WA,Single Adults,\"CHINA, PEOPLES REPUBLIC OF\",Title 8,2",
				fiscalYear + ",FYTD,NOV,Southwest Land Border,CA,Single Adults,MEXICO,Title 8,11") + lineEnd;
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static Path writeCbp(Path file, int fiscalYear, String lineEnd) throws IOException {
		return Files.write(file, cbp(fiscalYear, lineEnd));
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	static byte[] garbage(int size, long seed) {
		byte[] bytes = new byte[size];
		new SplittableRandom(seed).nextBytes(bytes);
		return bytes;
	}

	/**
	 * The Book-Outs table alone, without the flag column that keeps it from reading as
	 * one.
	 */
	static XSSFWorkbook bookOutsTable() {
		XSSFWorkbook workbook = TestWorkbooks.bookOuts();
		workbook.removeSheetAt(workbook.getSheetIndex("Notes"));
		XSSFSheet sheet = workbook.getSheet("Book-Outs");
		for (int row = 3; row <= 4; row++) {
			sheet.getRow(row).removeCell(sheet.getRow(row).getCell(4));
		}
		return workbook;
	}

	static XSSFWorkbook cachedFormula(boolean evaluate) {
		XSSFWorkbook workbook = bookOutsTable();
		XSSFRow month = workbook.getSheetAt(0).getRow(5);
		month.getCell(2).setCellFormula("C5/10");
		if (evaluate) {
			workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
		}
		return workbook;
	}

	static String withDoctype(String xml, String doctype) {
		int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
		return xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration);
	}

	static Path rewriteEntry(byte[] zip, String entryName, UnaryOperator<String> edit, Path file) throws IOException {
		boolean found = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().equals(entryName)) {
					content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
					found = true;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		assertThat(found).as(entryName).isTrue();
		return file;
	}

}
