package org.courtstats.samples;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.courtstats.normalize.FiscalCalendar;

/**
 * The unrounded monthly counts behind a sample OHSS edition: per month and component
 * (USBP, OFO), the SW-border encounters, their book-out outcomes and their citizenships,
 * and the USBP encounters away from the SW border.
 *
 * <p>
 * A month's base counts and its shares depend only on the seed and the month, so every
 * edition agrees on them; each later edition then revises the counts of its two latest
 * months (late records) and of one older month, and an edition's counts include every
 * revision made up to its as-of month. A revision changes a month's encounters, and its
 * outcomes and citizenships follow by the month's shares, so the tables of an edition
 * stay consistent with each other.
 */
final class OhssSampleCounts {

	/** The first month of the sample: October 2018, the start of fiscal year 2019. */
	static final YearMonth FIRST_MONTH = YearMonth.of(2018, 10);

	/** Citizenships of the SW-border table, by volume, before {@code Others}. */
	static final List<String> CITIZENSHIPS = List.of("Mexico", "Venezuela", "Guatemala", "Honduras", "Cuba", "Colombia",
			"Ecuador", "Haiti", "El Salvador", "China, People's Republic");

	private static final double[] USBP_CITIZENSHIP_WEIGHTS = { 0.36, 0.07, 0.11, 0.10, 0.03, 0.04, 0.04, 0.005, 0.04,
			0.02 };

	private static final double[] OFO_CITIZENSHIP_WEIGHTS = { 0.30, 0.13, 0.02, 0.03, 0.13, 0.05, 0.02, 0.09, 0.01,
			0.01 };

	private static final double OTHERS_WEIGHT = 0.12;

	/** Title 42 expulsions ran from March 2020 to May 2023. */
	private static final YearMonth TITLE_42_FROM = YearMonth.of(2020, 3);

	private static final YearMonth TITLE_42_TO = YearMonth.of(2023, 5);

	/**
	 * MPP ran from January 2019 to August 2022, paused from February to October 2021.
	 */
	private static final YearMonth MPP_FROM = YearMonth.of(2019, 1);

	private static final YearMonth MPP_PAUSE_FROM = YearMonth.of(2021, 2);

	private static final YearMonth MPP_PAUSE_TO = YearMonth.of(2021, 10);

	private static final YearMonth MPP_TO = YearMonth.of(2022, 8);

	/**
	 * The fiscal year whose OFO transfers to HHS were not yet broken out (published
	 * {@code NA}).
	 */
	static final int OFO_HHS_NOT_AVAILABLE_YEAR = 2019;

	/** Typical monthly SW-border encounters per fiscal year from 2019: USBP, OFO. */
	private static final long[][] MONTHLY_LEVELS = { { 70_000, 10_500 }, { 33_000, 4_800 }, { 138_000, 6_300 },
			{ 185_000, 15_000 }, { 170_000, 35_000 }, { 123_000, 46_000 }, { 20_000, 8_000 }, { 8_000, 3_000 } };

	/** The components of CBP whose encounters the tables count. */
	enum Component {

		USBP, OFO

	}

	/**
	 * What happened to an encounter (a book-out), with the footnote number its column
	 * header carries.
	 */
	enum Outcome {

		T8_REPATRIATIONS("T8 repatriations", 1), T42_EXPULSIONS("T42 expulsions", 2),
		MPP("Migrant Protection Protocols", 3), TRANSFERS_TO_ICE("Transfers to ICE", 4),
		TRANSFERS_TO_HHS("Transfers to HHS", 5), USBP_RELEASES("USBP Releases", 6), OFO_PAROLES("OFO Paroles", 7),
		OTHER("Other outcomes", 8);

		private final String label;

		private final int footnote;

		Outcome(String label, int footnote) {
			this.label = label;
			this.footnote = footnote;
		}

		String label() {
			return this.label;
		}

		/** The header as printed, the footnote number glued on. */
		String header() {
			return this.label + this.footnote;
		}

		boolean appliesTo(Component component) {
			return !((this == USBP_RELEASES && component == Component.OFO)
					|| (this == OFO_PAROLES && component == Component.USBP));
		}

	}

	/**
	 * A published amount before rounding: a count, or a marker standing in for one.
	 *
	 * @param count the count, or {@code null} with a marker
	 * @param marker {@code X} (not applicable), {@code NA} (not available), or
	 * {@code null} with a count
	 */
	record Amount(Long count, String marker) {

		static final Amount NOT_APPLICABLE = new Amount(null, "X");

