package org.courtstats.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.courtstats.normalize.FiscalCalendar;

/**
 * Writes a CBP "Nationwide Encounters" file in the 12-column layout by area of
 * responsibility, as CBP publishes it: RFC 4180 CSV with CRLF line ends, values holding a
 * comma quoted ({@code "CHINA, PEOPLES REPUBLIC OF"}), a rolling window of four fiscal
 * years, the current one written {@code 2026 (FYTD)} and covering October to the file's
 * month, rows sorted by fiscal year, then month abbreviation alphabetically ({@code APR},
 * {@code AUG}, {@code DEC} ...), then the other columns, as CBP sorts them. It holds USBP
 * sectors and OFO field offices of the three land border regions, {@code Title 42}
 * expulsions up to May 2023 only, and a few rows whose count is 0.
 *
 * <p>
 * Counts are drawn around realistic monthly levels, and a combination of area,
 * demographic and citizenship too small to reach one encounter is left out, as CBP leaves
 * it out. The same seed and month write the same bytes.
 */
public final class CbpSampleFile {

	/** The last month the default file covers. */
	public static final YearMonth DEFAULT_AS_OF = YearMonth.of(2026, 3);

	static final List<String> HEADER = List.of("Fiscal Year", "Month Grouping", "Month (abbv)", "Component",
			"Land Border Region", "Area of Responsibility", "AOR (Abbv)", "Demographic", "Citizenship",
			"Title of Authority", "Encounter Type", "Encounter Count");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180;

	private static final String OFO = "Office of Field Operations";

	private static final String USBP = "U.S. Border Patrol";

	private static final String NORTHERN = "Northern Land Border";

	private static final String OTHER_REGION = "Other";

	private static final String SOUTHWEST = "Southwest Land Border";

	private static final String TITLE_8 = "Title 8";

	private static final String TITLE_42 = "Title 42";

	private static final double PRESENT_SHARE = 0.2;

	private static final YearMonth FIRST_TITLE_42_MONTH = YearMonth.of(2020, 3);

	private static final YearMonth LAST_TITLE_42_MONTH = YearMonth.of(2023, 5);

	/** Areas of responsibility in CBP's sort order, with their share of the component. */
	private static final List<Aor> AORS = List
		.of(new Aor(OFO, NORTHERN, "Buffalo Field Office", "Buffalo", 0.12),
				new Aor(OFO, OTHER_REGION, "New York Field Office", "New York", 0.15),
				new Aor(OFO, SOUTHWEST, "Laredo Field Office", "Laredo", 0.33),
				new Aor(OFO, SOUTHWEST, "San Diego Field Office", "San Diego", 0.40),
				new Aor(USBP, NORTHERN, "Swanton Sector", "SWB", 0.02),
				new Aor(USBP, OTHER_REGION, "Miami Sector", "MIP", 0.01),
				new Aor(USBP, SOUTHWEST, "El Paso Sector", "EPT", 0.22),
				new Aor(USBP, SOUTHWEST, "Rio Grande Valley Sector", "RGV", 0.35),
				new Aor(USBP, SOUTHWEST, "Tucson Sector", "TCA", 0.40))
		.stream()
		.sorted(Comparator.comparing(Aor::component)
			.thenComparing(Aor::region)
			.thenComparing(Aor::name)
			.thenComparing(Aor::abbreviation))
		.toList();

	/** Demographics in sort order, with their shares for OFO and for USBP. */
	private static final String[] DEMOGRAPHICS = { "Accompanied Minors", "FMUA", "Single Adults",
			"UC / Single Minors" };

	private static final double[][] DEMOGRAPHIC_SHARES = { { 0.03, 0.0 }, { 0.30, 0.28 }, { 0.65, 0.64 },
			{ 0.02, 0.08 } };

	/**
	 * Citizenships in sort order, with their shares in the Northern, Other and Southwest
	 * regions.
	 */
	private static final String[] CITIZENSHIPS = { "CANADA", "CHINA, PEOPLES REPUBLIC OF", "CUBA", "GUATEMALA",
			"HONDURAS", "INDIA", "MEXICO", "OTHER", "VENEZUELA" };

