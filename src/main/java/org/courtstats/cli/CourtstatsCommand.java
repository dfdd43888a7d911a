package org.courtstats.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code courtstats} command and its sub-commands.
 */
@Command(name = "courtstats", mixinStandardHelpOptions = true, version = "courtstats 0.1.0",
		description = "Loads US immigration-court and border statistics into a PostgreSQL star schema.",
		subcommands = { LoadCommand.class, WarehouseCommand.class, GenerateSampleCommand.class, DictionaryCommand.class,
				StatusCommand.class, RestartCommand.class, StopCommand.class, AbandonCommand.class,
				RecoverCommand.class, PurgeCommand.class, ReportCommand.class, RejectsCommand.class,
				ReplayRejectsCommand.class, ScheduleCommand.class, PullCommand.class, BenchCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done, or nothing to do",
				"1:failed, stopped or refused; read the message: once the cause is fixed, the same command again "
						+ "resumes a failed or stopped load where it stopped",
				"2:usage or configuration error",
				"3:a release was held back: a table rejected more rows than the threshold allows, "
						+ "or a data-quality check failed",
				"4:refused: another load is running against the warehouse",
				"143:load or restart ended by SIGTERM: the run stopped after its current chunk; the same command "
						+ "resumes it (schedule and warehouse: their usual way to stop)" })
public class CourtstatsCommand implements Runnable {

	/**
	 * An argument naming a setting: {@code --} or {@code -D}, a dotted name, then its
	 * value after '='.
	 */
	private static final Pattern SETTING = Pattern.compile("(--|-D)([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)(?:=(.*))?");

	/** A setting's name that speaks of a secret, whose value is never shown. */
	static final Pattern SECRET_NAME = Pattern.compile("(?i)pass|secret|token|credential|key");

	private static final Pattern PLAIN_VALUE = Pattern.compile("[\\w.,:/-]+");

	/** How picocli names a parameter without an option: by its index, then its label. */
	private static final Pattern POSITIONAL = Pattern.compile("positional parameter at index \\d+ \\(([^)]+)\\)");

	/** A whole number in digits, whatever its size. */
	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");

	@Spec
	private CommandSpec spec;

	/**
	 * Parses the arguments and runs the command they name.
	 * @param args the program arguments
	 * @return the exit code
	 */
	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	/**
	 * Runs a command with the given output streams.
	 * @param out where results go
	 * @param err where errors go
	 * @param args the arguments
	 * @return the exit code
	 */
	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		Optional<String> secret = CommandLineSecrets.refusal(args, System.getProperties());
		if (secret.isPresent()) {
			err.println("courtstats: " + secret.get());
			return ExitCodes.USAGE;
		}
		CommandLine commandLine = new CommandLine(new CourtstatsCommand());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			PrintWriter errors = ex.getCommandLine().getErr();
			CommandLine.Model.CommandSpec command = ex.getCommandLine().getCommandSpec();
			String help = "'" + command.qualifiedName() + " --help' lists "
					+ ((command.parent() == null) ? "the commands." : "the command's options.");
			Optional<String> hint = (ex instanceof CommandLine.UnmatchedArgumentException unmatched)
					? settingHint(unmatched.getUnmatched()) : Optional.empty();
			if (hint.isPresent()) {
				// A setting in the command's arguments: the hint, without the argument
				// as given, which may hold a password.
				errors.println("courtstats: " + hint.get() + " (" + help + ")");
				return ExitCodes.USAGE;
			}
			// What is wrong and where the options are, not lost above the whole usage.
			errors.println("courtstats: " + POSITIONAL.matcher(ex.getMessage()).replaceAll("$1"));
			CommandLine.UnmatchedArgumentException.printSuggestions(ex, errors);
			errors.println(help);
			return ExitCodes.USAGE;
		});
		// Numbers as an operator reads them: "not a whole number", not "not a long".
		commandLine.registerConverter(Long.class, CourtstatsCommand::wholeNumber);
		commandLine.registerConverter(Long.TYPE, CourtstatsCommand::wholeNumber);
		commandLine.registerConverter(Integer.class, CourtstatsCommand::smallWholeNumber);
		commandLine.registerConverter(Integer.TYPE, CourtstatsCommand::smallWholeNumber);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			cmd.getErr().println(cmd.getColorScheme().errorText("courtstats: " + ExitCodes.describe(ex)));
			return ExitCodes.of(ex);
		});
		return commandLine.execute(args);
	}

	static long wholeNumber(String value) {
		String digits = value.strip();
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			if (WHOLE_NUMBER.matcher(digits).matches()) {
				throw outOfRange(value, digits.startsWith("-"));
			}
			throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
		}
	}

	static int smallWholeNumber(String value) {
		long number = wholeNumber(value);
		if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
			throw outOfRange(value, number < 0);
		}
		return (int) number;
	}

	private static CommandLine.TypeConversionException outOfRange(String value, boolean negative) {
		return new CommandLine.TypeConversionException("'" + value + "' is too " + (negative ? "small" : "large"));
	}

	/**
	 * What to do with a setting given as an option ({@code --courtstats.x=y}, as other
	 * Spring programs take it, or {@code -Dcourtstats.x=y} after the jar): the arguments
	 * are the command's own, so a setting goes before {@code -jar} or into the
	 * environment.
	 * @param unmatched the arguments no option took
	 * @return the hint, naming the first such setting, or empty
	 */
	static Optional<String> settingHint(List<String> unmatched) {
		return unmatched.stream().map(SETTING::matcher).filter(Matcher::matches).findFirst().map((setting) -> {
			String name = setting.group(2);
			String value = shown(name, setting.group(3));
			String hint = "'" + setting.group(1) + name
					+ "' is a setting, not an option of the command: give it before -jar, as java -D" + name + "="
					+ value + " -jar courtstats.jar ...";
			// Spring maps an environment variable's underscores to dots, so a name with
			// one of its own has no such form.
			return name.contains("_") ? hint + "." : hint + ", or in the environment, as "
					+ name.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT) + "=" + value + ".";
		});
	}

	/**
	 * The value to show in the hint: the one given when it is plain (letters, digits,
	 * {@code . , : / -}) and its setting names no secret, else a placeholder, so that the
	 * hint neither repeats a credential nor breaks a command when pasted.
	 */
	private static String shown(String name, String value) {
		boolean secret = SECRET_NAME.matcher(name).find();
		return (value == null || secret || !PLAIN_VALUE.matcher(value).matches()) ? "VALUE" : value;
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getErr());
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Name a command: load, schedule, warehouse, generate-sample, dictionary, status, restart, stop, "
						+ "abandon, recover, purge, report, rejects, replay-rejects, pull or bench.");
	}

}
