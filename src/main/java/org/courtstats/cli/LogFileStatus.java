package org.courtstats.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Says in one line that the log file cannot be written (a full disk), where the logging
 * system would print its report of each failed write, stack trace included: thousands of
 * lines in a night. Every other report of the logging system's goes where it went.
 */
final class LogFileStatus implements StatusListener {

	/** Spring Boot's listener, which prints the logging system's warnings and errors. */
	private static final String SPRING_BOOT_LISTENER = "org.springframework.boot.logging.logback.SystemStatusListener";

	private final List<StatusListener> others;

	private final PrintStream console;

	private final AtomicBoolean failing = new AtomicBoolean();

	LogFileStatus(List<StatusListener> others, PrintStream console) {
		this.others = others;
		this.console = console;
	}

	@Override
	public void addStatusEvent(Status status) {
		if (!(status.getOrigin() instanceof ResilientFileOutputStream file)) {
			this.others.forEach((other) -> other.addStatusEvent(status));
		}
		else if (status.getLevel() >= Status.WARN && this.failing.compareAndSet(false, true)) {
			// Once: the logging system reopens the file after a failure, which
			// succeeds on a full disk, and fails again at the next write.
			this.console.println("courtstats: the log file " + file.getFile() + " cannot be written (" + reason(status)
					+ "): lines are lost to it until it can; the console still shows each one, "
					+ "without stack traces");
		}
	}

	private static String reason(Status status) {
		Throwable failure = status.getThrowable();
		return (failure != null && failure.getMessage() != null) ? failure.getMessage() : status.getMessage();
	}

	/**
	 * Takes the place of Spring Boot's listener in the logging system once it is set up,
	 * handing it every report but those of the log file's writes.
	 */
	static final class Installer implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
				install(context.getStatusManager(), System.err);
			}
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER + 1;
		}

	}

	static void install(StatusManager statuses, PrintStream console) {
		List<StatusListener> listeners = statuses.getCopyOfStatusListenerList();
		if (listeners.stream().anyMatch(LogFileStatus.class::isInstance)) {
			return;
		}
		List<StatusListener> spring = listeners.stream()
			.filter((listener) -> listener.getClass().getName().equals(SPRING_BOOT_LISTENER))
			.toList();
		spring.forEach(statuses::remove);
		statuses.add(new LogFileStatus(spring, console));
	}

}
