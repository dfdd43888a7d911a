package org.courtstats.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code bench} at a tiny size runs every phase and prints its figures: times, peak heaps
 * and the ratios computed from them beside their targets (the times themselves are not
 * asserted: they depend on the machine).
 */
class BenchCommandFunctionalTests {

	private static final Pattern PHASE = Pattern
		.compile("(?m)^(\\w+) +([\\d.]+|-) +([\\d.]+) +([\\d,]+|-) +([\\d,]+|-) +(\\d+)  (.*)$");

	@Test
	void printsEveryPhaseAndTheRatiosOfItsTimes(@TempDir Path work) throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exitCode = CourtstatsCommand.execute(new PrintWriter(out), new PrintWriter(err), "bench", "--proceedings",
				"2000", "--work-dir", work.toString());

		String printed = out.toString();
		assertThat(exitCode).as(printed + err).isZero();
		assertThat(printed).contains("courtstats bench: 2,000 proceedings", "release 'EOIR Case Data 2026-0401'",
				"release 'EOIR Case Data 2026-0501'",
				"release 'EOIR Case Data 2026-0401' at a quarter of the size (500 proceedings)");
		double raw = seconds(printed, "raw_copy", false);
		double full = seconds(printed, "full_load", true);
		double noop = seconds(printed, "noop_reload", true);
		double next = seconds(printed, "next_release", true);
		double jdbc = seconds(printed, "jdbc_batch_staging", true);
		double quarter = seconds(printed, "full_load_quarter", true);
		assertThat(ratio(printed, "full_load / raw_copy")).isCloseTo(full / raw, ofPrinted(full, raw));
		assertThat(ratio(printed, "noop_reload / raw_copy")).isCloseTo(noop / raw, ofPrinted(noop, raw));
		assertThat(ratio(printed, "next_release / raw_copy")).isCloseTo(next / raw, ofPrinted(next, raw));
		assertThat(ratio(printed, "jdbc_batch_staging / full_load")).isCloseTo(jdbc / full, ofPrinted(jdbc, full));
		assertThat(ratio(printed, "full_load / full_load_quarter")).isCloseTo(full / quarter, ofPrinted(full, quarter));
		Matcher size = Pattern.compile("full_load has ([\\d.]+) times the case-data rows").matcher(printed);
		assertThat(size.find()).as(printed).isTrue();
		assertThat(Double.parseDouble(size.group(1))).as("rows of the full release over the quarter's")
			.isBetween(3.5, 4.5);
		assertThat(printed).containsPattern("full_load / raw_copy +[\\d.]+ +<= +2\\.00  (PASS|MISS)")
			.containsPattern("noop_reload / raw_copy +[\\d.]+ +<= +0\\.05  (PASS|MISS)")
			.containsPattern("next_release / raw_copy +[\\d.]+ +<= +1\\.00  (PASS|MISS)")
			.containsPattern("jdbc_batch_staging / full_load +[\\d.]+ +>= +4\\.00  (PASS|MISS)")
			.containsPattern("full_load / full_load_quarter +[\\d.]+ +<= +4\\.40  (PASS|MISS)")
			.contains("Release 'EOIR Case Data 2026-0401' is already loaded; nothing to do")
			.containsPattern("stageRelease +[\\d.]+ s")
			.containsPattern("load/fct_proceeding.sql +[\\d.]+ s +[\\d,]+ +[\\d.]+ s +[\\d,]+\\R")
			.as("every integration statement, with its time in the full load and in the next release")
			.containsPattern("load/dedup_decision.sql +[\\d.]+ s +[\\d,]+ +[\\d.]+ s +[\\d,]+\\R");
		assertThat(printed)
			.as("the full load's warehouse vacuumed between the release again and the next one, in no ratio")
			.containsPattern("(?m)^noop_reload .*\\R^vacuum +[\\d.]+ +[\\d.]+ +- +- +0  in the benchmark's JVM, "
					+ "in no ratio.*\\R^next_release ");
		// The work folder is cleaned up.
		try (var left = Files.list(work)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void refusesASizeTooSmallForTheQuarterRelease(@TempDir Path work) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exitCode = CourtstatsCommand.execute(new PrintWriter(out), new PrintWriter(err), "bench", "--proceedings",
				"79", "--work-dir", work.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(err.toString()).contains("--proceedings must be at least 80, not 79");
	}

	/**
	 * A phase's seconds, checked positive, with its peak heap present when it is a load
	 * and its own time within its process's.
	 */
	private static double seconds(String printed, String phase, boolean load) {
		Matcher matcher = PHASE.matcher(printed);
		while (matcher.find()) {
			if (matcher.group(1).equals(phase)) {
				double seconds = Double.parseDouble(matcher.group(2));
				assertThat(seconds).as(phase).isPositive();
				assertThat(matcher.group(6)).as(phase + " exit code").isEqualTo("0");
				if (load) {
					assertThat(seconds).as(phase + " within its process")
						.isLessThan(Double.parseDouble(matcher.group(3)));
					assertThat(Long.parseLong(matcher.group(4).replace(",", ""))).as(phase + " peak heap MB")
						.isBetween(1L, 512L);
					assertThat(Long.parseLong(matcher.group(5).replace(",", ""))).as(phase + " live heap MB")
						.isBetween(0L, 512L);
				}
				return seconds;
			}
		}
		throw new AssertionError("No line for phase " + phase + " in:\n" + printed);
	}

	/**
	 * How far a ratio of the exact times may lie from the same ratio of the times printed
	 * to the millisecond: half a millisecond on each, and the ratio's own last digit.
	 */
	private static Offset<Double> ofPrinted(double numerator, double denominator) {
		double ratio = numerator / denominator;
		return within(ratio * (0.0005 / numerator + 0.0005 / denominator) * 1.01 + 0.0006);
	}

	private static double ratio(String printed, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " +([\\d.]+) ").matcher(printed);
		assertThat(matcher.find()).as(name + " in:\n" + printed).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
