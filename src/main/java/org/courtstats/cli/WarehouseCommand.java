package org.courtstats.cli;

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
		this.spec.commandLine().getOut().println("The embedded warehouse is up. Query it with:");
		this.spec.commandLine().getOut().println("  " + embedded.psqlCommand());
		this.spec.commandLine().getOut().println("Press Ctrl-C to stop it.");
		this.spec.commandLine().getOut().flush();
		CountDownLatch stopped = new CountDownLatch(1);
		// Stopping the server on Ctrl-C or SIGTERM ends it too: that end is no crash.
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			context.close();
			this.spec.commandLine().getOut().println("The embedded warehouse has stopped.");
			this.spec.commandLine().getOut().flush();
			stopped.countDown();
		}, "warehouse-shutdown"));
		embedded.whenServerEnds(stopped::countDown);
		stopped.await();
		if (stopping.get()) {
			return ExitCodes.OK;
		}
		return Warehouse.endedWithItsServer(context, embedded, this.spec.commandLine().getErr(), "warehouse")
			.orElse(ExitCodes.OK);
	}

}
