package org.courtstats.cli;

import java.io.PrintWriter;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.courtstats.CourtstatsApplication;
import org.courtstats.nightly.InvalidSettingException;
import org.courtstats.nightly.LoadFailures;
import org.courtstats.observability.MetricsSettings;
import org.courtstats.warehouse.EmbeddedWarehouse;
import org.courtstats.warehouse.RunLockException;
import org.courtstats.warehouse.WarehouseSchemaTooNewException;
import org.courtstats.warehouse.WarehouseSettings;
import org.courtstats.warehouse.WarehouseUnavailableException;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the application context: connects to (or starts) the warehouse and migrates it.
 */
final class Warehouse {

	/** A parameter of an address that carries a secret, such as {@code password=...}. */
	private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)\\b(password|pwd|secret|token)=[^&\\s]*");

	/** The user information of an address: after its scheme, up to an {@code @}. */
	private static final Pattern CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]*@");

	/** How Spring Boot's failure to set up logging (its log file, say) begins. */
	private static final String LOGGING_FAILED = "Logback configuration error detected";

	/** Where the console's log lines go, System.out unless set (logback-spring.xml). */
	static final String CONSOLE_LOG_TARGET = "courtstats.console-log-target";

	private Warehouse() {
	}

	/**
	 * The context of a command that loads no release but may change runs
	 * ({@code abandon}, {@code recover}, {@code purge}, {@code pull},
	 * {@code replay-rejects}): it pushes no meters, which would replace those the last
	 * load pushed, and needs an embedded warehouse to itself.
	 * @return the started context
	 */
	static ConfigurableApplicationContext open() {
		return open(false, false);
	}

	/**
	 * The context of a command that loads: it pushes its meters to the Pushgateway when
	 * one is set ({@code courtstats.metrics.pushgateway-url}), and needs an embedded
	 * warehouse to itself.
	 * @return the started context
	 */
	static ConfigurableApplicationContext openForLoad() {
		return open(true, false);
	}

	/**
	 * Ends a command that keeps running on the embedded warehouse once the server it
	 * started has ended under it: every later use would fail, and a supervisor that
	 * restarts a failed process starts the server again.
	 * @param context the command's context, closed when the server ended
	 * @param embedded the embedded warehouse, or null when a server is configured
	 * @param err where to say why
	 * @param command what stops, for the message
	 * @return exit code 1 when the server ended; empty when it runs
	 */
	static OptionalInt endedWithItsServer(ConfigurableApplicationContext context, EmbeddedWarehouse embedded,
			PrintWriter err, String command) {
		Optional<String> ended = (embedded != null) ? embedded.serverEnded() : Optional.empty();
		if (ended.isEmpty()) {
			return OptionalInt.empty();
		}
		err.println("The " + command + " stops: " + ended.get() + ".");
		context.close();
		return OptionalInt.of(ExitCodes.FAILED);
	}

	/**
	 * The context of a short command that changes no run's data ({@code status},
	 * {@code stop}, {@code report}, ...): it may use the embedded server of another
	 * courtstats process, and pushes no meters.
	 * @return the started context
	 */
	static ConfigurableApplicationContext openShared() {
		return open(false, true, Map.of());
	}

	/**
	 * The context of a short command whose standard output is data ({@code dictionary} to
	 * standard output): as {@link #openShared()}, its log lines on standard error.
	 * @return the started context
	 */
	static ConfigurableApplicationContext openSharedLoggingToStandardError() {
		return open(false, true, Map.of(CONSOLE_LOG_TARGET, "System.err"));
	}

	private static ConfigurableApplicationContext open(boolean pushesMeters, boolean sharesEmbedded) {
		return open(pushesMeters, sharesEmbedded, Map.of());
	}

	private static ConfigurableApplicationContext open(boolean pushesMeters, boolean sharesEmbedded,
			Map<String, Object> logging) {
		StartingSettings settings = new StartingSettings();
		try {
			return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.NONE)
				.properties(logging)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.listeners(new LogFolderCheck(), new LogFileStatus.Installer(), settings)
				// First among the settings, so that no setting given to the program
				// changes what the command is.
				.initializers((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("courtstats-command",
							Map.of(MetricsSettings.PUSHES_METERS, pushesMeters, WarehouseSettings.SHARES_EMBEDDED,
									sharesEmbedded))))
				.run();
		}
		catch (RuntimeException ex) {
			throw startFailure(ex, settings);
		}
	}

	/**
	 * The failure to start the application context, as the operator reads it: a setting
	 * the program cannot use (a usage error, exit 2), or a warehouse it cannot open.
	 * @param ex the failure
	 * @param settings the settings the command started with
	 * @return what to throw
	 */
	static RuntimeException startFailure(RuntimeException ex, StartingSettings settings) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidSettingException invalid) {
				return settings.named(invalid);
			}
			if (cause instanceof WarehouseSchemaTooNewException tooNew) {
				return tooNew;
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind) {
				return invalidSetting(bind);
			}
			if (cause instanceof RunLockException inUse) {
				return inUse;
			}
			if (cause instanceof PortInUseException port) {
				return new InvalidSettingException(
						"The HTTP port " + port.getPort() + " (server.port, "
								+ "COURTSTATS_HTTP_PORT) is in use by another process: stop it, or set another port.",
						ex);
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalStateException && cause.getMessage() != null
					&& cause.getMessage().startsWith(LOGGING_FAILED)) {
				String first = cause.getMessage()
					.lines()
					.filter((line) -> line.contains("ERROR in"))
					.findFirst()
					.map((line) -> line.replaceFirst("^.*? - ", "").strip())
					.orElse(cause.getMessage());
				return LogFolderCheck.unwritable(first, ex);
			}
		}
		WarehouseUnavailableException ours = find(ex);
		if (ours != null) {
			return ours;
		}
		String reason = withoutCredentials(LoadFailures.rootMessage(ex));
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException unknown) {
				// Its message is the bare host name.
				reason = "the host name " + unknown.getMessage() + " does not resolve";
			}
		}
		Optional<String> embedded = settings.embeddedDataDirectory();
		if (embedded.isPresent() && reason.contains("Connection refused")) {
			// Its server was found serving moments before: the process that served it
			// ended meanwhile, as a load does once it is done.
			return new WarehouseUnavailableException("The embedded warehouse (" + embedded.get()
					+ ") could not be reached: " + reason.replaceAll("\\.$", "") + ". Another courtstats process "
					+ "serving it (a load, schedule or warehouse) may have ended meanwhile: run the command again; if "
					+ "this repeats, the log says why its server did not start.", ex);
		}
		String roles = reason.contains("permission denied")
				? " If the roles courtstats_loader and courtstats_analyst exist already, the user must hold them "
						+ "with the admin option."
				: "";
		return new WarehouseUnavailableException("The warehouse could not be opened: " + reason.replaceAll("\\.$", "")
				+ ". Check COURTSTATS_DB_URL, COURTSTATS_DB_USER and COURTSTATS_DB_PASSWORD, and that the user "
				+ "may create schemas and roles (see README, 'Pointing at a real PostgreSQL')." + roles, ex);
	}

	/**
	 * A setting Spring could not bind, named with its value (unless its name speaks of a
	 * secret) and where the value came from.
	 */
	private static InvalidSettingException invalidSetting(BindException bind) {
		ConfigurationProperty property = bind.getProperty();
		String reason = LoadFailures.rootMessage(bind);
		if (property == null) {
			return new InvalidSettingException("The settings under " + bind.getName() + " cannot be read: "
					+ withoutCredentials(namingTheSetting(bind, reason).replaceAll("\\.$", ""))
					+ ". Fix them, then run the command again.", bind);
		}
		String name = property.getName().toString();
		String origin = (property.getOrigin() != null)
				? " (from " + StartingSettings.describe(property.getOrigin()) + ")" : "";
		if (CourtstatsCommand.SECRET_NAME.matcher(name).find()) {
			// Neither the value nor the reason, which may repeat it.
			return new InvalidSettingException("The setting " + name + origin + " has a value it cannot take. Fix "
					+ "it, then run the command again.", bind);
		}
		return new InvalidSettingException("The setting " + name + " is '"
				+ withoutCredentials(String.valueOf(property.getValue())) + "'" + origin + ", which it cannot take: "
				+ withoutCredentials(choices(bind).orElse(reason)) + ". Fix it, then run the command again.", bind);
	}

	/**
	 * The values a setting of a fixed set takes ({@code copy} or {@code jdbc-batch}), as
	 * an operator writes them, rather than the name of the Java type that has none by the
	 * value given.
	 */
	private static Optional<String> choices(BindException bind) {
		for (Throwable cause = bind.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConversionFailedException conversion
					&& conversion.getTargetType().getType().isEnum()) {
				return Optional.of("it takes " + Arrays.stream(conversion.getTargetType().getType().getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(" or ")));
			}
		}
		return Optional.empty();
	}

	/**
	 * The message of the settings' own check that refused a value, which names the
	 * setting (e.g. {@code courtstats.pull.sources.eoir.check-schedule '0 0 * * MON' is
	 * not a cron expression ...}), rather than its cause's, which does not.
	 */
	private static String namingTheSetting(BindException bind, String reason) {
		for (Throwable cause = bind.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException && cause.getMessage() != null
					&& cause.getMessage().startsWith("courtstats.")) {
				return cause.getMessage();
			}
		}
		return reason;
	}

	/**
	 * A text with the user and password of any address in it hidden
	 * ({@code https://***@host/}), as an address given for a setting may carry them.
	 */
	static String withoutCredentials(String text) {
		return SECRET_PARAMETER.matcher(CREDENTIALS.matcher(text).replaceAll("$1***@")).replaceAll("$1=***");
	}

	private static WarehouseUnavailableException find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WarehouseUnavailableException unavailable) {
				return unavailable;
			}
		}
		return null;
	}

}
