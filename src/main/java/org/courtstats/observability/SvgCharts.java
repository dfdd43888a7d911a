package org.courtstats.observability;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Draws the report's charts as inline SVG, so that the page needs no script and no
 * network to show them.
 */
final class SvgCharts {

	private static final String SVG = "http://www.w3.org/2000/svg";

	private static final int LABEL_WIDTH = 300;

	private static final int BAR_AREA = 460;

	private static final int VALUE_WIDTH = 150;

	private static final int ROW = 18;

	private static final int ROW_GAP = 6;

	private static final int LABEL_CHARACTERS = 40;

	private SvgCharts() {
	}

	/**
	 * Horizontal bars, one per row, each made of stacked segments, scaled to the longest.
	 * @param html where to write
	 * @param title what the chart shows, read by screen readers and shown on hover
	 * @param bars the rows, top to bottom
	 */
	static void bars(Xhtml html, String title, List<Bar> bars) {
		double longest = bars.stream().mapToDouble(Bar::total).max().orElse(0);
		int width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
		int height = bars.size() * (ROW + ROW_GAP) + ROW_GAP;
		html.open("svg", "xmlns", SVG, "class", "chart", "role", "img", "viewBox", "0 0 " + width + " " + height,
				"width", Integer.toString(width), "height", Integer.toString(height));
		html.element("title", title);
		int y = ROW_GAP;
		for (Bar bar : bars) {
			html.open("g", "class", "bar");
			html.open("text", "x", Integer.toString(LABEL_WIDTH - 8), "y", number(y + ROW * 0.75), "class", "label",
					"text-anchor", "end");
			html.element("title", bar.label());
			html.text(shorten(bar.label()));
			html.close("text");
			double x = LABEL_WIDTH;
			for (Segment segment : bar.segments()) {
				double length = (longest > 0) ? segment.value() / longest * BAR_AREA : 0;
				if (length > 0) {
					html.open("rect", "x", number(x), "y", Integer.toString(y), "width", number(Math.max(length, 1)),
							"height", Integer.toString(ROW), "class", segment.cssClass());
					html.element("title", segment.tooltip());
					html.close("rect");
					x += length;
				}
			}
			html.element("text", bar.valueText(), "x", number(x + 6), "y", number(y + ROW * 0.75), "class", "value");
			html.close("g");
			y += ROW + ROW_GAP;
		}
		html.close("svg");
	}

