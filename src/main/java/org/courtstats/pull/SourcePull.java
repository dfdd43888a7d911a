package org.courtstats.pull;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.courtstats.intake.Inbox;
import org.courtstats.observability.LoadMeters;
import org.courtstats.warehouse.SourceChecks;
import org.courtstats.warehouse.SourceChecks.SourceCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.CronExpression;

/**
 * Pulls the declared sources into the inbox: each is checked with a conditional request,
 * a changed file is downloaded beside its target as {@code .<name>.part}, verified, and
 * only then moved into place in one atomic rename (with a {@code .done} marker), so that
 * discovery never sees half a file. Every check is recorded in {@code etl.source_check},
 * from which a source's check-schedule tells whether it is due.
 */
public class SourcePull {

	private static final Logger logger = LoggerFactory.getLogger(SourcePull.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	private final PullSettings settings;

	private final SourceChecks checks;

	private final ObjectProvider<LoadMeters> meters;

	private final HttpClient client;

	SourcePull(PullSettings settings, SourceChecks checks, ObjectProvider<LoadMeters> meters) {
		this.settings = settings;
		this.checks = checks;
		this.meters = meters;
		// The JVM's default selector honours -Dhttps.proxyHost, -Dhttps.proxyPort and
		// -Dhttp.nonProxyHosts (or the same in JAVA_TOOL_OPTIONS).
		this.client = HttpClient.newBuilder()
			.proxy(ProxySelector.getDefault())
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * Whether the nightly load pulls before it reads the inbox.
	 * @return {@code courtstats.pull.enabled}
	 */
	public boolean enabledForLoad() {
		return this.settings.enabled();
	}

	/**
	 * Pulls the enabled sources that are due, or one named source (enabled or not) if it
	 * is due.
	 * @param inbox the inbox folder
	 * @param only a source name, or null for all enabled sources
	 * @return what each check did, in the order the settings declare the sources
	 * @throws IllegalArgumentException when the named source is not declared
	 */
	public List<PullOutcome> pull(Path inbox, String only) {
		return pull(inbox, only, false);
	}

	/**
	 * Pulls the enabled sources, or one named source (enabled or not).
	 * @param inbox the inbox folder
	 * @param only a source name, or null for all enabled sources
	 * @param force whether to check the sources whose check-schedule says they are not
	 * due
	 * @return what each check did, in the order the settings declare the sources
	 * @throws IllegalArgumentException when the named source is not declared
	 */
	public List<PullOutcome> pull(Path inbox, String only, boolean force) {
		if (!Files.isDirectory(inbox)) {
			throw new IllegalArgumentException("The inbox " + inbox.toAbsolutePath() + " " + Inbox.notAFolder(inbox)
					+ ". Pass --inbox (or set courtstats.nightly-load.inbox) with the folder the pulled files go to.");
		}
		if (only != null && !this.settings.sources().containsKey(only)) {
			throw new IllegalArgumentException("--source '" + only + "' is not declared; the sources are "
					+ this.settings.sources().keySet() + " (courtstats.pull.sources).");
		}
		List<PullOutcome> outcomes = new ArrayList<>();
		ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "pull-time-limit");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (Map.Entry<String, PullSettings.Source> declared : this.settings.sources().entrySet()) {
				String name = declared.getKey();
				PullSettings.Source source = declared.getValue();
				if ((only != null) ? name.equals(only) : source.enabled()) {
					outcomes.add(pull(name, source, inbox, watchdog, force));
				}
			}
		}
		finally {
			watchdog.shutdownNow();
		}
		return outcomes;
	}

	/**
	 * What is known of each declared source's freshness.
	 * @return per source, in declared order
	 */
	public List<Freshness> freshness() {
		List<Freshness> all = new ArrayList<>();
		for (Map.Entry<String, PullSettings.Source> declared : this.settings.sources().entrySet()) {
			String kind = declared.getValue().kindName();
			all.add(new Freshness(declared.getKey(), kind, declared.getValue().enabled(),
					this.checks.find(declared.getKey()).orElse(null), this.checks.lastLoaded(kind).orElse(null)));
		}
		return all;
	}

