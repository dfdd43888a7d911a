package org.courtstats.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InboxTests {

	@TempDir
	Path inbox;

	@Test
	void findsReleaseFoldersOldestFirstWithTheirFilesClassified() throws IOException {
		// given
		release("EOIR Case Data 2026-0501");
		release("EOIR Case Data 2026-0401");
		Files.writeString(this.inbox.resolve("notes.txt"), "not a release");

		// when
		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, null);

		// then
		assertThat(releases).extracting(EoirRelease::label)
			.containsExactly("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0501");
		EoirRelease first = releases.get(0);
		assertThat(first.asOfDate()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(first.tableFiles()).extracting(DeliveredFile::relativePath)
			.containsExactly("EOIR Case Data/a_tblcase.CSV", "Lookup/tblLookUpCaseIdentifier.csv");
		assertThat(first.tableFiles().get(0).table()).isEqualTo(EoirTables.CASE);
		assertThat(first.skippedFiles()).extracting(DeliveredFile::relativePath)
			.containsExactly("Count.txt", "EOIR Case Data/tblProBono.csv");
	}

	@Test
	void anInboxThatIsItselfAReleaseFolderIsOneRelease() throws IOException {
		Files.writeString(this.inbox.resolve("A_TblCase.csv"), "IDNCASE\n");

		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, "EOIR Case Data 2026-0601");

		assertThat(releases).singleElement().satisfies((release) -> {
			assertThat(release.label()).isEqualTo("EOIR Case Data 2026-0601");
			assertThat(release.folder()).isEqualTo(this.inbox);
		});
	}

	@Test
	void aLabelForSeveralReleasesIsRefused() throws IOException {
		release("EOIR Case Data 2026-0401");
		release("EOIR Case Data 2026-0501");

		assertThatIllegalArgumentException().isThrownBy(() -> Inbox.eoirReleases(this.inbox, "x"))
			.withMessageContaining("holds 2");
	}

	@Test
	void aMissingInboxIsNamed() {
		Path missing = this.inbox.resolve("nowhere");

		assertThatIllegalArgumentException().isThrownBy(() -> Inbox.eoirReleases(missing, null))
			.withMessageContaining(missing.toString())
			.withMessageContaining("is not a folder");
	}

	@Test
	void aReleaseFolderWithoutADateIsRefusedSinceReleasesLoadInDateOrder() throws IOException {
		release("EOIR Case Data");

		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> Inbox.eoirReleases(this.inbox, null))
			.withMessageContaining("carries no as-of date")
			.withMessageContaining("--release");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Inbox.eoirReleases(this.inbox.resolve("EOIR Case Data"), "latest"))
			.withMessageContaining("--release 'latest' carries no as-of date");
	}

	@Test
	void aZippedReleaseIsRefusedWithWhatToDo() throws IOException {
		release("EOIR Case Data 2026-0401");
		Files.write(this.inbox.resolve("EOIR Case Data.zip"), new byte[] { 'P', 'K', 3, 4 });

		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> Inbox.eoirReleases(this.inbox, null))
			.withMessageContaining("EOIR Case Data.zip: zipped releases are not read")
			.withMessageContaining("unzip 'EOIR Case Data.zip' -d");
	}

	@Test
	void anEmptyInboxHasNoRelease() {
		assertThat(Inbox.eoirReleases(this.inbox, null)).isEmpty();
	}

	private void release(String label) throws IOException {
		Path folder = this.inbox.resolve(label);
		Files.createDirectories(folder.resolve("EOIR Case Data"));
		Files.createDirectories(folder.resolve("Lookup"));
		Files.writeString(folder.resolve("EOIR Case Data/a_tblcase.CSV"), "IDNCASE\n");
		Files.writeString(folder.resolve("EOIR Case Data/tblProBono.csv"), "idnProBono\n");
		Files.writeString(folder.resolve("Lookup/tblLookUpCaseIdentifier.csv"), "strcode\n");
		Files.writeString(folder.resolve("Count.txt"), "A_TblCase\t0\n");
	}

}
