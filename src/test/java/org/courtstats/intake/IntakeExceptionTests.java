package org.courtstats.intake;

import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery that cannot be read is named with what went wrong, in words, and what to do.
 */
class IntakeExceptionTests {

	@Test
	void aFileThatIsGoneIsSaidToBeGone() {
		IntakeException unreadable = IntakeException.unreadable("/srv/inbox/encounters.csv",
				new NoSuchFileException("/srv/inbox/encounters.csv"));

		assertThat(unreadable.getMessage()).startsWith("/srv/inbox/encounters.csv cannot be read: no such file or "
				+ "folder: /srv/inbox/encounters.csv. Check that it is there");
	}

	@Test
	void aDamagedZipIsToBeObtainedAgain() {
		IntakeException unreadable = IntakeException.unreadable("/srv/inbox/release.zip",
				new ZipException("invalid END header"));

		assertThat(unreadable.getMessage()).isEqualTo("/srv/inbox/release.zip cannot be read: invalid END header. "
				+ "The delivery is damaged: obtain it again from its publisher.");
	}

}
