package org.courtstats.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The password comes from the setting or from the file it names, and never from the URL.
 */
class DatabaseCredentialsTests {

	private static final String URL = "jdbc:postgresql://db.example.org:5432/courtstats";

	@TempDir
	Path folder;

	@Test
	void theFileIsReadWithoutItsFinalNewlineOnly() throws IOException {
		Path unix = Files.writeString(this.folder.resolve("unix"), " pass word \n");
		Path windows = Files.writeString(this.folder.resolve("windows"), "pass\r\n");
		Path two = Files.writeString(this.folder.resolve("two"), "pass\n\n");
		Path none = Files.writeString(this.folder.resolve("none"), "pass");

		assertThat(DatabaseCredentials.password(settings(null, unix.toString()))).isEqualTo(" pass word ");
		assertThat(DatabaseCredentials.password(settings(null, windows.toString()))).isEqualTo("pass");
		assertThat(DatabaseCredentials.password(settings(null, two.toString()))).isEqualTo("pass\n");
		assertThat(DatabaseCredentials.password(settings(null, none.toString()))).isEqualTo("pass");
	}

	@Test
	void theEnvironmentsPasswordIsUsedWhenNoFileIsSet() {
		assertThat(DatabaseCredentials.password(settings("s3cret", ""))).isEqualTo("s3cret");
		assertThat(DatabaseCredentials.password(settings("", null))).isNull();
	}

	@Test
	void anUnreadableFileIsNamed() {
		Path missing = this.folder.resolve("no-such-secret");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseCredentials.password(settings(null, missing.toString())))
			.withMessageStartingWith("Cannot read the database password file " + missing.toAbsolutePath())
			.withMessageContaining("NoSuchFileException")
			.withMessageContaining("COURTSTATS_DB_PASSWORD_FILE");
	}

	@Test
	void anEmptyFileOrBothSettingsAreRefused() throws IOException {
		Path empty = Files.writeString(this.folder.resolve("empty"), "\n");
		Path file = Files.writeString(this.folder.resolve("file"), "from-file\n");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseCredentials.password(settings(null, empty.toString())))
			.withMessageContaining(empty.toAbsolutePath() + " (COURTSTATS_DB_PASSWORD_FILE) is empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DatabaseCredentials.password(settings("from-env", file.toString())))
			.withMessageContaining("Set one of them")
			.withMessageNotContaining("from-env")
			.withMessageNotContaining("from-file");
	}

	@Test
	void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
		WarehouseSettings settings = new WarehouseSettings(URL + "?sslmode=require&Password=hunter2", "loader", null,
				null, 8, null, null);

		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseCredentials.password(settings))
			.withMessageContaining("COURTSTATS_DB_PASSWORD_FILE")
			.withMessageNotContaining("hunter2");
	}

	private static WarehouseSettings settings(String password, String passwordFile) {
		return new WarehouseSettings(URL, "loader", password, passwordFile, 8, null, null);
	}

}
