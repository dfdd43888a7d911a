package org.courtstats.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery is read once it has gone unmodified for the settle time, or once its
 * {@code .done} marker is beside it.
 */
class InboxSettleTests {

	private static final Instant NOW = Instant.parse("2026-04-02T03:00:00Z");

	private static final Duration MINUTE = Duration.ofSeconds(60);

	@TempDir
	Path inbox;

	@Test
	void aFolderIsSettledOnlyWhenItsNewestFileIsOlderThanTheSettleTime() throws IOException {
		Path release = Files.createDirectories(this.inbox.resolve("EOIR Case Data 2026-0401/Lookup"));
		Path old = Files.writeString(release.resolve("tblLanguage.csv"), "x");
		Path recent = Files.writeString(release.getParent().resolve("A_TblCase.csv"), "x");
		Files.setLastModifiedTime(old, FileTime.from(NOW.minusSeconds(3600)));
		for (Path path : new Path[] { release, release.getParent() }) {
			Files.setLastModifiedTime(path, FileTime.from(NOW.minusSeconds(3600)));
		}

		Files.setLastModifiedTime(recent, FileTime.from(NOW.minusSeconds(59)));
		assertThat(Inbox.isSettled(release.getParent(), MINUTE, NOW)).isFalse();

		Files.setLastModifiedTime(recent, FileTime.from(NOW.minusSeconds(60)));
		assertThat(Inbox.isSettled(release.getParent(), MINUTE, NOW)).isTrue();
	}

	@Test
	void aDoneMarkerMakesAFileReadyAtOnceAndAZeroSettleTimeReadsEverything() throws IOException {
		Path workbook = Files.writeString(this.inbox.resolve("edition.xlsx"), "x");
		Files.setLastModifiedTime(workbook, FileTime.from(NOW.minusSeconds(5)));
		assertThat(Inbox.isSettled(workbook, MINUTE, NOW)).isFalse();
		assertThat(Inbox.isSettled(workbook, Duration.ZERO, NOW)).isTrue();

		Files.createFile(this.inbox.resolve("edition.xlsx.done"));

		assertThat(Inbox.isSettled(workbook, MINUTE, NOW)).isTrue();
		assertThat(Inbox.doneMarker(workbook)).isEqualTo(this.inbox.resolve("edition.xlsx.done").toAbsolutePath());
	}

}
