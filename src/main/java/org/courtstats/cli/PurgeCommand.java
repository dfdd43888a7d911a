package org.courtstats.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courtstats.nightly.RunOperations;
import org.courtstats.warehouse.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats purge}: deletes old runs from the job repository, keeping what a
 * restart needs and the audit trail.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
		description = { "Deletes from the job repository (the batch.BATCH_* tables) the runs that ended longer ago "
				+ "than --older-than, with their steps, contexts and parameters, and then job instances left "
				+ "without a run. Every run of a release that can still be restarted (its latest run neither "
				+ "COMPLETED nor ABANDONED) is kept, since a restart resumes each step from that step's latest "
				+ "run. etl.load_run, the audit trail, is never touched. Takes the run lock." },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = { "0:done (the runs removed are listed, or none)",
				"2:usage error (an age like 90d)", "4:refused: a load is running against the warehouse" })
class PurgeCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Spec
	private CommandSpec spec;

	@Option(names = "--older-than", paramLabel = "AGE", required = true, converter = AgeConverter.class,
			description = "Age of the runs to delete, counted from their end: days (90d) or hours (36h).")
	private Duration olderThan;

	@Override
	public Integer call() {
		List<RunHistory.Run> removed;
		try (ConfigurableApplicationContext context = Warehouse.open()) {
			removed = context.getBean(RunOperations.class).purge(this.olderThan);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (removed.isEmpty()) {
			out.println("No run to purge: none ended that long ago, or each belongs to a release that can still "
					+ "be restarted.");
		}
		else {
			out.println("Removed from the job repository (etl.load_run keeps them):");
			for (RunHistory.Run run : removed) {
				out.println("  run " + run.executionId() + "  " + run.source() + "  '" + run.release() + "'  "
						+ run.status() + ", ended " + TIME.format(run.end()));
			}
		}
		out.flush();
		return ExitCodes.OK;
	}

	/**
	 * Reads {@code 90d} or {@code 36h}.
	 */
	static class AgeConverter implements ITypeConverter<Duration> {

		private static final Pattern AGE = Pattern.compile("(\\d+)([dh])");

		/** About a thousand years: ages beyond it reach past what a timestamp holds. */
		private static final Duration LONGEST = Duration.ofDays(365_000);

		@Override
		public Duration convert(String value) {
			Matcher matcher = AGE.matcher(value.strip().toLowerCase(Locale.ROOT));
			if (!matcher.matches()) {
				throw new IllegalArgumentException(
						"'" + value + "' is not an age: give days or hours, like 90d or 36h.");
			}
			String digits = matcher.group(1).replaceFirst("^0+(?=\\d)", "");
			long amount = (digits.length() > 9) ? Long.MAX_VALUE / 86_400 : Long.parseLong(digits);
			Duration age = matcher.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
			if (age.compareTo(LONGEST) > 0) {
				throw new IllegalArgumentException(
						"'" + value + "' is longer ago than any run: give at most " + LONGEST.toDays() + "d.");
			}
			return age;
		}

	}

}