	private static final double[][] CITIZENSHIP_SHARES = { { 0.35, 0.02, 0.0 }, { 0.04, 0.05, 0.03 },
			{ 0.01, 0.30, 0.06 }, { 0.02, 0.03, 0.12 }, { 0.01, 0.03, 0.11 }, { 0.15, 0.02, 0.03 },
			{ 0.12, 0.05, 0.42 }, { 0.28, 0.40, 0.13 }, { 0.02, 0.10, 0.10 } };

	/** Typical monthly encounters per fiscal year from 2023: OFO, USBP. */
	private static final long[][] MONTHLY_LEVELS = { { 60_000, 185_000 }, { 70_000, 135_000 }, { 35_000, 22_000 },
			{ 25_000, 9_000 } };

	private CbpSampleFile() {
	}

	/**
	 * The name CBP gives such a file.
	 * @param asOf the last month it covers
	 * @return e.g. {@code nationwide-encounters-fy23-fy26-mar-aor.csv}
	 */
	public static String fileName(YearMonth asOf) {
		int last = FiscalCalendar.fiscalYearOf(asOf.atDay(1));
		return String.format(Locale.ROOT, "nationwide-encounters-fy%02d-fy%02d-%s-aor.csv", (last - 3) % 100,
				last % 100, abbreviation(asOf.getMonth()).toLowerCase(Locale.ROOT));
	}

