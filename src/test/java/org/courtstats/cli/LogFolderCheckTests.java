package org.courtstats.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.courtstats.nightly.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LogFolderCheckTests {

	@TempDir
	Path folder;

	@Test
	void createsAMissingFolderAndItsLogFileAndKeepsAnExistingLog() throws IOException {
		Path logs = this.folder.resolve("a/b/logs");

		LogFolderCheck.check(logs.toString());

		assertThat(logs.resolve("courtstats.log")).isRegularFile().isEmptyFile();
		Files.writeString(logs.resolve("courtstats.log"), "yesterday's lines\n");
		LogFolderCheck.check(logs.toString());
		assertThat(logs.resolve("courtstats.log")).hasContent("yesterday's lines");
	}

	@Test
	void aFileWhereTheFolderShouldBeIsASettingErrorNamingItsPath() throws IOException {
		Path file = Files.writeString(this.folder.resolve("logs"), "not a folder");

		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> LogFolderCheck.check(file.toString()))
			.withMessage("The log cannot be written (courtstats.log-dir, COURTSTATS_LOG_DIR): a file that is not a "
					+ "folder is in the way: " + file + ". Set it to a folder the user running courtstats may write.");
	}

	@Test
	void aFolderInTheWayOfTheLogFileIsASettingError() throws IOException {
		Files.createDirectories(this.folder.resolve("courtstats.log"));

		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> LogFolderCheck.check(this.folder.toString()))
			.withMessageStartingWith("The log cannot be written (courtstats.log-dir, COURTSTATS_LOG_DIR): ")
			.withMessageContaining(this.folder.resolve("courtstats.log").toString());
	}

}