	private PullOutcome pull(String name, PullSettings.Source source, Path inbox, ScheduledExecutorService watchdog,
			boolean force) {
		Optional<SourceCheck> last = this.checks.find(name);
		Optional<ZonedDateTime> notDueUntil = force ? Optional.empty()
				: notDueUntil(source, last, ZonedDateTime.now(ZoneId.systemDefault()));
		if (notDueUntil.isPresent()) {
			// Nothing is recorded: the last check stays the one the schedule counts from.
			String message = name + ": not due until " + TIME.format(notDueUntil.get()) + " (checked "
					+ TIME.format(last.get().checkedAt().atZone(ZoneId.systemDefault())) + ", check-schedule '"
					+ source.checkSchedule().trim() + "')";
			logger.info(message);
			return new PullOutcome(name, source.kindName(), source.address(), PullOutcome.Status.NOT_DUE, null, null,
					null, message);
		}
		Download download = new Download(this.client, name, source, this.settings, watchdog);
		String kind = source.kindName();
		String address = source.address();
		Instant checkedAt = Instant.now();
		try {
			URI uri = (source.fileUri() != null) ? source.fileUri() : newestLink(name, source, download);
			address = uri.toString();
			// The validators recorded belong to the file last fetched: a new link is a
			// new file.
			boolean sameFile = last.isPresent() && address.equals(last.get().url());
			Download.Fetched fetched = download.fetch(uri, sameFile ? last.get().etag() : null,
					sameFile ? last.get().lastModified() : null, inbox);
			if (fetched.unchanged()) {
				String fileAddress = address;
				SourceCheck before = last.orElseThrow(() -> new PullException(name + ": " + fileAddress
						+ " answered 304 Not Modified to a request that named no earlier file."));
				record(new SourceCheck(name, kind, address, checkedAt, SourceCheck.NOT_MODIFIED, null, before.etag(),
						before.lastModified(), before.publishedAt(), before.changedAt(), before.fileName(),
						before.bytesFetched(), before.sha256()));
				logger.info("{}: {} not modified since it was fetched", name, address);
				return new PullOutcome(name, kind, address, PullOutcome.Status.NOT_MODIFIED, null, null, null, null);
			}
			Download.Partial partial = fetched.download().orElseThrow();
			String sha256;
			long bytes;
			Path target;
			try {
				sha256 = DownloadCheck.verify(partial.part(), kind, name + ": " + address, partial.total() != null);
				bytes = Files.size(partial.part());
				target = settle(name, kind, address, partial, sha256);
			}
			finally {
				// Refused or moved: either way no partial file stays behind.
				Files.deleteIfExists(partial.part());
			}
			record(new SourceCheck(name, kind, address, checkedAt, SourceCheck.DOWNLOADED, null, partial.etag(),
					partial.lastModified(), partial.published(), Instant.now(), target.getFileName().toString(), bytes,
					sha256));
			logger.info("{}: downloaded {} ({} bytes, sha256 {}) from {}", name, target, bytes, sha256, address);
			return new PullOutcome(name, kind, address, PullOutcome.Status.DOWNLOADED, target, bytes, sha256, null);
		}
		catch (RuntimeException | IOException ex) {
			// Whatever a publisher's page or file holds, one source failing leaves the
			// others to pull and the inbox to load.
			String message = (ex instanceof PullException) ? ex.getMessage()
					: (ex instanceof IOException)
							? name + ": " + address + " could not be moved into the inbox: " + ex.getMessage()
							: name + ": " + address + " could not be pulled: " + ex;
			// The validators kept are those of the file fetched from this address: a
			// failed first check of a new link keeps none, so that the next check
			// fetches it whole rather than ask it whether the older file changed.
			String checkedAddress = address;
			Optional<SourceCheck> sameAddress = last.filter((check) -> checkedAddress.equals(check.url()));
			record(new SourceCheck(name, kind, address, checkedAt, SourceCheck.FAILED, message,
					sameAddress.map(SourceCheck::etag).orElse(null),
					sameAddress.map(SourceCheck::lastModified).orElse(null),
					last.map(SourceCheck::publishedAt).orElse(null), last.map(SourceCheck::changedAt).orElse(null),
					last.map(SourceCheck::fileName).orElse(null), last.map(SourceCheck::bytesFetched).orElse(null),
					last.map(SourceCheck::sha256).orElse(null)));
			logger.warn(message);
			return new PullOutcome(name, kind, address, PullOutcome.Status.FAILED, null, null, null, message);
		}
	}