	/**
	 * Writes the file covering the four fiscal years up to a month into a folder.
	 * @param folder the folder (the inbox)
	 * @param asOf the last month the file covers
	 * @param seed random seed; the same seed and month write the same bytes
	 * @return the file and what a correct read of it gives
	 */
	public static CbpSample write(Path folder, YearMonth asOf, long seed) {
		Path file = folder.resolve(fileName(asOf));
		int lastYear = FiscalCalendar.fiscalYearOf(asOf.atDay(1));
		Counter counter = new Counter();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			FORMAT.printRecord(out, HEADER.toArray());
			for (int fiscalYear = lastYear - 3; fiscalYear <= lastYear; fiscalYear++) {
				boolean yearToDate = fiscalYear == lastYear && asOf.getMonth() != Month.SEPTEMBER;
				String yearLabel = yearToDate ? fiscalYear + " (FYTD)" : String.valueOf(fiscalYear);
				for (YearMonth month : monthsInCbpOrder(fiscalYear, asOf)) {
					writeMonth(out, yearLabel, fiscalYear, month, seed, counter);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the CBP sample file " + file + ": " + ex.getMessage(), ex);
		}
		return new CbpSample(file, asOf, counter.rows, counter.rowsByFiscalYear, counter.encountersByFiscalYear,
				counter.zeroRows, counter.title42Rows, counter.quotedRows);
	}

	private static void writeMonth(Writer out, String yearLabel, int fiscalYear, YearMonth month, long seed,
			Counter counter) throws IOException {
		SplittableRandom random = new SplittableRandom(
				seed * 1_000_033L + month.getYear() * 12L + month.getMonthValue());
		long[] level = MONTHLY_LEVELS[Math.min(Math.max(fiscalYear - 2023, 0), MONTHLY_LEVELS.length - 1)];
		boolean title42 = !month.isBefore(FIRST_TITLE_42_MONTH) && !month.isAfter(LAST_TITLE_42_MONTH);
		for (int a = 0; a < AORS.size(); a++) {
			Aor aor = AORS.get(a);
			int component = aor.component().equals(OFO) ? 0 : 1;
			double aorLevel = level[component] * aor.share() * (0.8 + 0.4 * random.nextDouble());
			int region = switch (aor.region()) {
				case NORTHERN -> 0;
				case OTHER_REGION -> 1;
				default -> 2;
			};
			for (int d = 0; d < DEMOGRAPHICS.length; d++) {
				for (int c = 0; c < CITIZENSHIPS.length; c++) {
					if (!present(seed, a, d, c)) {
						continue;
					}
					double expected = aorLevel * DEMOGRAPHIC_SHARES[d][component] * CITIZENSHIP_SHARES[c][region];
					double title42Share = !title42 ? 0.0
							: (component == 0) ? 0.06 : aor.region().equals(SOUTHWEST) ? 0.45 : 0.20;
					// Title 42 sorts before Title 8
					write(out, counter, random, expected * title42Share, TITLE_42, yearLabel, fiscalYear, month, aor,
							DEMOGRAPHICS[d], CITIZENSHIPS[c]);
					write(out, counter, random, expected * (1 - title42Share), TITLE_8, yearLabel, fiscalYear, month,
							aor, DEMOGRAPHICS[d], CITIZENSHIPS[c]);
				}
			}
		}
	}

	/**
	 * Whether an area ever sees a demographic of a citizenship: single adults of Mexico
	 * and of the other citizenships everywhere, and a fifth of the other combinations,
	 * drawn once per seed. It keeps the sample small (CBP's own files hold about 15,000
	 * rows a year) while each area keeps the same combinations from month to month.
	 */
	private static boolean present(long seed, int aor, int demographic, int citizenship) {
		String name = CITIZENSHIPS[citizenship];
		if (DEMOGRAPHICS[demographic].equals("Single Adults") && (name.equals("MEXICO") || name.equals("OTHER"))) {
			return true;
		}
		long combination = (aor * DEMOGRAPHICS.length + demographic) * (long) CITIZENSHIPS.length + citizenship;
		return new SplittableRandom(seed * 7_001L + combination).nextDouble() < PRESENT_SHARE;
	}

	/**
	 * Writes one row when its drawn count is at least one encounter, or, rarely, when it
	 * is zero (CBP's files hold a few zero rows).
	 */
	private static void write(Writer out, Counter counter, SplittableRandom random, double expected, String title,
			String yearLabel, int fiscalYear, YearMonth month, Aor aor, String demographic, String citizenship)
			throws IOException {
		double draw = random.nextDouble();
		double zeroDraw = random.nextDouble();
		if (expected <= 0) {
			return;
		}
		long count = (long) Math.floor(expected * (0.5 + draw));
		if (count == 0 && !(expected > 0.3 && zeroDraw < 0.05)) {
			return;
		}
		String type = title.equals(TITLE_42) ? "Expulsions"
				: aor.component().equals(OFO) ? "Inadmissibles" : "Apprehensions";
		FORMAT.printRecord(out, yearLabel, "FYTD", abbreviation(month.getMonth()), aor.component(), aor.region(),
				aor.name(), aor.abbreviation(), demographic, citizenship, title, type, count);
		counter.rows++;
		counter.rowsByFiscalYear.merge(fiscalYear, 1L, Long::sum);
		counter.encountersByFiscalYear.merge(fiscalYear, count, Long::sum);
		counter.zeroRows += (count == 0) ? 1 : 0;
		counter.title42Rows += title.equals(TITLE_42) ? 1 : 0;
		counter.quotedRows += citizenship.contains(",") ? 1 : 0;
	}

	/** A fiscal year's months up to the file's month, by abbreviation alphabetically. */
	private static List<YearMonth> monthsInCbpOrder(int fiscalYear, YearMonth asOf) {
		YearMonth october = YearMonth.of(fiscalYear - 1, 10);
		return IntStream.range(0, 12)
			.mapToObj(october::plusMonths)
			.filter((month) -> !month.isAfter(asOf))
			.sorted(Comparator.comparing((YearMonth month) -> abbreviation(month.getMonth())))
			.toList();
	}

	private static String abbreviation(Month month) {
		return month.getDisplayName(TextStyle.SHORT, Locale.US).toUpperCase(Locale.ROOT);
	}

	/**
	 * An area of responsibility: a USBP sector or an OFO field office.
	 */
	private record Aor(String component, String region, String name, String abbreviation, double share) {
	}

	private static final class Counter {

		private long rows;

		private final SortedMap<Integer, Long> rowsByFiscalYear = new TreeMap<>();

		private final SortedMap<Integer, Long> encountersByFiscalYear = new TreeMap<>();

		private long zeroRows;

		private long title42Rows;

		private long quotedRows;

	}

}
