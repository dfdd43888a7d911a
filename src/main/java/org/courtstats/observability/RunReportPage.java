package org.courtstats.observability;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.courtstats.observability.SvgCharts.Bar;
import org.courtstats.observability.SvgCharts.Point;
import org.courtstats.observability.SvgCharts.Segment;
import org.courtstats.observability.SvgCharts.Series;
import org.courtstats.warehouse.WarehouseReports.InAbsentiaYear;
import org.courtstats.warehouse.WarehouseReports.LoadRun;
import org.courtstats.ohss.ValueStatus;
import org.courtstats.warehouse.WarehouseReports.MppReturnMonth;
import org.courtstats.warehouse.WarehouseReports.RunTableCounts;

/**
 * Renders the run report as one self-contained page: inline style and SVG charts, no
 * script and nothing fetched, so that it opens from a file or a mail attachment.
 */
public final class RunReportPage {

	/** The components of the MPP chart, in the order OHSS prints them. */
	private static final List<String> COMPONENTS = List.of("CBP", "USBP", "OFO");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.US);

	private static final String STYLE = """
			body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
			    margin: 24px auto; max-width: 1100px; padding: 0 16px; }
			h1 { font-size: 22px; margin-bottom: 4px; }
			h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
			h3 { font-size: 15px; margin-bottom: 4px; }
			p.meta, p.note { color: #555; }
			p.empty { background: #f6f6f6; border-left: 4px solid #bbb; padding: 8px 12px; }
			table { border-collapse: collapse; margin: 8px 0 16px; }
			th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
			th { background: #f3f3f3; }
			td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
			td.marker { text-align: center; color: #777; }
			tr.run-failed td, tr.run-abandoned td, tr.run-stopped td, tr.run-unknown td { background: #fdf0f0; }
			tr.run-started td, tr.run-starting td, tr.run-stopping td { background: #fff8e1; }
			svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; font-size: 12px; }
			svg .label, svg .value, svg .axis { fill: #333; }
			svg .grid { stroke: #e4e4e4; }
			svg .tick { stroke: #999; }
			svg .gap { fill: #f0f0f0; }
			svg .line { fill: none; stroke-width: 2; }
			.loaded { fill: #2b7bb9; background: #2b7bb9; }
			.rejected { fill: #d9534f; background: #d9534f; }
			.completed { fill: #4a9d5b; background: #4a9d5b; }
			.failed, .abandoned, .stopped, .unknown { fill: #d9534f; background: #d9534f; }
			.started, .starting, .stopping, .running { fill: #e0a800; background: #e0a800; }
			.mpp { fill: #b5651d; background: #b5651d; }
			.non-mpp { fill: #7a7a7a; background: #7a7a7a; }
			.cbp { stroke: #1f5f99; fill: #1f5f99; background: #1f5f99; }
			.usbp { stroke: #d2691e; fill: #d2691e; background: #d2691e; }
			.ofo { stroke: #2e8b57; fill: #2e8b57; background: #2e8b57; }
			.legend span.swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px;
			    vertical-align: -1px; }
			.legend span.swatch.gap { background: #f0f0f0; border: 1px solid #ccc; }
			details { margin: 8px 0; }
			summary { cursor: pointer; color: #1f5f99; }
			""";

	private RunReportPage() {
	}

	/**
	 * Renders a report.
	 * @param report what to show
	 * @return the page, UTF-8 text that parses as HTML and as XML
	 */
	public static String render(RunReport report) {
		Xhtml html = new Xhtml().doctype();
		html.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
		html.open("head");
		html.empty("meta", "charset", "utf-8");
		// Nothing may be fetched or run: the page is whole as written.
		html.empty("meta", "http-equiv", "Content-Security-Policy", "content",
				"default-src 'none'; style-src 'unsafe-inline'; img-src data:");
		html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
		html.element("title", "courtstats run report");
		html.open("style").styleSheet(STYLE).close("style");
		html.close("head");
		html.open("body");
		html.element("h1", "courtstats run report");
		html.element(
				"p", "Generated " + TIME.format(report.generatedAt()) + " from the warehouse: the last "
						+ report.runsAsked() + " load runs asked for, " + report.runs().size() + " recorded.",
				"class", "meta");
		runs(html, report.runs());
		tables(html, report.runs(), report.tableCounts());
		mppReturns(html, report.mppReturns());
		inAbsentia(html, report.inAbsentia());
		html.close("body");
		html.close("html");
		return html.toString();
	}

	private static void runs(Xhtml html, List<LoadRun> runs) {
		html.open("section", "id", "runs");
		html.element("h2", "Load runs");
		if (runs.isEmpty()) {
			empty(html, "No load runs are recorded in etl.load_run yet. Run 'courtstats load' first.");
			html.close("section");
			return;
		}
		html.element("h3", "Duration of each run, newest first");
		List<Bar> durations = new ArrayList<>();
		for (LoadRun run : runs) {
			Duration duration = run.duration();
			String status = run.status().toLowerCase(Locale.ROOT);
			String text = (duration != null) ? duration(duration) + " (" + status + ")" : "running (" + status + ")";
			durations.add(new Bar(
					runLabel(run), (duration != null) ? List.of(new Segment(duration.toMillis() / 1000.0,
							cssClass(status), runLabel(run) + ": " + duration(duration) + ", " + status)) : List.of(),
					text));
		}
		SvgCharts.bars(html, "Duration of each load run, newest first", durations);
		legend(html, List.of("completed", "completed"), List.of("failed", "failed or stopped"),
				List.of("started", "running, or left by a process that died"));
		html.element("h3", "Rows of each run's release, newest first");
		List<Bar> rows = new ArrayList<>();
		for (LoadRun run : runs) {
			rows.add(new Bar(runLabel(run),
					List.of(new Segment(run.rowsLoaded(), "loaded", count(run.rowsLoaded()) + " rows loaded"),
							new Segment(run.rowsRejected(), "rejected", count(run.rowsRejected()) + " rows rejected")),
					count(run.rowsRead()) + " read, " + count(run.rowsRejected()) + " rejected"));
		}
		SvgCharts.bars(html, "Rows loaded and rejected by each load run, newest first", rows);
		legend(html, List.of("loaded", "loaded"), List.of("rejected", "rejected (etl.rejected_row)"));
		html.open("table", "class", "runs");
		header(html, "run", "source", "release", "started", "duration", "status", "#read", "#loaded", "#rejected",
				"message");
		for (LoadRun run : runs) {
			String status = run.status().toLowerCase(Locale.ROOT);
			html.open("tr", "class", "run-" + cssClass(status));
			cell(html, Long.toString(run.jobExecutionId()));
			cell(html, run.source());
			cell(html, run.releaseLabel());
			cell(html, TIME.format(run.startedAt()));
			cell(html, (run.duration() != null) ? duration(run.duration()) : "running");
			cell(html, status);
			number(html, run.rowsRead());
			number(html, run.rowsLoaded());
			number(html, run.rowsRejected());
			cell(html, (run.message() != null) ? run.message() : "");
			html.close("tr");
		}
		html.close("table");
		html.close("section");
	}

	private static void tables(Xhtml html, List<LoadRun> runs, List<RunTableCounts> counts) {
		html.open("section", "id", "tables");
		html.element("h2", "Rows by table");
		if (counts.isEmpty()) {
			empty(html, runs.isEmpty() ? "No load runs are recorded yet, so no tables either."
					: "No files of these runs' releases are recorded in etl.source_file.");
			html.close("section");
			return;
		}
		html.element("p", "Rows read, loaded and rejected in each table of each run's release, from etl.source_file. "
				+ "A release loaded over several runs (a failed run, then its restart) shows its latest counts on each; "
				+ "a run that published nothing (failed, held back, stopped) loaded none, whatever it staged.", "class",
				"note");
		Map<Long, LoadRun> byId = new LinkedHashMap<>();
		runs.forEach((run) -> byId.put(run.jobExecutionId(), run));
		html.open("table", "class", "tables");
		header(html, "run", "source", "release", "table", "#files", "#read", "#loaded", "#rejected");
		for (RunTableCounts table : counts) {
			LoadRun run = byId.get(table.jobExecutionId());
			html.open("tr");
			cell(html, Long.toString(table.jobExecutionId()));
			cell(html, (run != null) ? run.source() : "");
			cell(html, (run != null) ? run.releaseLabel() : "");
			cell(html, table.tableName());
			number(html, table.files());
			number(html, table.rowsRead());
			number(html, table.rowsLoaded());
			number(html, table.rowsRejected());
			html.close("tr");
		}
		html.close("table");
		html.close("section");
	}

	private static void mppReturns(Xhtml html, List<MppReturnMonth> months) {
		html.open("section", "id", "mpp-returns");
		html.element("h2", "MPP returns to Mexico by month");
		if (months.isEmpty()) {
			empty(html, "No MPP book-outs are loaded: reporting.mpp_returns_by_month is empty. Load a DHS OHSS "
					+ "monthly-tables workbook (its table CBP SWB Book-Outs by Agency).");
			html.close("section");
			return;
		}
		TreeMap<YearMonth, Map<String, MppReturnMonth>> byMonth = new TreeMap<>();
		Set<String> editions = new LinkedHashSet<>();
		for (MppReturnMonth month : months) {
			byMonth.computeIfAbsent(YearMonth.from(month.monthStart()), (key) -> new LinkedHashMap<>())
				.put(month.component(), month);
			editions.add(month.edition());
		}
		List<YearMonth> axis = new ArrayList<>();
		for (YearMonth month = byMonth.firstKey(); !month.isAfter(byMonth.lastKey()); month = month.plusMonths(1)) {
			axis.add(month);
		}
		List<Series> series = new ArrayList<>();
		for (String component : COMPONENTS) {
			List<Point> points = new ArrayList<>();
			for (YearMonth month : axis) {
				MppReturnMonth value = byMonth.getOrDefault(month, Map.of()).get(component);
				Long bookOuts = (value != null) ? value.bookOuts() : null;
				points.add(new Point(bookOuts, component + ", " + SvgCharts.label(month) + ": "
						+ ((bookOuts != null) ? count(bookOuts) : marker(value))));
			}
			series.add(new Series(component, component.toLowerCase(Locale.ROOT), points));
		}
		html.element("p", "Encounters booked out to the Migrant Protection Protocols (returned to Mexico to await "
				+ "their hearings), per month and component, from reporting.mpp_returns_by_month, as edition "
				+ String.join(", ", editions) + " prints them. A month the edition marks X (the program was not in "
				+ "force) or NA is a gap, not a zero.", "class", "note");
		SvgCharts.monthlyLines(html, "MPP book-outs by month: CBP, USBP and OFO", axis, series,
				"no number printed (X: MPP not in force, or NA)");
		legend(html, List.of("cbp", "CBP (total)"), List.of("usbp", "USBP"), List.of("ofo", "OFO"),
				List.of("gap", "no number printed"));
		html.open("details");
		html.element("summary", "The numbers, month by month");
		html.open("table", "class", "mpp-returns");
		header(html, "month", "#CBP", "#USBP", "#OFO");
		for (YearMonth month : axis) {
			html.open("tr");
			cell(html, SvgCharts.label(month));
			for (String component : COMPONENTS) {
				MppReturnMonth value = byMonth.getOrDefault(month, Map.of()).get(component);
				if (value != null && value.bookOuts() != null) {
					number(html, value.bookOuts());
				}
				else {
					html.element("td", marker(value), "class", "marker", "title",
							(value != null) ? value.valueStatus().replace('_', ' ') : "not in the edition");
				}
			}
			html.close("tr");
		}
		html.close("table");
		html.close("details");
		html.close("section");
	}

	private static void inAbsentia(Xhtml html, List<InAbsentiaYear> years) {
		html.open("section", "id", "in-absentia");
		html.element("h2", "In-absentia rates, MPP and non-MPP, by fiscal year");
		if (years.isEmpty()) {
			empty(html, "No completed removal proceedings are loaded: reporting.in_absentia_rates is empty. "
					+ "Load an EOIR case-data release.");
			html.close("section");
			return;
		}
		html.element("p", "Completed removal proceedings ordered in absentia, by fiscal year of completion, from "
				+ "reporting.in_absentia_rates (all courts).", "class", "note");
		List<Bar> bars = new ArrayList<>();
		for (InAbsentiaYear year : years) {
			String label = "FY" + year.fiscalYear() + (year.mpp() ? " MPP" : " non-MPP");
			String text = percent(year) + " of " + count(year.completed());
			bars.add(new Bar(label,
					List.of(new Segment(rate(year) * 100, year.mpp() ? "mpp" : "non-mpp",
							label + ": " + count(year.inAbsentia()) + " in absentia of " + count(year.completed()))),
					text));
		}
		SvgCharts.bars(html, "In-absentia rate by fiscal year, MPP and non-MPP", bars);
		legend(html, List.of("mpp", "MPP cases"), List.of("non-mpp", "other cases"));
		html.open("table", "class", "in-absentia");
		header(html, "fiscal year", "cases", "#completed", "#in absentia", "#rate");
		for (InAbsentiaYear year : years) {
			html.open("tr");
			cell(html, Integer.toString(year.fiscalYear()));
			cell(html, year.mpp() ? "MPP" : "non-MPP");
			number(html, year.completed());
			number(html, year.inAbsentia());
			html.element("td", percent(year), "class", "num");
			html.close("tr");
		}
		html.close("table");
		html.close("section");
	}

	private static void empty(Xhtml html, String message) {
		html.element("p", message, "class", "empty");
	}

	@SafeVarargs
	private static void legend(Xhtml html, List<String>... entries) {
		html.open("p", "class", "legend");
		for (List<String> entry : entries) {
			html.element("span", "", "class", "swatch " + entry.get(0));
			html.text(entry.get(1));
		}
		html.close("p");
	}

	/**
	 * A header row; a name starting with {@code #} is a number column.
	 */
	private static void header(Xhtml html, String... names) {
		html.open("tr");
		for (String name : names) {
			if (name.startsWith("#")) {
				html.element("th", name.substring(1), "class", "num");
			}
			else {
				html.element("th", name);
			}
		}
		html.close("tr");
	}

	private static void cell(Xhtml html, String text) {
		html.element("td", text);
	}

	private static void number(Xhtml html, long value) {
		html.element("td", count(value), "class", "num");
	}

	private static String runLabel(LoadRun run) {
		return "#" + run.jobExecutionId() + " " + run.source() + " " + run.releaseLabel();
	}

	private static String cssClass(String status) {
		return switch (status) {
			case "completed", "failed", "abandoned", "stopped", "started", "starting", "stopping" -> status;
			default -> "unknown";
		};
	}

	private static String marker(MppReturnMonth value) {
		if (value == null) {
			return "";
		}
		ValueStatus status = ValueStatus.ofCode(value.valueStatus());
		return (status != null && status.marker() != null) ? status.marker() : value.valueStatus();
	}

	private static double rate(InAbsentiaYear year) {
		return (year.completed() > 0) ? (double) year.inAbsentia() / year.completed() : 0;
	}

	private static String percent(InAbsentiaYear year) {
		return String.format(Locale.US, "%.1f%%", rate(year) * 100);
	}

	static String count(long value) {
		return String.format(Locale.US, "%,d", value);
	}

	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return String.format(Locale.US, "%.1f s", duration.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return String.format(Locale.US, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.US, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
	}

}