		static final Amount NOT_AVAILABLE = new Amount(null, "NA");

		static Amount of(long count) {
			return new Amount(count, null);
		}

		/**
		 * The total of several amounts: the sum of the counts among them, or, when none
		 * is a count, their marker ({@code NA} when they differ).
		 */
		static Amount sum(List<Amount> parts) {
			long total = 0;
			boolean counted = false;
			String marker = null;
			for (Amount part : parts) {
				if (part.count != null) {
					total += part.count;
					counted = true;
				}
				else if (marker == null || marker.equals(part.marker)) {
					marker = part.marker;
				}
				else {
					marker = NOT_AVAILABLE.marker;
				}
			}
			return counted ? of(total) : new Amount(null, marker);
		}

	}

	/**
	 * One component's counts in one month.
	 *
	 * @param encounters SW-border encounters
	 * @param outcomes each outcome the component has: a count, or a marker
	 * @param citizenships encounters by citizenship, in the order of
	 * {@link #CITIZENSHIPS}, then the others
	 * @param nationwideExtra encounters away from the SW border (USBP only, else 0)
	 * @param nationwideExtraByCitizenship of those, by citizenship in the order of
	 * {@link #CITIZENSHIPS} (the rest is no listed citizenship)
	 */
	record Month(long encounters, Map<Outcome, Amount> outcomes, long[] citizenships, long nationwideExtra,
			long[] nationwideExtraByCitizenship) {

		Amount outcome(Outcome outcome) {
			return this.outcomes.get(outcome);
		}

		long others() {
			return this.citizenships[CITIZENSHIPS.size()];
		}

	}

	private final long seed;

	private final YearMonth asOf;

	private final Map<String, Month> months = new HashMap<>();

	OhssSampleCounts(long seed, YearMonth asOf) {
		this.seed = seed;
		this.asOf = asOf;
	}

	/**
	 * A component's counts in a month, as the edition publishes them.
	 * @param month a month from October 2018 to the edition's as-of month
	 * @param component the component
	 * @return the counts
	 */
	Month month(YearMonth month, Component component) {
		return this.months.computeIfAbsent(month + " " + component, (key) -> compute(month, component));
	}

	static boolean title42Applies(YearMonth month) {
		return !month.isBefore(TITLE_42_FROM) && !month.isAfter(TITLE_42_TO);
	}

	static boolean mppApplies(YearMonth month) {
		boolean paused = !month.isBefore(MPP_PAUSE_FROM) && !month.isAfter(MPP_PAUSE_TO);
		return !month.isBefore(MPP_FROM) && !month.isAfter(MPP_TO) && !paused;
	}

	private Month compute(YearMonth month, Component component) {
		SplittableRandom random = new SplittableRandom(
				this.seed * 1_000_003L + monthIndex(month) * 31L + component.ordinal());
		int fiscalYear = fiscalYear(month);
		long[] levels = MONTHLY_LEVELS[Math.min(Math.max(fiscalYear - 2019, 0), MONTHLY_LEVELS.length - 1)];
		long base = Math.round(levels[component.ordinal()] * (0.85 + 0.3 * random.nextDouble()));
		long encounters = base + revisions(month, component);

		Map<Outcome, Amount> outcomes = outcomes(month, component, encounters, random);
		double[] citizenshipWeights = (component == Component.USBP) ? USBP_CITIZENSHIP_WEIGHTS
				: OFO_CITIZENSHIP_WEIGHTS;
		long[] citizenships = split(encounters, withOthers(citizenshipWeights), random);
		long nationwideExtra = 0;
		long[] extraByCitizenship = new long[CITIZENSHIPS.size()];
		if (component == Component.USBP) {
			nationwideExtra = Math.round(encounters * (0.02 + 0.03 * random.nextDouble()));
			long[] extra = split(nationwideExtra, withOthers(citizenshipWeights), random);
			System.arraycopy(extra, 0, extraByCitizenship, 0, extraByCitizenship.length);
		}
		return new Month(encounters, outcomes, citizenships, nationwideExtra, extraByCitizenship);
	}