	/**
	 * Lines over consecutive months, broken where a month has no value; months where no
	 * series has one are shaded.
	 * @param html where to write
	 * @param title what the chart shows
	 * @param months the months, consecutive, oldest first
	 * @param series the lines, each with one point per month
	 * @param gapTooltip what a shaded month means
	 */
	static void monthlyLines(Xhtml html, String title, List<YearMonth> months, List<Series> series, String gapTooltip) {
		int left = 70;
		int right = 20;
		int top = 12;
		int bottom = 34;
		int plotWidth = 860;
		int plotHeight = 260;
		long highest = series.stream()
			.flatMap((line) -> line.points().stream())
			.filter((point) -> point.value() != null)
			.mapToLong(Point::value)
			.max()
			.orElse(0);
		long step = niceStep(highest);
		long topValue = Math.max(step, ((highest + step - 1) / step) * step);
		double dx = (months.size() > 1) ? (double) plotWidth / (months.size() - 1) : 0;
		int width = left + plotWidth + right;
		int height = top + plotHeight + bottom;
		html.open("svg", "xmlns", SVG, "class", "chart", "role", "img", "viewBox", "0 0 " + width + " " + height,
				"width", Integer.toString(width), "height", Integer.toString(height));
		html.element("title", title);
		for (int start = 0; start < months.size(); start++) {
			if (hasValue(series, start)) {
				continue;
			}
			int end = start;
			while (end + 1 < months.size() && !hasValue(series, end + 1)) {
				end++;
			}
			double x0 = left + Math.max(0, start - 0.5) * dx;
			double x1 = left + Math.min(months.size() - 1, end + 0.5) * dx;
			html.open("rect", "class", "gap", "x", number(x0), "y", Integer.toString(top), "width",
					number(Math.max(x1 - x0, 2)), "height", Integer.toString(plotHeight));
			html.element("title", label(months.get(start)) + " to " + label(months.get(end)) + ": " + gapTooltip);
			html.close("rect");
			start = end;
		}
		for (long tick = 0; tick <= topValue; tick += step) {
			double y = top + plotHeight - (double) tick / topValue * plotHeight;
			html.empty("line", "class", "grid", "x1", Integer.toString(left), "x2", Integer.toString(left + plotWidth),
					"y1", number(y), "y2", number(y));
			html.element("text", String.format(Locale.US, "%,d", tick), "class", "axis", "x",
					Integer.toString(left - 6), "y", number(y + 4), "text-anchor", "end");
		}
		for (int i = 0; i < months.size(); i++) {
			if (months.get(i).getMonthValue() == 1 || months.size() == 1) {
				double x = left + i * dx;
				html.empty("line", "class", "tick", "x1", number(x), "x2", number(x), "y1",
						Integer.toString(top + plotHeight), "y2", Integer.toString(top + plotHeight + 5));
				html.element("text", Integer.toString(months.get(i).getYear()), "class", "axis", "x", number(x), "y",
						Integer.toString(top + plotHeight + 18), "text-anchor", "middle");
			}
		}
		for (Series line : series) {
			StringBuilder path = new StringBuilder();
			boolean drawing = false;
			for (int i = 0; i < line.points().size(); i++) {
				Long value = line.points().get(i).value();
				if (value == null) {
					drawing = false;
					continue;
				}
				path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M"))
					.append(number(left + i * dx))
					.append(',')
					.append(number(top + plotHeight - (double) value / topValue * plotHeight));
				drawing = true;
			}
			html.open("g", "class", "series " + line.cssClass());
			html.element("title", line.name());
			if (!path.isEmpty()) {
				html.empty("path", "class", "line", "d", path.toString());
			}
			for (int i = 0; i < line.points().size(); i++) {
				Point point = line.points().get(i);
				if (point.value() != null) {
					html.open("circle", "cx", number(left + i * dx), "cy",
							number(top + plotHeight - (double) point.value() / topValue * plotHeight), "r", "2.5");
					html.element("title", point.tooltip());
					html.close("circle");
				}
			}
			html.close("g");
		}
		html.close("svg");
	}

	private static boolean hasValue(List<Series> series, int month) {
		return series.stream().anyMatch((line) -> line.points().get(month).value() != null);
	}

	/**
	 * A step of 1, 2 or 5 times a power of ten that divides the range into at most five
	 * grid lines.
	 */
	static long niceStep(long highest) {
		if (highest <= 0) {
			return 1;
		}
		long power = 1;
		while (power * 10 <= highest / 4) {
			power *= 10;
		}
		for (long multiple : new long[] { 1, 2, 5, 10 }) {
			if (highest <= multiple * power * 5) {
				return multiple * power;
			}
		}
		return power * 10;
	}

	static String label(YearMonth month) {
		return month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
	}

	private static String shorten(String label) {
		return (label.length() > LABEL_CHARACTERS) ? label.substring(0, LABEL_CHARACTERS - 1) + "\u2026" : label;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One row of a bar chart.
	 *
	 * @param label what the row is, left of the bar
	 * @param segments the stacked parts of the bar, left to right
	 * @param valueText the number printed right of the bar
	 */
	record Bar(String label, List<Segment> segments, String valueText) {

		double total() {
			return this.segments.stream().mapToDouble(Segment::value).sum();
		}

	}

	/**
	 * One part of a bar.
	 *
	 * @param value its length, in the chart's unit
	 * @param cssClass its colour, a class of the page's style sheet
	 * @param tooltip what it is, with its number
	 */
	record Segment(double value, String cssClass, String tooltip) {
	}

	/**
	 * One line of a monthly chart.
	 *
	 * @param name what it counts
	 * @param cssClass its colour
	 * @param points one per month; a null value leaves a gap
	 */
	record Series(String name, String cssClass, List<Point> points) {
	}

	/**
	 * One month of a line.
	 *
	 * @param value the number, or null for none
	 * @param tooltip the month, the series and the number
	 */
	record Point(Long value, String tooltip) {
	}

}
