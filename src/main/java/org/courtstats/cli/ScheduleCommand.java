package org.courtstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.courtstats.CourtstatsApplication;
import org.courtstats.nightly.ScheduledNightlyLoad;
import org.courtstats.warehouse.EmbeddedWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.util.FileSystemUtils;

/**
 * {@code courtstats schedule}: keeps running, fires the nightly load on its cron schedule
 * and serves its health and meters over HTTP.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Keeps running and loads the inbox (courtstats.nightly-load.inbox) on the cron schedule "
				+ "courtstats.nightly-load.schedule (default '0 0 2 * * *', 02:00 every night), one run at a "
				+ "time: a run still going when the next fires, here or in another process, makes that " + "one skip.",
				"Serves /actuator/health and /actuator/prometheus on server.port (default 8080). "
						+ "SIGTERM (or Ctrl-C) stops a running load after its current chunk commits; the next run "
						+ "resumes it.",
				"Each load logs one line per release (its outcome and message) and a count by outcome." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"1:the embedded warehouse's server ended under it (killed, or a full disk): once the cause is "
						+ "fixed, start it again, which starts the server",
				"2:usage or configuration error (a setting it cannot use, an invalid cron expression, an archive "
						+ "folder inside the inbox)",
				"4:refused: another courtstats process still serves the embedded warehouse after "
						+ "courtstats.database.embedded.owner-wait: it did not start",
				"143:ended by SIGTERM (130: Ctrl-C), the normal way to stop it: a running load stopped after its "
						+ "current chunk, or finished its publication, first" })
class ScheduleCommand implements Callable<Integer> {

	/**
	 * Tomcat's folder: by default a temporary folder of the process's own.
	 */
	private static final String TOMCAT_BASEDIR = "server.tomcat.basedir";

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		ConfigurableApplicationContext context = open();
		int port = (context instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : -1;
		// A negative server.port starts no HTTP server: no address to give.
		String served = (port >= 0)
				? "health and meters at http://localhost:" + port + "/actuator/health and /actuator/prometheus"
				: "no health or meters served (server.port is " + context.getEnvironment().getProperty("server.port")
						+ ", which serves no HTTP; set a port to serve them)";
		this.spec.commandLine()
			.getOut()
			.println("Loading on schedule '"
					+ context.getEnvironment()
						.getProperty(ScheduledNightlyLoad.SCHEDULE, ScheduledNightlyLoad.DEFAULT_SCHEDULE)
					+ "'; " + served + ". Stop with SIGTERM or Ctrl-C.");
		this.spec.commandLine().getOut().flush();
		CountDownLatch closed = new CountDownLatch(1);
		// Closing on SIGTERM or Ctrl-C stops the embedded server too: that end is no
		// crash.
		AtomicBoolean closing = new AtomicBoolean();
		context.addApplicationListener((ContextClosedEvent event) -> {
			closing.set(true);
			closed.countDown();
		});
		EmbeddedWarehouse embedded = context.getBeanProvider(EmbeddedWarehouse.class).getIfAvailable();
		if (embedded != null) {
			embedded.whenServerEnds(closed::countDown);
		}
		if (context.isActive()) {
			closed.await();
		}
		if (closing.get()) {
			return ExitCodes.OK;
		}
		return Warehouse.endedWithItsServer(context, embedded, this.spec.commandLine().getErr(), "schedule")
			.orElse(ExitCodes.OK);
	}

	/**
	 * The one command with a web server: the others stay off the network. Tomcat works in
	 * a temporary folder of its own, removed when the process ends, where it would leave
	 * one behind on every start.
	 */
	static ConfigurableApplicationContext open() throws IOException {
		Path tomcat = Files.createTempDirectory("courtstats-tomcat");
		SpringApplication.getShutdownHandlers().add(() -> removeTomcatFolder(tomcat));
		StartingSettings settings = new StartingSettings();
		try {
			return new SpringApplicationBuilder(CourtstatsApplication.class).web(WebApplicationType.SERVLET)
				.profiles(ScheduledNightlyLoad.PROFILE)
				.properties(TOMCAT_BASEDIR + "=" + tomcat)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.listeners(new LogFolderCheck(), new LogFileStatus.Installer(), settings)
				.run();
		}
		catch (RuntimeException ex) {
			removeTomcatFolder(tomcat);
			throw Warehouse.startFailure(ex, settings);
		}
	}

	/**
	 * Removes Tomcat's folder, which holds nothing the next start needs.
	 */
	private static void removeTomcatFolder(Path tomcat) {
		try {
			FileSystemUtils.deleteRecursively(tomcat);
		}
		catch (IOException ex) {
			// left in the temporary folder, for the system's clean-up
		}
	}

}