	private static Map<Outcome, Amount> outcomes(YearMonth month, Component component, long encounters,
			SplittableRandom random) {
		boolean usbp = component == Component.USBP;
		boolean title42 = title42Applies(month);
		boolean mpp = mppApplies(month);
		boolean hhsNotAvailable = !usbp && fiscalYear(month) == OFO_HHS_NOT_AVAILABLE_YEAR;
		Map<Outcome, Double> weights = new EnumMap<>(Outcome.class);
		weights.put(Outcome.T8_REPATRIATIONS, usbp ? 0.15 : 0.10);
		weights.put(Outcome.T42_EXPULSIONS, title42 ? (usbp ? 0.60 : 0.08) : 0.0);
		weights.put(Outcome.MPP, mpp ? mppWeight(month, usbp) : 0.0);
		weights.put(Outcome.TRANSFERS_TO_ICE, usbp ? 0.25 : 0.10);
		weights.put(Outcome.TRANSFERS_TO_HHS, hhsNotAvailable ? 0.0 : (usbp ? 0.06 : 0.02));
		weights.put(usbp ? Outcome.USBP_RELEASES : Outcome.OFO_PAROLES, usbp ? 0.20 : 0.60);
		weights.put(Outcome.OTHER, usbp ? 0.01 : 0.02);
		List<Outcome> present = List.copyOf(weights.keySet());
		double[] shares = present.stream().mapToDouble(weights::get).toArray();
		long[] counts = split(encounters, shares, random);
		Map<Outcome, Amount> outcomes = new EnumMap<>(Outcome.class);
		for (int i = 0; i < present.size(); i++) {
			Outcome outcome = present.get(i);
			boolean notApplicable = (outcome == Outcome.T42_EXPULSIONS && !title42) || (outcome == Outcome.MPP && !mpp);
			if (notApplicable) {
				outcomes.put(outcome, Amount.NOT_APPLICABLE);
			}
			else if (outcome == Outcome.TRANSFERS_TO_HHS && hhsNotAvailable) {
				outcomes.put(outcome, Amount.NOT_AVAILABLE);
			}
			else {
				outcomes.put(outcome, Amount.of(counts[i]));
			}
		}
		return outcomes;
	}

	private static double mppWeight(YearMonth month, boolean usbp) {
		if (month.isBefore(YearMonth.of(2020, 4))) {
			return usbp ? 0.07 : 0.05;
		}
		return month.isBefore(MPP_PAUSE_FROM) ? 0.012 : 0.006;
	}

	/**
	 * The sum of the revisions every edition up to this one made to a month: the two
	 * months before an edition's own month get late records, and one older month, drawn
	 * for each edition, is corrected.
	 */
	private long revisions(YearMonth month, Component component) {
		long total = 0;
		for (YearMonth edition = month.plusMonths(1); !edition.isAfter(this.asOf); edition = edition.plusMonths(1)) {
			SplittableRandom random = new SplittableRandom(this.seed * 7_919L + monthIndex(edition) * 131L + 17);
			long lateRecords = 20 + random.nextInt(180);
			int lateMonths = (int) (monthIndex(edition) - monthIndex(month));
			if (lateMonths <= 2) {
				total += lateRecords * (component == Component.USBP ? 3 : 1) / lateMonths;
			}
			long olderMonths = monthIndex(edition.minusMonths(13)) - monthIndex(FIRST_MONTH);
			if (olderMonths > 0) {
				YearMonth corrected = FIRST_MONTH.plusMonths(random.nextInt((int) olderMonths + 1));
				Component correctedComponent = Component.values()[random.nextInt(2)];
				long correction = 40 + random.nextInt(260);
				if (corrected.equals(month) && correctedComponent == component) {
					total += correction;
				}
			}
		}
		return total;
	}

	/**
	 * Splits a total by weights, each varied by a random factor (drawn even for a zero
	 * weight, so that the draws stay aligned): the floors of the shares, and what the
	 * floors leave to the last part, which must have a weight.
	 */
	private static long[] split(long total, double[] weights, SplittableRandom random) {
		double[] varied = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			varied[i] = weights[i] * (0.8 + 0.4 * random.nextDouble());
			sum += varied[i];
		}
		long[] parts = new long[weights.length];
		long assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			parts[i] = (long) Math.floor(total * varied[i] / sum);
			assigned += parts[i];
		}
		parts[weights.length - 1] += total - assigned;
		return parts;
	}

	private static double[] withOthers(double[] weights) {
		double[] all = new double[weights.length + 1];
		System.arraycopy(weights, 0, all, 0, weights.length);
		all[weights.length] = OTHERS_WEIGHT;
		return all;
	}

	static int fiscalYear(YearMonth month) {
		return FiscalCalendar.fiscalYearOf(month.atDay(1));
	}

	private static long monthIndex(YearMonth month) {
		return month.getYear() * 12L + month.getMonthValue() - 1;
	}

}
