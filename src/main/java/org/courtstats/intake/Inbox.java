package org.courtstats.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.courtstats.eoir.EoirTable;
import org.courtstats.eoir.EoirTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Finds the EOIR releases delivered to an inbox folder. A release is a folder that holds
 * {@code A_TblCase} or {@code B_TblProceeding} (names matched case-insensitively),
 * directly or in sub-folders such as {@code EOIR Case Data/} and {@code Lookup/} (the
 * inbox itself may be one), or a zip named as EOIR names it, {@code EOIR Case Data*.zip},
 * read in place. Releases come back oldest first, by the as-of date in their labels.
 */
public final class Inbox {

	private static final Logger logger = LoggerFactory.getLogger(Inbox.class);

	private static final int MAX_DEPTH = 4;

	private static final Set<String> DATA_LIKE = Set.of("xls", "xlsm", "xlsb", "ods", "csv", "tsv", "tab", "7z", "rar",
			"gz", "tgz", "bz2", "xz", "zst", "tar");

	private Inbox() {
	}

	/**
	 * Why a path that is not a folder cannot be the inbox, for a message.
	 * @param inbox the path given as the inbox
	 * @return "does not exist", or "is not a folder" for a file
	 */
	public static String notAFolder(Path inbox) {
		return Files.exists(inbox) ? "is not a folder" : "does not exist";
	}

