package org.courtstats.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.core.BasicStatusManager;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.WarnStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogFileStatusTests {

	@TempDir
	Path folder;

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final List<Status> forwarded = new ArrayList<>();

	@Test
	void aLogFileThatCannotBeWrittenIsSaidOnceAndItsReportsGoNowhereElse() throws IOException {
		LogFileStatus status = new LogFileStatus(List.of(this.forwarded::add),
				new PrintStream(this.console, true, StandardCharsets.UTF_8));
		Path log = this.folder.resolve("courtstats.log");
		try (ResilientFileOutputStream file = new ResilientFileOutputStream(log.toFile(), true, 8192)) {
			for (int failure = 0; failure < 50; failure++) {
				status.addStatusEvent(new ErrorStatus("IO failure while writing to file [" + log + "]", file,
						new IOException("No space left on device")));
				status.addStatusEvent(new InfoStatus("Recovered from IO failure on file [" + log + "]", file));
			}
		}

		assertThat(this.console.toString(StandardCharsets.UTF_8)).isEqualTo("courtstats: the log file " + log
				+ " cannot be written (No space left on device): lines are lost to it until it can; the console "
				+ "still shows each one, without stack traces" + System.lineSeparator());
		assertThat(this.forwarded).isEmpty();
	}

	@Test
	void theLoggingSystemsOtherReportsGoWhereTheyWent() {
		LogFileStatus status = new LogFileStatus(List.of(this.forwarded::add),
				new PrintStream(this.console, true, StandardCharsets.UTF_8));
		WarnStatus warning = new WarnStatus("Attempted to append to non started appender [CONSOLE].", this);

		status.addStatusEvent(warning);

		assertThat(this.forwarded).containsExactly(warning);
		assertThat(this.console.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void itIsInstalledOnce() {
		BasicStatusManager statuses = new BasicStatusManager();
		StatusListener other = (status) -> {
		};
		statuses.add(other);

		LogFileStatus.install(statuses, System.err);
		LogFileStatus.install(statuses, System.err);

		assertThat(statuses.getCopyOfStatusListenerList()).hasSize(2)
			.contains(other)
			.filteredOn(LogFileStatus.class::isInstance)
			.hasSize(1);
	}

}
