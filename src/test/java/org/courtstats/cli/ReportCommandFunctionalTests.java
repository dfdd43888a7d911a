package org.courtstats.cli;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.courtstats.TestWarehouse;
import org.courtstats.samples.CbpSample;
import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSample;
import org.courtstats.samples.OhssSampleWorkbook;
import org.courtstats.samples.SampleRelease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code courtstats report} over a warehouse that loaded the bundled-style samples (an
 * EOIR release, an OHSS edition and a CBP file): the page parses, holds the numbers the
 * samples hold, escapes what it prints, and opens in a browser without a script.
 */
class ReportCommandFunctionalTests {

	private static final String LABEL = "EOIR Case Data 2026-0401 <rerun> & co";

	private static final long SEED = 7;

	@TempDir
	static Path folder;

	static String url;

	static SampleRelease eoir;

	static OhssSample ohss;

	static CbpSample cbp;

	static Path page;

	static String html;

	static Document dom;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void loadTheSamplesAndWriteTheReport() throws Exception {
		url = TestWarehouse.newDatabase("report");
		System.setProperty("courtstats.database.url", url);
		System.setProperty("courtstats.database.user", "postgres");
		Path inbox = folder.resolve("inbox");
		eoir = EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 300, SEED);
		ohss = OhssSampleWorkbook.write(inbox, OhssSampleWorkbook.DEFAULT_AS_OF, SEED);
		cbp = CbpSampleFile.write(inbox, CbpSampleFile.DEFAULT_AS_OF, SEED);
		StringWriter discard = new StringWriter();
		assertThat(CourtstatsCommand.execute(new PrintWriter(discard), new PrintWriter(discard), "load", "--inbox",
				inbox.toString(), "--release", LABEL))
			.as(discard.toString())
			.isZero();
		page = folder.resolve("reports/report.html");
		assertThat(CourtstatsCommand.execute(new PrintWriter(discard), new PrintWriter(discard), "report", "--out",
				page.toString()))
			.as(discard.toString())
			.isZero();
		html = Files.readString(page, StandardCharsets.UTF_8);
		dom = parse(html);
	}

	@AfterAll
	static void forgetTheWarehouse() {
		System.clearProperty("courtstats.database.url");
		System.clearProperty("courtstats.database.user");
	}

	@Test
	void thePageIsWellFormedAndSelfContained() throws Exception {
		assertThat(html).startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
		assertThat(texts("//h2")).containsExactly("Load runs", "Rows by table", "MPP returns to Mexico by month",
				"In-absentia rates, MPP and non-MPP, by fiscal year");
		assertThat(count("//*[local-name()='svg']")).as("charts: durations, rows, MPP, in absentia").isEqualTo(4);
		assertThat(count("//script")).isZero();
		assertThat(attribute("//meta[@http-equiv='Content-Security-Policy']", "content"))
			.as("the browser may run no script and fetch nothing")
			.startsWith("default-src 'none';")
			.doesNotContain("script-src");
		assertThat(count("//*[@src or @href]")).as("nothing to fetch").isZero();
		assertThat(html).contains("http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg");
		assertThat(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
			.as("no address but the namespaces")
			.doesNotContain("http:", "https:", "//");
		assertThat(count("//p[@class='empty']")).as("no section is empty").isZero();
	}

	@Test
	void theRunsShowEachReleaseWithItsRows() throws Exception {
		assertThat(texts("//table[@class='runs']//tr[td]/td[2]")).containsExactlyInAnyOrder("eoir", "ohss", "cbp");
		assertThat(texts("//table[@class='runs']//tr[td]/td[6]")).containsOnly("completed");
		List<String> eoirRun = texts("//table[@class='runs']//tr[td[2]='eoir']/td");
		assertThat(eoirRun.get(2)).isEqualTo(LABEL);
		assertThat(eoirRun.get(8)).as("rows rejected").isEqualTo(number(eoir.rejects().size()));
		List<String> cbpRun = texts("//table[@class='runs']//tr[td[2]='cbp']/td");
		assertThat(cbpRun.get(6)).as("rows read").isEqualTo(number(cbp.rows()));
		assertThat(cbpRun.get(7)).as("rows loaded").isEqualTo(number(cbp.rows()));

		List<String> cases = texts("//table[@class='tables']//tr[td[4]='A_TblCase']/td");
		assertThat(cases.get(2)).isEqualTo(LABEL);
		assertThat(cases.subList(5, 8)).as("read, loaded, rejected")
			.containsExactly(number(eoir.expected().cases()), number(eoir.expected().cases()), "0");
		long proceedingRejects = eoir.rejects()
			.stream()
			.filter((reject) -> reject.tableName().equals("B_TblProceeding"))
			.count();
		assertThat(texts("//table[@class='tables']//tr[td[4]='B_TblProceeding']/td[8]"))
			.containsExactly(number(proceedingRejects));
		assertThat(texts("(//*[local-name()='svg'])[1]//*[local-name()='text'][@class='value']"))
			.as("a duration per run")
			.hasSize(3)
			.allMatch((text) -> text.matches("[0-9.]+ s \\(completed\\)|\\d+ min \\d\\d s \\(completed\\)"));
	}

	@Test
	void aReleaseLabelIsEscaped() {
		assertThat(html).contains("EOIR Case Data 2026-0401 &lt;rerun&gt; &amp; co").doesNotContain("<rerun>");
	}

	@Test
	void theMppChartShowsTheSampleMonthsAndLeavesGapsForX() throws Exception {
		YearMonth reported = YearMonth.of(2020, 1);
		YearMonth notInForce = YearMonth.of(2021, 3);
		OhssSample.Cell cbpJanuary = ohss.mppBookOuts("Total CBP", reported);
		assertThat(cbpJanuary.value()).isNotNull();
		assertThat(ohss.mppBookOuts("Total CBP", notInForce).marker()).isEqualTo("X");

		assertThat(texts("//table[@class='mpp-returns']//tr[td[1]='January 2020']/td")).containsExactly("January 2020",
				number(cbpJanuary.value()), number(ohss.mppBookOuts("USBP", reported).value()),
				number(ohss.mppBookOuts("OFO", reported).value()));
		assertThat(texts("//table[@class='mpp-returns']//tr[td[1]='March 2021']/td")).containsExactly("March 2021", "X",
				"X", "X");
		assertThat(texts("//*[local-name()='circle']/*[local-name()='title']"))
			.contains("CBP, January 2020: " + number(cbpJanuary.value()))
			.noneMatch((title) -> title.contains("March 2021"))
			.hasSize((int) ohss.mppBookOuts()
				.stream()
				.filter((cell) -> !cell.isFiscalYearTotal() && cell.value() != null)
				.count());
		String cbpLine = attribute("//*[local-name()='g'][@class='series cbp']/*[local-name()='path']", "d");
		assertThat(cbpLine.split("M").length - 1).as("one stroke per run of printed months")
			.isEqualTo(runsOfPrintedMonths(ohss, "Total CBP"));
		assertThat(texts("//*[local-name()='rect'][@class='gap']/*[local-name()='title']"))
			.as("months no component prints a number for")
			.containsExactlyElementsOf(monthsWithoutNumbers(ohss).stream()
				.map((gap) -> gap + ": no number printed (X: MPP not in force, or NA)")
				.toList())
			.anyMatch((title) -> title.contains("2021"));
	}

	@Test
	void theInAbsentiaRatesAddUpToTheSampleRemovalCases() throws Exception {
		NodeList rows = nodes("//table[@class='in-absentia']//tr[td]");
		long completed = 0;
		long inAbsentia = 0;
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < rows.getLength(); i++) {
			NodeList cells = ((org.w3c.dom.Element) rows.item(i)).getElementsByTagName("td");
			kinds.add(cells.item(1).getTextContent());
			completed += Long.parseLong(cells.item(2).getTextContent().replace(",", ""));
			inAbsentia += Long.parseLong(cells.item(3).getTextContent().replace(",", ""));
		}
		assertThat(kinds).contains("MPP", "non-MPP");
		assertThat(completed).isEqualTo(eoir.expected().completedRemoval());
		assertThat(inAbsentia).isEqualTo(eoir.expected().inAbsentiaRemoval());
	}

	@Test
	void runsLimitsTheReportToTheLatestRuns() throws Exception {
		Path latest = folder.resolve("latest.html");

		assertThat(run("report", "--out", latest.toString(), "--runs", "2")).isZero();

		assertThat(this.out.toString()).contains("Wrote the run report (2 runs,").contains(latest.toString());
		Document two = parse(Files.readString(latest));
		assertThat(texts(two, "//table[@class='runs']//tr[td]/td[2]")).as("the EOIR release loaded first")
			.containsExactlyInAnyOrder("ohss", "cbp");
		assertThat(texts(two, "//table[@class='tables']//tr[td]/td[2]")).doesNotContain("eoir");
	}

	@Test
	void anEmptyWarehouseSaysSoInEverySection() throws Exception {
		Path empty = folder.resolve("empty.html");
		System.setProperty("courtstats.database.url", TestWarehouse.newDatabase("report_empty"));
		int exitCode;
		try {
			exitCode = run("report", "--out", empty.toString());
		}
		finally {
			System.setProperty("courtstats.database.url", url);
		}

		assertThat(exitCode).isZero();
		Document page = parse(Files.readString(empty));
		assertThat(texts(page, "//p[@class='empty']")).hasSize(4)
			.anyMatch((text) -> text.startsWith("No load runs are recorded"))
			.anyMatch((text) -> text.contains("reporting.mpp_returns_by_month is empty"))
			.anyMatch((text) -> text.contains("reporting.in_absentia_rates is empty"));
		assertThat(texts(page, "//*[local-name()='svg']")).isEmpty();
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run("report", "--help")).isZero();
		assertThat(this.out.toString()).contains("Usage: courtstats report")
			.contains("--out=FILE")
			.contains("--runs=N");
		assertThat(run("report")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--out");
		assertThat(run("report", "--out", folder.resolve("x.html").toString(), "--runs", "0")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--runs must be at least 1");
		assertThat(folder.resolve("x.html")).doesNotExist();
	}

	@Test
	void thePageOpensInHeadlessChromiumWithoutErrors() throws Exception {
		Path chromium = onPath("chromium", "chromium-browser");
		assumeTrue(chromium != null, "no chromium on the PATH, so the page is not opened in a browser here; "
				+ "the XML checks of this class still hold it to its structure");

		// Headless Chromium takes its DOM dump and screenshot through scripts of its own,
		// so scripts cannot be switched off in the browser (with them off it writes
		// nothing); the page's own policy forbids any script of the page instead, and the
		// console (logged to stderr) shows any script, fetch or error the page would
		// cause.
		Chromium dom = chromium(chromium, "dump-dom", "--dump-dom", page.toUri().toString());
		Path screenshot = folder.resolve("report.png");
		Chromium shot = chromium(chromium, "screenshot", "--window-size=1200,1600", "--screenshot=" + screenshot,
				page.toUri().toString());

		assertThat(dom.exitCode()).as(dom.errors()).isZero();
		assertThat(dom.errors().lines().filter((line) -> line.contains(":CONSOLE")))
			.as("console messages: errors, blocked scripts or fetches")
			.isEmpty();
		assertThat(dom.output()).contains("<h1>courtstats run report</h1>")
			.contains("EOIR Case Data 2026-0401 &lt;rerun&gt; &amp; co")
			.contains("CBP, January 2020: " + number(ohss.mppBookOuts("Total CBP", YearMonth.of(2020, 1)).value()));
		assertThat(dom.output().split("<svg", -1)).as("four charts").hasSize(5);
		assertThat(shot.exitCode()).as(shot.errors()).isZero();
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(screenshot.toFile());
		assertThat(image.getWidth()).isEqualTo(1200);
		java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				colours.add(image.getRGB(x, y));
			}
		}
		assertThat(colours).as("text and bars drawn without scripts, not a blank page").hasSizeGreaterThan(20);
	}

	private static Chromium chromium(Path chromium, String name, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
						"--v=0", "--user-data-dir=" + Files.createTempDirectory(folder, "chromium")));
		command.addAll(List.of(arguments));
		Path errors = folder.resolve(name + ".err");
		Process browser = new ProcessBuilder(command).redirectError(errors.toFile()).start();
		String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!browser.waitFor(120, TimeUnit.SECONDS)) {
			browser.destroyForcibly();
			throw new AssertionError("chromium " + name + " did not end within 2 minutes");
		}
		return new Chromium(browser.exitValue(), output, Files.readString(errors));
	}

	record Chromium(int exitCode, String output, String errors) {
	}

	private int run(String... args) {
		return CourtstatsCommand.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), args);
	}

	private static int runsOfPrintedMonths(OhssSample sample, String group) {
		int runs = 0;
		boolean printing = false;
		for (OhssSample.Cell cell : sample.mppBookOuts()) {
			if (cell.isFiscalYearTotal() || !cell.groupLabel().equals(group)) {
				continue;
			}
			if (cell.value() != null && !printing) {
				runs++;
			}
			printing = cell.value() != null;
		}
		return runs;
	}

	/**
	 * The runs of consecutive months for which the sample prints no MPP number in any
	 * component, as {@code October 2018 to December 2018}.
	 */
	private static List<String> monthsWithoutNumbers(OhssSample sample) {
		java.util.TreeMap<YearMonth, Boolean> printed = new java.util.TreeMap<>();
		for (OhssSample.Cell cell : sample.mppBookOuts()) {
			if (!cell.isFiscalYearTotal()) {
				YearMonth month = YearMonth.of(cell.fiscalYear() - 1, 10).plusMonths(cell.fiscalMonth() - 1);
				printed.merge(month, cell.value() != null, Boolean::logicalOr);
			}
		}
		List<String> gaps = new ArrayList<>();
		YearMonth start = null;
		YearMonth previous = null;
		for (var month : printed.entrySet()) {
			if (!month.getValue() && start == null) {
				start = month.getKey();
			}
			if (month.getValue() && start != null) {
				gaps.add(name(start) + " to " + name(previous));
				start = null;
			}
			previous = month.getKey();
		}
		if (start != null) {
			gaps.add(name(start) + " to " + name(previous));
		}
		return gaps;
	}

	private static String name(YearMonth month) {
		return month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.US) + " " + month.getYear();
	}

	private static Path onPath(String... names) {
		for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			for (String name : names) {
				Path candidate = Path.of(entry, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private static String number(long value) {
		return String.format(Locale.US, "%,d", value);
	}

	private static Document parse(String page) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
	}

	private static NodeList nodes(String expression) throws Exception {
		return nodes(dom, expression);
	}

	private static NodeList nodes(Document document, String expression) throws Exception {
		XPath xpath = XPathFactory.newInstance().newXPath();
		return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
	}

	private static int count(String expression) throws Exception {
		return nodes(expression).getLength();
	}

	private static List<String> texts(String expression) throws Exception {
		return texts(dom, expression);
	}

	private static List<String> texts(Document document, String expression) throws Exception {
		NodeList found = nodes(document, expression);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < found.getLength(); i++) {
			Node node = found.item(i);
			texts.add(node.getTextContent());
		}
		return texts;
	}

	private static String attribute(String expression, String name) throws Exception {
		NodeList found = nodes(expression);
		assertThat(found.getLength()).as(expression).isEqualTo(1);
		return ((org.w3c.dom.Element) found.item(0)).getAttribute(name);
	}

}
