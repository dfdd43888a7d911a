package org.courtstats.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.courtstats.eoir.EoirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(OutputCaptureExtension.class)
class InboxTests {

	@TempDir
	Path inbox;

	/** Beside the inbox. */
	@TempDir
	Path folder;

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
	void aFolderNamedAsAReleaseWithNoTableItRecognisesIsNamedInAWarning(CapturedOutput output) throws IOException {
		// given: a dated folder whose tables are not named as EOIR names them
		Path folder = Files.createDirectories(this.inbox.resolve("EOIR Case Data 2026-0501/EOIR Case Data"));
		Files.writeString(folder.resolve("A_TblCase.txt"), "IDNCASE\n");

		// when
		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, null);

		// then
		assertThat(releases).isEmpty();
		assertThat(output.getAll()).contains("EOIR Case Data 2026-0501 is named as a release but holds no A_TblCase "
				+ "or B_TblProceeding table the load recognises");
	}

	@Test
	void aFileAtTheTopThatNoSourceReadsIsNamedWithWhatIsRead(CapturedOutput output) throws IOException {
		// given: beside a release folder, an old-format workbook, an encounters file not
		// named so, an archive, notes, a download in progress, a lock file and a marker
		// beside a workbook
		release("EOIR Case Data 2026-0401");
		for (String name : List.of("OHSS Monthly Tables 2024-08.xls", "cbp-fy24.csv", "EOIR Case Data 2026-0501.7z",
				"README.md", "notes.txt", ".cbp-nationwide-encounters.csv.part", "~$OHSS.xlsx", "OHSS.xlsx.done",
				"OHSS.xlsx")) {
			Files.writeString(this.inbox.resolve(name), "x");
		}

		// when
		List<BorderFile> files = Inbox.borderFiles(this.inbox);

		// then: the workbook is read; the three data-like files are warned about with
		// what is read, the two notes are mentioned, the rest pass unmentioned
		assertThat(files).extracting(BorderFile::fileName).containsExactly("OHSS.xlsx");
		assertThat(output.getAll())
			.contains("OHSS Monthly Tables 2024-08.xls is not a delivery the load reads: "
					+ "it is not loaded. DHS OHSS workbooks are read as .xlsx")
			.contains("cbp-fy24.csv is not a delivery the load reads: it is not loaded. A CBP encounter file is read "
					+ "when its name speaks of encounters")
			.contains("EOIR Case Data 2026-0501.7z is not a delivery the load reads: it is not loaded. The inbox takes")
			.doesNotContain(".part is not")
			.doesNotContain("~$OHSS.xlsx is not")
			.doesNotContain(".done is not");
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("is not a delivery")).toList();
		assertThat(lines).filteredOn((line) -> line.contains("WARN")).hasSize(3);
		assertThat(lines).filteredOn((line) -> line.contains("INFO"))
			.hasSize(2)
			.anyMatch((line) -> line.endsWith("README.md is not a delivery the load reads: it is not loaded."))
			.anyMatch((line) -> line.endsWith("notes.txt is not a delivery the load reads: it is not loaded."));
	}

	@Test
	void filesAtTheTopOfAnInboxThatIsItselfAReleaseFolderAreItsOwn(CapturedOutput output) throws IOException {
		Files.writeString(this.inbox.resolve("A_TblCase.csv"), "IDNCASE\n");
		Files.writeString(this.inbox.resolve("Count.txt"), "A_TblCase\t0\n");

		assertThat(Inbox.borderFiles(this.inbox)).isEmpty();
		assertThat(output.getAll()).doesNotContain("is not a delivery");
	}

	@Test
	void aPipeOrAFolderNamedAsADeliveryIsNamedInAWarning(CapturedOutput output) throws Exception {
		// given: a named pipe at the top and in a release, folders named as a workbook
		// and an encounters file
		release("EOIR Case Data 2026-0401");
		Path pipe = this.inbox.resolve("weird-encounters.csv");
		Path pipeInRelease = this.inbox.resolve("EOIR Case Data 2026-0401/EOIR Case Data/tbl_schedule.csv");
		for (Path path : List.of(pipe, pipeInRelease)) {
			assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
		}
		Files.createDirectories(this.inbox.resolve("dir-encounters.csv"));
		Files.createDirectories(this.inbox.resolve("OHSS.xlsx"));

		// when
		List<BorderFile> files = Inbox.borderFiles(this.inbox);
		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, null);

		// then
		assertThat(files).isEmpty();
		assertThat(releases).singleElement()
			.satisfies((release) -> assertThat(release.files()).extracting(DeliveredFile::fileName)
				.doesNotContain("tbl_schedule.csv"));
		assertThat(output.getAll())
			.contains(pipe + " is not a regular file (a named pipe, socket or device): it is not read.")
			.contains(pipeInRelease + " is not a regular file")
			.contains(this.inbox.resolve("dir-encounters.csv") + " is a folder named as a delivery: it is not loaded.")
			.contains(this.inbox.resolve("OHSS.xlsx") + " is a folder named as a delivery");
	}

	@Test
	void anInboxThatIsItselfAReleaseFolderIsOneRelease() throws IOException {
		Files.writeString(this.inbox.resolve("A_TblCase.csv"), "IDNCASE\n");

		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, "EOIR Case Data 2026-0601");

		assertThat(releases).singleElement().satisfies((release) -> {
			assertThat(release.label()).isEqualTo("EOIR Case Data 2026-0601");
			assertThat(release.location()).isEqualTo(this.inbox);
			assertThat(release.isZip()).isFalse();
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
	void anInboxThatIsOneReleaseAsItsZipUnpacksIsReadWholeLookupsAndCountsIncluded(CapturedOutput output)
			throws IOException {
		// given: the inbox pointed at the release folder itself
		release("EOIR Case Data 2026-0401");
		Path folder = this.inbox.resolve("EOIR Case Data 2026-0401");

		// when
		List<EoirRelease> named = Inbox.eoirReleases(folder, null);
		List<EoirRelease> labelled = Inbox.eoirReleases(folder, "EOIR Case Data 2026-0402");

		// then: one release, its case tables beside its lookups and Count.txt
		assertThat(named).singleElement().satisfies((release) -> {
			assertThat(release.label()).isEqualTo("EOIR Case Data 2026-0401");
			assertThat(release.location()).isEqualTo(folder);
			assertThat(release.tableFiles()).extracting(DeliveredFile::relativePath)
				.containsExactly("EOIR Case Data/a_tblcase.CSV", "Lookup/tblLookUpCaseIdentifier.csv");
			assertThat(release.skippedFiles()).extracting(DeliveredFile::relativePath).contains("Count.txt");
		});
		assertThat(labelled).singleElement().satisfies((release) -> {
			assertThat(release.label()).isEqualTo("EOIR Case Data 2026-0402");
			assertThat(release.location()).isEqualTo(folder);
		});
		assertThat(output.getAll()).doesNotContain("holds EOIR lookups but no case tables");
	}

	@Test
	void aLookupFolderBesideDatedReleasesIsNamedInAWarning(CapturedOutput output) throws IOException {
		release("EOIR Case Data 2026-0401");
		Files.createDirectories(this.inbox.resolve("Lookup"));
		Files.writeString(this.inbox.resolve("Lookup/tblLookupJudge.csv"), "JUDGE_CODE\n");

		assertThat(Inbox.eoirReleases(this.inbox, null)).extracting(EoirRelease::label)
			.containsExactly("EOIR Case Data 2026-0401");
		assertThat(output.getAll()).contains(this.inbox.resolve("Lookup") + " holds EOIR lookups but no case tables");
	}

	@Test
	void aLabelForAnInboxWithoutAReleaseIsRefused() throws IOException {
		Files.writeString(this.inbox.resolve("cbp-encounters.csv"), "Fiscal Year\n");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> Inbox.eoirReleases(this.inbox, "EOIR Case Data 2026-0401"))
			.withMessageContaining("--release 'EOIR Case Data 2026-0401'")
			.withMessageContaining(this.inbox.toAbsolutePath() + " holds none");
	}

	@Test
	void aMissingInboxIsNamed() {
		Path missing = this.inbox.resolve("nowhere");

		assertThatIllegalArgumentException().isThrownBy(() -> Inbox.eoirReleases(missing, null))
			.withMessageContaining(missing + " does not exist");
	}

	@Test
	void aFileGivenAsTheInboxIsNamed() throws IOException {
		Path file = Files.writeString(this.inbox.resolve("inbox.txt"), "not a folder");

		assertThatIllegalArgumentException().isThrownBy(() -> Inbox.eoirReleases(file, null))
			.withMessageContaining(file + " is not a folder");
		assertThatIllegalArgumentException().isThrownBy(() -> Inbox.borderFiles(file))
			.withMessageContaining(file + " is not a folder");
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
	void aReleaseZipIsReadInPlaceWithItsEntriesClassifiedWhateverFolderTheySitIn() throws IOException {
		// given: EOIR's layout, a flat entry, folder entries, and a folder release
		release("EOIR Case Data 2026-0401");
		Path zip = ReleaseZips.writeDeflate64(this.inbox.resolve("eoir case data 2026-0501.ZIP"), "EOIR Case Data/", "",
				"EOIR Case Data/A_TblCase.csv", "IDNCASE\n1\n", "Lookup/tblLookupJudge.csv", "JUDGE_CODE\n",
				"tbl_RepsAssigned.csv", "IDNREPSASSIGNED\n", "Count.txt", "A_TblCase\t1\n");

		// when
		List<EoirRelease> releases = Inbox.eoirReleases(this.inbox, null);

		// then
		assertThat(releases).extracting(EoirRelease::label)
			.containsExactly("EOIR Case Data 2026-0401", "eoir case data 2026-0501");
		EoirRelease zipped = releases.get(1);
		assertThat(zipped.isZip()).isTrue();
		assertThat(zipped.location()).isEqualTo(zip);
		assertThat(zipped.asOfDate()).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(zipped.tableFiles()).extracting(DeliveredFile::relativePath, DeliveredFile::table)
			.containsExactly(tuple("EOIR Case Data/A_TblCase.csv", EoirTables.CASE),
					tuple("Lookup/tblLookupJudge.csv", EoirTables.JUDGE),
					tuple("tbl_RepsAssigned.csv", EoirTables.REPS_ASSIGNED));
		assertThat(zipped.skippedFiles()).extracting(DeliveredFile::relativePath).containsExactly("Count.txt");
		DeliveredFile cases = zipped.tableFiles().get(0);
		assertThat(cases.zipEntry()).isTrue();
		assertThat(cases.path()).isEqualTo(zip);
		assertThat(cases.fileName()).isEqualTo("A_TblCase.csv");
		assertThat(cases.location()).isEqualTo(zip.toAbsolutePath() + "!/EOIR Case Data/A_TblCase.csv");
	}

	@Test
	void aZipWithoutADateInItsNameIsRefusedLikeAFolderUnlessTheOperatorNamesTheRelease() throws IOException {
		ReleaseZips.writeDeflate64(this.inbox.resolve("EOIR Case Data.zip"), "A_TblCase.csv", "IDNCASE\n");

		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> Inbox.eoirReleases(this.inbox, null))
			.withMessageContaining("The release zip " + this.inbox.resolve("EOIR Case Data.zip"))
			.withMessageContaining("carries no as-of date")
			.withMessageContaining("'EOIR Case Data 2026-0401.zip'")
			.withMessageContaining("--release");
		assertThat(Inbox.eoirReleases(this.inbox, "EOIR Case Data 2026-0601")).singleElement().satisfies((release) -> {
			assertThat(release.label()).isEqualTo("EOIR Case Data 2026-0601");
			assertThat(release.isZip()).isTrue();
			assertThat(release.tableFiles()).extracting(DeliveredFile::relativePath).containsExactly("A_TblCase.csv");
		});
	}

	@Test
	void theSameReleaseAsAZipAndAsAFolderIsRefused() throws IOException {
		release("EOIR Case Data 2026-0401");
		ReleaseZips.writeDeflate64(this.inbox.resolve("EOIR Case Data 2026-0401.zip"), "A_TblCase.csv", "IDNCASE\n");

		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> Inbox.eoirReleases(this.inbox, null))
			.withMessageContaining("holds release 'EOIR Case Data 2026-0401' twice")
			.withMessageContaining("remove the other");
	}

	@Test
	void aZipNotNamedAsEoirNamesItsReleaseIsRefusedWithWhatToDo() throws IOException {
		release("EOIR Case Data 2026-0401");
		ReleaseZips.writeDeflate64(this.inbox.resolve("FOIA-TRAC-Report.zip"), "A_TblCase.csv", "IDNCASE\n");

		assertThatExceptionOfType(IntakeException.class).isThrownBy(() -> Inbox.eoirReleases(this.inbox, null))
			.withMessageContaining("FOIA-TRAC-Report.zip: only a zip named as EOIR names its release")
			.withMessageContaining("rename it 'EOIR Case Data <date>.zip'");
	}

	@Test
	void aTruncatedZipIsNamedWithWhatToDo() throws IOException {
		Files.write(this.inbox.resolve("EOIR Case Data 2026-0401.zip"), new byte[] { 'P', 'K', 3, 4, 20, 0 });

		// found with no files, so that the other deliveries load; its run fails with this
		assertThat(Inbox.eoirReleases(this.inbox, null)).singleElement()
			.satisfies((release) -> assertThat(release.files()).isEmpty());
		assertThatExceptionOfType(IntakeException.class)
			.isThrownBy(() -> Inbox.filesOf(this.inbox.resolve("EOIR Case Data 2026-0401.zip")))
			.withMessageContaining("EOIR Case Data 2026-0401.zip cannot be read as a zip")
			.withMessageContaining("download the release again");
	}

	@Test
	void aZipHoldingATableTwiceIsRefused() throws IOException {
		ReleaseZips.writeDeflate64(this.inbox.resolve("EOIR Case Data 2026-0401.zip"), "EOIR Case Data/A_TblCase.csv",
				"IDNCASE\n", "old/a_tblcase.csv", "IDNCASE\n");

		assertThatExceptionOfType(IntakeException.class)
			.isThrownBy(() -> Inbox.filesOf(this.inbox.resolve("EOIR Case Data 2026-0401.zip")))
			.withMessageContaining("holds a_tblcase.csv twice")
			.withMessageContaining("'EOIR Case Data/A_TblCase.csv' and 'old/a_tblcase.csv'");
	}

	@Test
	void aReleaseIsArchivedWholeOnAnotherDisk() throws IOException {
		// given: a release with its marker, and an archive on another disk (memory)
		Path memory = Path.of("/dev/shm");
		assumeTrue(
				Files.isDirectory(memory) && Files.isWritable(memory)
						&& !Files.getFileStore(memory).equals(Files.getFileStore(this.inbox)),
				"no second disk to archive to");
		release("EOIR Case Data 2026-0401");
		Path marker = Files.createFile(this.inbox.resolve("EOIR Case Data 2026-0401.done"));
		Path archive = Files.createTempDirectory(memory, "archive");
		try {
			// when
			Path archived = Inbox.archive(this.inbox.resolve("EOIR Case Data 2026-0401"), archive);

			// then: all of it there, nothing of it left in the inbox nor half-copied
			assertThat(archived).isEqualTo(archive.resolve("EOIR Case Data 2026-0401"));
			assertThat(archived.resolve("EOIR Case Data/a_tblcase.CSV")).hasContent("IDNCASE");
			assertThat(archived.resolve("Lookup/tblLookUpCaseIdentifier.csv")).hasContent("strcode");
			assertThat(archived.resolve("Count.txt")).isRegularFile();
			assertThat(archive.resolve("EOIR Case Data 2026-0401.done")).isRegularFile();
			assertThat(this.inbox).isEmptyDirectory();
			assertThat(marker).doesNotExist();
			try (Stream<Path> archivedFiles = Files.list(archive)) {
				assertThat(archivedFiles.map((file) -> file.getFileName().toString()))
					.containsExactlyInAnyOrder("EOIR Case Data 2026-0401", "EOIR Case Data 2026-0401.done");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(archive);
		}
	}

	@Test
	void aDeliveryThatCannotBeArchivedStaysWholeAndTheMessageSaysWhy() throws IOException {
		// given: an archive whose place a file holds
		release("EOIR Case Data 2026-0401");
		Path blocked = Files.createFile(this.folder.resolve("blocked"));

		// when, then
		assertThatExceptionOfType(IntakeException.class)
			.isThrownBy(() -> Inbox.archive(this.inbox.resolve("EOIR Case Data 2026-0401"), blocked.resolve("archive")))
			.withMessageStartingWith(this.inbox.resolve("EOIR Case Data 2026-0401") + " was loaded but could not be "
					+ "moved to the archive " + blocked.resolve("archive") + ": ")
			.withMessageEndingWith(
					". It stays in the inbox, where it is recognised as loaded, and the next load " + "moves it.");
		assertThat(this.inbox.resolve("EOIR Case Data 2026-0401/EOIR Case Data/a_tblcase.CSV")).hasContent("IDNCASE");
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