	/**
	 * When a source whose schedule names no time since its last check is next due. A
	 * source never checked, last failed, or last checked at another address is due.
	 */
	static Optional<ZonedDateTime> notDueUntil(PullSettings.Source source, Optional<SourceCheck> last,
			ZonedDateTime now) {
		CronExpression schedule = source.schedule();
		if (schedule == null || last.isEmpty() || last.get().checkedAt() == null
				|| SourceCheck.FAILED.equals(last.get().status())
				|| (source.fileUri() != null && !source.fileUri().toString().equals(last.get().url()))) {
			return Optional.empty();
		}
		ZonedDateTime next = schedule.next(last.get().checkedAt().atZone(now.getZone()));
		return (next != null && next.isAfter(now)) ? Optional.of(next) : Optional.empty();
	}

	private URI newestLink(String name, PullSettings.Source source, Download download) {
		String html = download.page(source.listingUri());
		return ListingLinks.newest(source.listingUri(), html, source.pattern())
			.orElseThrow(() -> new PullException(name + ": no link on " + source.listing() + " names a file matching '"
					+ source.pattern() + "'. The publisher may have renamed its "
					+ "files: check the page and set courtstats.pull.sources." + name + ".pattern."));
	}

	/**
	 * Moves a verified download into place. The same bytes already in place are left
	 * there; other bytes under the target's name are never overwritten, since the inbox
	 * may have loaded them: an OHSS workbook or CBP file republished under its name (in
	 * the inbox, or loaded before and archived since) is saved beside it as
	 * {@code <name>_republished_<yyyyMMdd>}, a name the load reads as a file of its own
	 * (and that sorts after the first), where it would refuse the same name with other
	 * bytes. An EOIR zip, named by its publication date, is refused.
	 * @return where the file is
	 */
	private Path settle(String name, String kind, String address, Download.Partial partial, String sha256)
			throws IOException {
		Path target = partial.target();
		for (int copy = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !kind.equals("eoir")
				&& this.checks.nameTakenByOtherBytes(kind, target.getFileName().toString(), sha256); copy++) {
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(target)
					&& Files.size(target) == Files.size(partial.part())
					&& Files.mismatch(target, partial.part()) == -1) {
				Files.delete(partial.part());
				markDone(target);
				return target;
			}
			if (kind.equals("eoir")) {
				Files.delete(partial.part());
				throw new PullException(name + ": " + address + " changed, but " + target + " already holds other "
						+ "bytes under the name the new file takes. Move that file out of the inbox; the next run "
						+ "downloads the new one.");
			}
			target = republished(partial.target(), copy);
		}
		Files.move(partial.part(), target, StandardCopyOption.ATOMIC_MOVE);
		markDone(target);
		return target;
	}

	/**
	 * The name of a file republished under a name the inbox already holds:
	 * {@code <name>_republished_<yyyyMMdd>[_<n>].<extension>}.
	 */
	static Path republished(Path target, int copy) {
		String fileName = target.getFileName().toString();
		int dot = fileName.lastIndexOf('.');
		String stem = (dot > 0) ? fileName.substring(0, dot) : fileName;
		String extension = (dot > 0) ? fileName.substring(dot) : "";
		String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(ZoneOffset.UTC));
		return target.resolveSibling(stem + "_republished_" + day + ((copy > 1) ? "_" + copy : "") + extension);
	}

	/** The file is complete: the load need not wait for it to settle. */
	private static void markDone(Path target) throws IOException {
		Path marker = Inbox.doneMarker(target);
		if (!Files.exists(marker)) {
			Files.createFile(marker);
		}
	}

	private void record(SourceCheck check) {
		this.checks.record(check);
		LoadMeters loadMeters = this.meters.getIfAvailable();
		if (loadMeters != null && check.publishedAt() != null) {
			loadMeters.sourcePublished(check.sourceName(), check.publishedAt());
		}
	}

	/**
	 * How fresh one source is.
	 *
	 * @param name the source's name
	 * @param kind eoir, ohss or cbp
	 * @param enabled whether it is pulled
	 * @param lastCheck its last check, or null when never checked
	 * @param lastLoaded when its kind last published a release to the warehouse, or null
	 */
	public record Freshness(String name, String kind, boolean enabled, SourceCheck lastCheck, Instant lastLoaded) {
	}

}
