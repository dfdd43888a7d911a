package org.courtstats.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.courtstats.warehouse.EmbeddedWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code courtstats warehouse}: starts the embedded warehouse and keeps it up for
 * analysts.
 */
@Command(name = "warehouse", mixinStandardHelpOptions = true,
		description = {
				"Starts the embedded warehouse (migrated to the current schema) and keeps it up until "
						+ "interrupted (Ctrl-C), printing the psql command that queries it.",
				"With COURTSTATS_DB_URL set, migrates that server and exits." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = {
				"0:another courtstats process serves the embedded warehouse (its psql line printed), or, "
						+ "with COURTSTATS_DB_URL, that server migrated",
				"1:the server ended under it (killed, or a full disk): once the cause is fixed, run it again",
				"2:usage or configuration error, or a warehouse a newer version of courtstats has migrated",
				"143:ended by SIGTERM (130: Ctrl-C), the normal way to stop it: the server stopped first" })
class WarehouseCommand implements Callable<Integer> {

	/**
	 * How long a stop waits for the context to close before it leaves out the word that
	 * the warehouse stopped.
	 */
	private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(2);

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		ConfigurableApplicationContext context = Warehouse.openShared();
		EmbeddedWarehouse embedded = context.getBeanProvider(EmbeddedWarehouse.class).getIfAvailable();
		if (embedded == null) {
			this.spec.commandLine().getOut().println("The warehouse is the configured server; it is migrated and up.");
			context.close();
			return ExitCodes.OK;
		}
		if (embedded.isServedByAnotherProcess()) {
			this.spec.commandLine()
				.getOut()
				.println("The embedded warehouse is up, served by another courtstats process: it stops when that "
						+ "process ends. Query it with:");
			this.spec.commandLine().getOut().println("  " + embedded.psqlCommand());
			context.close();
			return ExitCodes.OK;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		// Ctrl-C or SIGTERM stops the server: that end is no crash. The hook is in
		// place before the prompt, for a signal as soon as it shows.
		AtomicBoolean stopping = new AtomicBoolean();
		AtomicBoolean crashed = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			context.close();
			// On the exit after a crash, no server was left to stop.
			if (awaitClosed(context) && !crashed.get()) {
				this.spec.commandLine().getOut().println("The embedded warehouse has stopped.");
				this.spec.commandLine().getOut().flush();
			}
			stopped.countDown();
		}, "warehouse-shutdown"));
		embedded.whenServerEnds(stopped::countDown);
		this.spec.commandLine().getOut().println("The embedded warehouse is up. Query it with:");
		this.spec.commandLine().getOut().println("  " + embedded.psqlCommand());
		this.spec.commandLine().getOut().println("Press Ctrl-C to stop it.");
		this.spec.commandLine().getOut().flush();
		stopped.await();
		// Spring's own shutdown hook may have stopped the server before this one began.
		if (stopping.get() || shuttingDown()) {
			return ExitCodes.OK;
		}
		crashed.set(true);
		return Warehouse.endedWithItsServer(context, embedded, this.spec.commandLine().getErr(), "warehouse")
			.orElse(ExitCodes.OK);
	}

	/**
	 * Waits until the context is closed, its server stopped: Spring's own shutdown hook
	 * may be closing it, and {@code close()} then returns at once.
	 * @return whether it closed within the time allowed
	 */
	private static boolean awaitClosed(ConfigurableApplicationContext context) {
		long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
		while (context.isActive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return !context.isActive();
	}

	/**
	 * Whether the JVM is ending (a signal): it then takes no shutdown hook.
	 */
	private static boolean shuttingDown() {
		Thread probe = new Thread(() -> {
		}, "warehouse-shutdown-probe");
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

}
