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
		exitCodeList = { "1:the server ended under it (killed, or a full disk): once the cause is fixed, run it again",
				"143:ended by SIGTERM (130: Ctrl-C), the normal way to stop it: the server stopped first" })
class WarehouseCommand implements Callable<Integer> {

	/**
	 * How long a stop waits for the context to close: past it, the process ends anyway.
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
		embedded.allowAnalystLogin();
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
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			// On the exit after a crash, no server is left to stop.
			boolean serving = embedded.serverEnded().isEmpty();
			stopping.set(true);
			context.close();
			awaitClosed(context);
			if (serving) {
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
		if (stopping.get()) {
			return ExitCodes.OK;
		}
		return Warehouse.endedWithItsServer(context, embedded, this.spec.commandLine().getErr(), "warehouse")
			.orElse(ExitCodes.OK);
	}

	/**
	 * Waits until the context is closed, its server stopped: Spring's own shutdown hook
	 * may be closing it, and {@code close()} then returns at once.
	 */
	private static void awaitClosed(ConfigurableApplicationContext context) {
		long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
		while (context.isActive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