	/**
	 * The releases in an inbox.
	 * @param inbox the inbox folder
	 * @param labelOverride a label given by the operator, for an inbox holding one
	 * release
	 * @return the releases, oldest first
	 * @throws InboxUnreadableException when the inbox cannot be listed
	 * @throws IntakeException when a release in it cannot be placed in date order (no
	 * date in its name, a zip not named as EOIR names its release, the same release
	 * twice) or a folder in it cannot be read
	 */
	public static List<EoirRelease> eoirReleases(Path inbox, String labelOverride) {
		if (!Files.isDirectory(inbox)) {
			throw new IllegalArgumentException("The inbox " + inbox.toAbsolutePath() + " " + notAFolder(inbox)
					+ ". Pass --inbox (or set courtstats.nightly-load.inbox) with the folder that holds the delivered releases.");
		}
		List<Path> locations = new ArrayList<>();
		List<Path> lookupFolders = new ArrayList<>();
		try (Stream<Path> children = Files.list(inbox)) {
			for (Path child : children.sorted().toList()) {
				if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && isReleaseFolderAtTop(child)) {
					locations.add(child);
				}
				else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && holdsLookupsOnly(child)) {
					lookupFolders.add(child);
				}
				else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
						&& ReleaseLabels.asOfDate(child.getFileName().toString()) != null) {
					// Named as a release, but no table read by its name: tables renamed
					// (.txt, .tsv) or deeper than the search goes would otherwise go
					// unseen.
					logger.warn("{} is named as a release but holds no A_TblCase or B_TblProceeding table the load "
							+ "recognises (EOIR's names, ending .csv, up to three folders down): it is not read.",
							child);
				}
				else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
						&& ZipReleases.isReleaseZipName(child.getFileName().toString())) {
					locations.add(child);
				}
				else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
						&& ZipReleases.isZipName(child.getFileName().toString())) {
					throw new IntakeException(child + ": only a zip named as EOIR names its release "
							+ "('EOIR Case Data.zip') is read. If it holds an EOIR release, rename it "
							+ "'EOIR Case Data <date>.zip' with the release's date, e.g. 'EOIR Case Data 2026-0401.zip'; "
							+ "otherwise move it out of the inbox.");
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new InboxUnreadableException(
					"The inbox " + inbox.toAbsolutePath() + " cannot be read: " + ex.getMessage(), ex);
		}
		if (locations.isEmpty() && isReleaseFolder(inbox)) {
			locations.add(inbox);
		}
		else if (isUnpackedRelease(inbox, locations, lookupFolders)) {
			// The release as EOIR's zip unpacks: the case tables' folder (named without
			// a date) beside Lookup/ and Count.txt. Read apart, the case tables would
			// load without the lookups and the counts.
			locations = new ArrayList<>(List.of(inbox));
			lookupFolders.clear();
		}
		lookupFolders.forEach((folder) -> logger.warn("{} holds EOIR lookups but no case tables: it is not read. "
				+ "Keep a release's Lookup/ folder inside the release folder.", folder));
		if (labelOverride != null && locations.isEmpty()) {
			throw new IllegalArgumentException("--release '" + labelOverride + "' labels the EOIR release to load, but "
					+ "the inbox " + inbox.toAbsolutePath() + " holds none (a folder holding A_TblCase or "
					+ "B_TblProceeding, or a zip named 'EOIR Case Data <date>.zip'). Leave out --release, or point "
					+ "--inbox at the release.");
		}
		if (labelOverride != null && locations.size() > 1) {
			throw new IllegalArgumentException("--release names one release, but the inbox " + inbox.toAbsolutePath()
					+ " holds " + locations.size() + ": "
					+ locations.stream().map((f) -> f.getFileName().toString()).toList()
					+ ". Leave out --release, or point --inbox at one release folder.");
		}
		List<EoirRelease> releases = new ArrayList<>();
		Map<String, Path> labels = new HashMap<>();
		for (Path location : locations) {
			boolean zip = Files.isRegularFile(location, LinkOption.NOFOLLOW_LINKS);
			String label = (labelOverride != null) ? labelOverride : zip ? ZipReleases.label(location)
					: location.toAbsolutePath().normalize().getFileName().toString();
			LocalDate asOfDate = ReleaseLabels.asOfDate(label);
			if (asOfDate == null && labelOverride != null) {
				throw new IllegalArgumentException(
						"--release '" + labelOverride + "' " + ReleaseLabels.whyNoDate(labelOverride) + ". "
								+ "Name the release as EOIR does, e.g. --release 'EOIR Case Data 2026-0401'.");
			}
			if (asOfDate == null && zip) {
				throw new IntakeException("The release zip " + location + " " + ReleaseLabels.whyNoDate(label)
						+ ", and releases load in date order. Rename it with the release's date "
						+ "('EOIR Case Data 2026-0401.zip'), or pass --release with such a label.");
			}
			if (asOfDate == null) {
				throw new IntakeException("The release folder " + location + " " + ReleaseLabels.whyNoDate(label)
						+ ", and releases load in date order. Rename it as EOIR names releases "
						+ "('EOIR Case Data 2026-0401'), or pass --release with such a label.");
			}
			Path other = labels.put(label.toLowerCase(Locale.ROOT), location);
			if (other != null) {
				throw new IntakeException("The inbox " + inbox.toAbsolutePath() + " holds release '" + label
						+ "' twice: " + other.getFileName() + " and " + location.getFileName()
						+ ". Keep one of them (the zip, or the folder unzipped from it) and remove the other.");
			}
			releases.add(new EoirRelease(label, asOfDate, location, filesOrNone(location)));
		}
		releases.sort(Comparator.comparing(EoirRelease::asOfDate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(EoirRelease::label));
		return releases;
	}

	/**
	 * The DHS OHSS workbooks ({@code *.xlsx}) and CBP encounter files
	 * ({@code *encounter*.csv}) delivered to the top of an inbox, each a release of its
	 * own, in name order.
	 * @param inbox the inbox folder
	 * @return the files found
	 * @throws InboxUnreadableException when the inbox cannot be listed
	 */
	public static List<BorderFile> borderFiles(Path inbox) {
		if (!Files.isDirectory(inbox)) {
			throw new IllegalArgumentException("The inbox " + inbox.toAbsolutePath() + " " + notAFolder(inbox)
					+ ". Pass --inbox (or set courtstats.nightly-load.inbox) with the folder that holds the deliveries.");
		}
		List<BorderFile> found = new ArrayList<>();
		List<Path> unread = new ArrayList<>();
		try (Stream<Path> children = Files.list(inbox)) {
			for (Path child : children.sorted().toList()) {
				warnIfLink(child);
				BorderFile file = Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) ? BorderFile.classify(child)
						: null;
				if (file != null) {
					found.add(file);
				}
				else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) && isDeliveryLike(child)) {
					unread.add(child);
				}
				else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && BorderFile.classify(child) != null) {
					logger
						.warn("{} is a folder named as a delivery: it is not loaded. OHSS workbooks and CBP files are "
								+ "read as files at the top of the inbox.", child);
				}
				else {
					warnIfSpecial(child);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new InboxUnreadableException(
					"The inbox " + inbox.toAbsolutePath() + " cannot be read: " + ex.getMessage(), ex);
		}
		if (!unread.isEmpty() && !isItselfARelease(inbox)) {
			for (Path file : unread) {
				if (isDataLike(file.getFileName().toString())) {
					logger.warn("{} is not a delivery the load reads: it is not loaded. {}", file,
							whatIsRead(file.getFileName().toString()));
				}
				else {
					logger.info("{} is not a delivery the load reads: it is not loaded.", file);
				}
			}
		}
		return found;
	}

	/**
	 * Names in a warning an entry that is neither a file, a folder nor a link (a named
	 * pipe, a socket, a device), which the load never reads.
	 */
	private static void warnIfSpecial(Path path) {
		if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
				&& !Files.isSymbolicLink(path)) {
			logger.warn("{} is not a regular file (a named pipe, socket or device): it is not read. Deliver it as a "
					+ "file.", path);
		}
	}

	/**
	 * Whether a file at the top of the inbox that the load does not read may be a
	 * delivery meant for it: not hidden (a download in progress is), not an Office lock
	 * file, not a {@code .done} marker, not a zip (those {@link #eoirReleases} judges).
	 */
	private static boolean isDeliveryLike(Path file) {
		String name = file.getFileName().toString();
		String lower = name.toLowerCase(Locale.ROOT);
		return !name.startsWith(".") && !name.startsWith("~$") && !lower.endsWith(".done")
				&& !ZipReleases.isZipName(name);
	}

	/**
	 * Whether a file's type is one that data is delivered in (a spreadsheet, a table, an
	 * archive), so that its being passed over is worth a warning; a README or a note left
	 * in the inbox is only mentioned.
	 */
	private static boolean isDataLike(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		int dot = lower.lastIndexOf('.');
		return dot >= 0 && DATA_LIKE.contains(lower.substring(dot + 1));
	}

	private static String whatIsRead(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xls") || lower.endsWith(".xlsm") || lower.endsWith(".xlsb")) {
			return "DHS OHSS workbooks are read as .xlsx: save it as an .xlsx workbook, or move it out of the inbox.";
		}
		if (lower.endsWith(".csv")) {
			return "A CBP encounter file is read when its name speaks of encounters (e.g. "
					+ "'nationwide-encounters-fy24.csv'): rename it so, or move it out of the inbox.";
		}
		return "The inbox takes DHS OHSS workbooks (.xlsx), CBP encounter files (a .csv named for encounters) "
				+ "and EOIR releases (a folder, or 'EOIR Case Data <date>.zip'): convert or rename it, or move it "
				+ "out of the inbox.";
	}

	/**
	 * Whether the inbox is itself one release's folder, whose tables may sit at its top,
	 * as {@link #eoirReleases} reads it: no release folder or zip in it, and tables below
	 * it.
	 */
	private static boolean isItselfARelease(Path inbox) {
		try (Stream<Path> children = Files.list(inbox)) {
			for (Path child : children.toList()) {
				if ((Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && isReleaseFolderQuietly(child))
						|| (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
								&& ZipReleases.isReleaseZipName(child.getFileName().toString()))) {
					return false;
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
		return isReleaseFolderQuietly(inbox);
	}

	private static boolean isReleaseFolderQuietly(Path folder) {
		try {
			return isReleaseFolder(folder);
		}
		catch (IntakeException ex) {
			return false;
		}
	}

	/**
	 * The files of one release, classified: the files of a release folder, or the entries
	 * of a release zip.
	 * @param folder the release folder, or the release zip
	 * @return its files in path order
	 * @throws IntakeException when the folder or zip cannot be read or holds a table
	 * twice
	 */
	public static List<DeliveredFile> filesOf(Path folder) {
		if (Files.isRegularFile(folder, LinkOption.NOFOLLOW_LINKS)) {
			return ZipReleases.entriesOf(folder);
		}
		List<DeliveredFile> files = new ArrayList<>();
		Map<String, Path> seen = new HashMap<>();
		try (Stream<Path> paths = Files.walk(folder, MAX_DEPTH)) {
			for (Path path : paths.sorted().toList()) {
				if (!path.equals(folder)) {
					warnIfLink(path);
				}
				if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
					warnIfSpecial(path);
					continue;
				}
				String fileName = path.getFileName().toString();
				EoirTable table = EoirTables.forFile(fileName).orElse(null);
				String key = fileName.toLowerCase(Locale.ROOT);
				if (table != null && seen.containsKey(key)) {
					throw new IntakeException(folder + " holds " + fileName + " twice: " + seen.get(key) + " and "
							+ path + ". Keep one copy per table in a release.");
				}
				seen.put(key, path);
				String relative = folder.relativize(path).toString().replace('\\', '/');
				files.add(new DeliveredFile(path, relative, table));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw IntakeException.unreadable("The release folder " + folder, ex);
		}
		return files;
	}

	/**
	 * Whether a delivery is complete enough to read: a {@code <name>.done} file lies
	 * beside it, or nothing in it (the file, or any file of the folder) was modified
	 * within the settle time. A file still being copied keeps changing its modification
	 * time, so it is left for the next run.
	 * @param delivery a release folder, a release zip or a border file
	 * @param settleTime how long it must have gone unmodified
	 * @param now the time of the check
	 * @return true when it can be read
	 * @throws IntakeException when it cannot be read
	 */
	public static boolean isSettled(Path delivery, Duration settleTime, Instant now) {
		if (Files.isRegularFile(doneMarker(delivery)) || settleTime.isZero() || settleTime.isNegative()) {
			return true;
		}
		try (Stream<Path> paths = Files.walk(delivery)) {
			Instant lastModified = Instant.EPOCH;
			for (Path path : (Iterable<Path>) paths::iterator) {
				Instant modified = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
				lastModified = modified.isAfter(lastModified) ? modified : lastModified;
			}
			return !lastModified.plus(settleTime).isAfter(now);
		}
		catch (IOException | UncheckedIOException ex) {
			throw IntakeException.unreadable(delivery, ex);
		}
	}

	/**
	 * The marker a sender may write once a delivery is complete.
	 * @param delivery a release folder, a release zip or a border file
	 * @return {@code <name>.done} beside it
	 */
	public static Path doneMarker(Path delivery) {
		Path absolute = delivery.toAbsolutePath().normalize();
		return absolute.resolveSibling(absolute.getFileName() + ".done");
	}

	/**
	 * Moves a published delivery, and its {@code .done} marker, into the archive folder.
	 * Its fingerprints stay in {@code etl.source_file}, so the same bytes delivered again
	 * are still recognised.
	 * @param delivery a release folder, a release zip or a border file
	 * @param archive the archive folder, created when missing
	 * @return where the delivery now is
	 * @throws IntakeException when it cannot be moved (the delivery stays in the inbox)
	 */
	public static Path archive(Path delivery, Path archive) {
		Path target = archive.resolve(delivery.getFileName().toString());
		try {
			Files.createDirectories(archive);
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				throw new IntakeException(delivery + " was loaded but not archived: " + target
						+ " exists already. Move one of them away; the delivery stays in the inbox meanwhile.");
			}
			move(delivery, target);
			Path marker = doneMarker(delivery);
			if (Files.isRegularFile(marker)) {
				move(marker, archive.resolve(marker.getFileName().toString()));
			}
			return target;
		}
		catch (IOException ex) {
			throw new IntakeException(delivery + " was loaded but could not be moved to the archive " + archive + ": "
					+ FileFailures.reason(ex) + ". It stays in the inbox, where it is "
					+ "recognised as loaded, and the next load moves it.", ex);
		}
	}

	/**
	 * Renames a delivery into the archive when both are on one disk. Across disks, it is
	 * copied to a hidden name in the archive, renamed into place once whole, and only
	 * then removed from the inbox: a full disk or a crash on the way leaves it whole in
	 * the inbox.
	 */
	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
			return;
		}
		catch (AtomicMoveNotSupportedException ex) {
			logger.debug("{} and {} are on different disks: copying", from, to, ex);
		}
		Path partial = to.resolveSibling("." + to.getFileName() + ".partial");
		FileSystemUtils.deleteRecursively(partial);
		try {
			FileSystemUtils.copyRecursively(from, partial);
			Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			try {
				FileSystemUtils.deleteRecursively(partial);
			}
			catch (IOException removing) {
				ex.addSuppressed(removing);
			}
			throw ex;
		}
		try {
			FileSystemUtils.deleteRecursively(from);
		}
		catch (IOException ex) {
			throw new IntakeException(
					from + " was copied to the archive as " + to + " but could not be wholly removed from the inbox: "
							+ FileFailures.reason(ex) + ". Remove what is left of it there.",
					ex);
		}
	}

	/**
	 * The files of a release found in the inbox, or none when they cannot be listed (a
	 * zip cut short, a table twice): the release's own run lists them again and fails
	 * with that message, while the other deliveries of the inbox load.
	 */
	private static List<DeliveredFile> filesOrNone(Path location) {
		try {
			return filesOf(location);
		}
		catch (IntakeException ex) {
			logger.debug("{} cannot be listed; its run reports why", location, ex);
			return List.of();
		}
	}

	/**
	 * A symbolic link is never followed, so that nothing outside the inbox is read; the
	 * operator is told, since the file it points at is not loaded.
	 */
	private static void warnIfLink(Path path) {
		if (Files.isSymbolicLink(path)) {
			String target;
			try {
				target = Files.readSymbolicLink(path).toString();
			}
			catch (IOException ex) {
				target = "?";
			}
			logger.warn("{} is a symbolic link (to {}): links are not followed, so it is not loaded. Copy or move "
					+ "the delivery itself into the inbox.", path, target);
		}
	}

	private static boolean holdsLookupsOnly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder, MAX_DEPTH)) {
			return paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.anyMatch((path) -> EoirTables.forFile(path.getFileName().toString()).isPresent());
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * Whether a folder at the top of the inbox holds a release. One that cannot be read
	 * is skipped with a warning when its name carries no release date (a
	 * {@code lost+found} at the root of a volume), and refused otherwise, since it may be
	 * a release.
	 */
	private static boolean isReleaseFolderAtTop(Path folder) {
		try {
			return isReleaseFolder(folder);
		}
		catch (IntakeException ex) {
			if (ReleaseLabels.asOfDate(folder.getFileName().toString()) != null) {
				throw ex;
			}
			logger.warn("{} cannot be read and its name carries no release date: it is not read. ({})", folder,
					ex.getCause());
			return false;
		}
	}

	/**
	 * Whether an inbox is itself one release as EOIR's zip unpacks: its only release
	 * folder carries no date and has the lookups folder or {@code Count.txt} beside it.
	 */
	private static boolean isUnpackedRelease(Path inbox, List<Path> locations, List<Path> lookupFolders) {
		if (locations.size() != 1 || !Files.isDirectory(locations.get(0), LinkOption.NOFOLLOW_LINKS)
				|| ReleaseLabels.asOfDate(locations.get(0).getFileName().toString()) != null) {
			return false;
		}
		return !lookupFolders.isEmpty() || Files.isRegularFile(inbox.resolve(CountTxt.FILE_NAME));
	}

	private static boolean isReleaseFolder(Path folder) {
		try (Stream<Path> paths = Files.walk(folder, MAX_DEPTH)) {
			return paths.filter((path) -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.map((path) -> path.getFileName().toString())
				.anyMatch((name) -> EoirTables.CASE.matches(name) || EoirTables.PROCEEDING.matches(name));
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IntakeException("The folder " + folder + " cannot be read (" + ex.getMessage()
					+ "), so it cannot be told whether it holds an EOIR release. Make it readable to the loader, or "
					+ "move it out of the inbox.", ex);
		}
	}

}
