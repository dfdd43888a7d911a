package org.courtstats.pull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check of one source: a conditional request, and for a changed file a download into
 * a partial file that resumes with {@code Range} after a cut connection. Failed attempts
 * (5xx answers, connection errors, time-outs, cut or stalled downloads) are retried with
 * an exponentially growing wait, within the source's time limit.
 */
final class Download {

	private static final Logger logger = LoggerFactory.getLogger(Download.class);

	static final String USER_AGENT = "courtstats/0.1 (+https://github.com/courtstats; nightly pull)";

	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

	private static final DateTimeFormatter EOIR_DATE = DateTimeFormatter.ofPattern("yyyy-MMdd");

	private static final int MAX_PAGE_BYTES = 16 * 1024 * 1024;

	private final HttpClient client;

	private final String name;

	private final String kind;

	private final int attempts;

	private final Duration backoff;

	private final Instant deadline;

	private final Duration timeLimit;

	private final Duration readTimeout;

	private final ScheduledExecutorService watchdog;

	Download(HttpClient client, String name, PullSettings.Source source, PullSettings settings,
			ScheduledExecutorService watchdog) {
		this.client = client;
		this.name = name;
		this.kind = source.kindName();
		this.attempts = settings.attempts();
		this.backoff = settings.backoff();
		this.timeLimit = source.timeLimit();
		this.readTimeout = settings.readTimeout();
		this.deadline = Instant.now().plus(source.timeLimit());
		this.watchdog = watchdog;
	}

	/**
	 * Reads a listing page, as text.
	 * @param page the page
	 * @return its HTML
	 */
	String page(URI page) {
		String problem = null;
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			waitBeforeAttempt(attempt, page, problem);
			try {
				HttpResponse<InputStream> response = this.client.send(request(page).GET().build(),
						HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					int code = response.statusCode();
					if (code >= 500) {
						problem = "the server answered HTTP " + code;
						continue;
					}
					if (code != 200) {
						throw new PullException(this.name + ": the listing page " + page + " answered HTTP " + code
								+ ". Check courtstats.pull.sources." + this.name + ".listing.");
					}
					return new String(watched(body, (in) -> in.readNBytes(MAX_PAGE_BYTES)), StandardCharsets.UTF_8);
				}
			}
			catch (IOException ex) {
				problem = describe(ex, page);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PullException(this.name + ": interrupted while reading " + page, ex);
			}
		}
		throw exhausted(page, problem);
	}

	/**
	 * Checks a file, and downloads it into the inbox when it changed.
	 * @param uri the file
	 * @param etag the ETag of the file fetched before, or null
	 * @param lastModified its Last-Modified, or null
	 * @param inbox the inbox folder
	 * @return what the check found
	 */
	Fetched fetch(URI uri, String etag, String lastModified, Path inbox) {
		Partial partial = null;
		String problem = null;
		boolean complete = false;
		for (int attempt = 1; attempt <= this.attempts && !complete; attempt++) {
			try {
				waitBeforeAttempt(attempt, uri, problem);
				long resumeFrom = (partial != null && partial.validator() != null && Files.exists(partial.part()))
						? Files.size(partial.part()) : 0;
				HttpRequest.Builder request = request(uri).GET();
				if (resumeFrom > 0) {
					request.header("Range", "bytes=" + resumeFrom + "-").header("If-Range", partial.validator());
				}
				else if (partial == null) {
					// Asked only before the download began: once it has, the answer
					// must carry the file.
					if (etag != null) {
						request.header("If-None-Match", etag);
					}
					if (lastModified != null) {
						request.header("If-Modified-Since", lastModified);
					}
				}
				HttpResponse<InputStream> response = this.client.send(request.build(),
						HttpResponse.BodyHandlers.ofInputStream());
				try (InputStream body = response.body()) {
					int code = response.statusCode();
					if (code == 304 && partial == null) {
						return Fetched.notModified();
					}
					if (code >= 500) {
						problem = "the server answered HTTP " + code;
						continue;
					}
					if (code == 416 && partial != null) {
						// The range no longer fits the file: start again from its first
						// byte.
						Files.deleteIfExists(partial.part());
						problem = "the server refused to resume the download (HTTP 416)";
						continue;
					}
					if (code == 200) {
						partial = started(response, uri, inbox, partial);
						copy(body, partial.part(), false);
					}
					else if (code == 206 && partial != null) {
						long total = resumed(response, resumeFrom, partial);
						partial = partial.withTotal(total);
						copy(body, partial.part(), true);
					}
					else {
						throw new PullException(this.name + ": " + uri + " answered HTTP " + code + ". Check "
								+ "courtstats.pull.sources." + this.name + " (the address may have moved).");
					}
				}
				long size = Files.size(partial.part());
				if (partial.total() != null && size < partial.total()) {
					problem = "the connection closed after " + size + " of " + partial.total() + " bytes";
					continue;
				}
				if (partial.total() != null && size > partial.total()) {
					Files.deleteIfExists(partial.part());
					throw new PullException(this.name + ": " + uri + " sent " + size + " bytes where Content-Length "
							+ "announced " + partial.total() + ". Nothing was moved into the inbox; the next run "
							+ "downloads it again.");
				}
				complete = true;
			}
			catch (IOException ex) {
				problem = describe(ex, uri);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				deleteQuietly(partial);
				throw new PullException(this.name + ": interrupted while downloading " + uri, ex);
			}
			catch (RuntimeException ex) {
				// Out of time, or an answer that ends the download: no partial file is
				// left behind for discovery to trip over or the disk to keep.
				deleteQuietly(partial);
				throw ex;
			}
		}
		if (!complete) {
			deleteQuietly(partial);
			throw exhausted(uri, problem);
		}
		return Fetched.downloaded(partial);
	}

	private Partial started(HttpResponse<?> response, URI uri, Path inbox, Partial before) throws IOException {
		String etag = response.headers().firstValue("ETag").orElse(null);
		String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
		Instant published = parseHttpDate(lastModified);
		Path target = inbox.resolve(targetName(uri, published));
		Path part = partOf(target);
		if (before != null && !before.part().equals(part)) {
			Files.deleteIfExists(before.part());
		}
		// If-Range needs a strong validator: a weak ETag falls back to the date.
		String validator = (etag != null && !etag.startsWith("W/")) ? etag : lastModified;
		Long total = response.headers().firstValueAsLong("Content-Length").stream().boxed().findFirst().orElse(null);
		return new Partial(part, target, etag, lastModified, published, validator, total);
	}

	private long resumed(HttpResponse<?> response, long resumeFrom, Partial partial) throws IOException {
		String range = response.headers().firstValue("Content-Range").orElse("");
		Matcher matcher = CONTENT_RANGE.matcher(range);
		if (!matcher.matches() || Long.parseLong(matcher.group(1)) != resumeFrom) {
			Files.deleteIfExists(partial.part());
			throw new IOException("the server resumed at '" + range + "' where byte " + resumeFrom + " was asked for");
		}
		return matcher.group(3).equals("*") ? Long.parseLong(matcher.group(2)) + 1 : Long.parseLong(matcher.group(3));
	}

	private void copy(InputStream body, Path part, boolean append) throws IOException {
		try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
			watched(body, (in) -> in.transferTo(out));
		}
	}

	/**
	 * Reads a body under the read timeout and the source's time limit: a read still
	 * blocked when no byte came for the read timeout, or when the limit passes, is ended
	 * by closing the stream, and the attempt fails saying which.
	 */
	private <T> T watched(InputStream body, IoFunction<T> call) throws IOException {
		WatchedStream watched = new WatchedStream(body);
		try {
			T result = call.apply(watched);
			// A closed stream may read as a quiet end of file: a body of unannounced
			// length would then look complete.
			watched.failIfCut();
			return result;
		}
		catch (IOException ex) {
			watched.failIfCut();
			throw ex;
		}
		finally {
			watched.stopWatching();
		}
	}

	private HttpRequest.Builder request(URI uri) {
		Duration remaining = Duration.between(Instant.now(), this.deadline);
		Duration wait = (remaining.compareTo(this.readTimeout) < 0) ? remaining : this.readTimeout;
		return HttpRequest.newBuilder(uri)
			.timeout(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait)
			.header("User-Agent", USER_AGENT);
	}

	private void waitBeforeAttempt(int attempt, URI uri, String problem) {
		if (!Instant.now().isBefore(this.deadline)) {
			throw new PullException(this.name + ": " + uri + " did not finish within its time limit of "
					+ this.timeLimit.toMinutes() + " min (courtstats.pull.sources." + this.name + ".time-limit)"
					+ ((problem != null) ? "; last problem: " + problem : "")
					+ ". Nothing was moved into the inbox; the next run tries again.");
		}
		if (attempt == 1) {
			return;
		}
		long wait = this.backoff.toMillis() << Math.min(attempt - 2, 20);
		long remaining = Duration.between(Instant.now(), this.deadline).toMillis();
		long sleep = Math.max(0, Math.min(wait, remaining));
		// A retry is told as it is decided, so that an operator watching a slow pull
		// knows why it waits.
		logger.warn("{}: {} tried again in {} (attempt {} of {}): {}", this.name, uri,
				(sleep < 1000) ? sleep + " ms" : String.format(Locale.ROOT, "%.1f s", sleep / 1000.0), attempt,
				this.attempts, (problem != null) ? problem : "the last attempt failed");
		try {
			Thread.sleep(sleep);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PullException(this.name + ": interrupted while waiting to retry " + uri, ex);
		}
		waitBeforeAttempt(1, uri, problem);
	}

	private PullException exhausted(URI uri, String problem) {
		return new PullException(this.name + ": " + uri + " could not be fetched in " + this.attempts + " attempts ("
				+ problem + "). Nothing was moved into the inbox and the warehouse is unchanged; the next run tries "
				+ "again (courtstats.pull.attempts sets the attempts).");
	}

	private String describe(IOException ex, URI uri) {
		if (ex instanceof HttpTimeoutException) {
			return "no answer within " + seconds(this.readTimeout)
					+ " (courtstats.pull.read-timeout) or the time limit";
		}
		if (ex instanceof CutException) {
			return ex.getMessage();
		}
		if (ex instanceof ConnectException) {
			// The HTTP client's connection failures carry no message: the cause tells a
			// name that does not resolve from a server that does not answer.
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
					return "the host name " + uri.getHost() + " does not resolve (DNS, or a proxy setting)";
				}
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
			return "no connection to " + uri.getHost() + ":" + port + " (refused or unreachable)";
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static void deleteQuietly(Partial partial) {
		if (partial == null) {
			return;
		}
		try {
			Files.deleteIfExists(partial.part());
		}
		catch (IOException ex) {
			// A leftover partial file is ignored by the inbox and overwritten next time.
		}
	}

	/**
	 * The name a downloaded file takes in the inbox: the EOIR zip is named with its
	 * publication date, as releases load in date order; a workbook or CSV keeps the
	 * publisher's name, which already changes with each file.
	 */
	String targetName(URI uri, Instant published) {
		if (this.kind.equals("eoir")) {
			Instant date = (published != null) ? published : Instant.now();
			return "EOIR Case Data " + EOIR_DATE.format(date.atZone(ZoneOffset.UTC)) + ".zip";
		}
		String path = uri.getPath();
		String fileName = (path == null) ? "" : path.substring(path.lastIndexOf('/') + 1);
		boolean recognised = this.kind.equals("ohss") ? fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")
				: fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
						&& fileName.toLowerCase(Locale.ROOT).contains("encounter");
		if (!recognised || fileName.startsWith(".") || fileName.contains("\\")) {
			throw new PullException(this.name + ": " + uri + " names the file '" + fileName + "', which the inbox "
					+ "would not read as "
					+ (this.kind.equals("ohss") ? "an OHSS workbook (*.xlsx)"
							: "a CBP encounters file (*encounter*.csv)")
					+ ". Point courtstats.pull.sources." + this.name + " at the file itself.");
		}
		return fileName;
	}

	/**
	 * The partial file a download is written to, beside its target: its leading dot and
	 * {@code .part} suffix keep the inbox from reading it.
	 * @param target where the file goes once verified
	 * @return {@code .<name>.part}
	 */
	static Path partOf(Path target) {
		return target.resolveSibling("." + target.getFileName() + ".part");
	}

	static Instant parseHttpDate(String value) {
		if (value == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	@FunctionalInterface
	private interface IoFunction<T> {

		T apply(InputStream in) throws IOException;

	}

	/**
	 * A body ended by the watchdog; its message says why.
	 */
	private static final class CutException extends IOException {

		private static final long serialVersionUID = 1L;

		CutException(String message) {
			super(message);
		}

	}

	/**
	 * A response body that notes when its last bytes arrived, and is closed by the
	 * watchdog once none came for the read timeout or the time limit passed. One alarm
	 * per read would load the watchdog with a task per buffer of a large download: the
	 * alarm instead looks at the last progress and sets itself again.
	 */
	private final class WatchedStream extends FilterInputStream {

		private volatile long lastProgress = System.nanoTime();

		private volatile String cut;

		private ScheduledFuture<?> alarm;

		private boolean stopped;

		WatchedStream(InputStream body) {
			super(body);
			arm(Download.this.readTimeout.toNanos());
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				this.lastProgress = System.nanoTime();
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.lastProgress = System.nanoTime();
			}
			return read;
		}

		private synchronized void arm(long delayNanos) {
			if (this.stopped) {
				return;
			}
			long untilDeadline = TimeUnit.MILLISECONDS
				.toNanos(Math.max(Duration.between(Instant.now(), Download.this.deadline).toMillis(), 0));
			this.alarm = Download.this.watchdog.schedule(this::look, Math.max(Math.min(delayNanos, untilDeadline), 0),
					TimeUnit.NANOSECONDS);
		}

		private void look() {
			long idle = System.nanoTime() - this.lastProgress;
			long timeout = Download.this.readTimeout.toNanos();
			if (!Instant.now().isBefore(Download.this.deadline)) {
				close("the time limit of " + Download.this.timeLimit.toMinutes() + " min passed mid-download");
			}
			else if (idle >= timeout) {
				close("no bytes arrived for " + seconds(Download.this.readTimeout) + " (courtstats.pull.read-timeout)");
			}
			else {
				arm(timeout - idle);
			}
		}

		private void close(String reason) {
			synchronized (this) {
				if (this.stopped) {
					return;
				}
				this.cut = reason;
			}
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// The read it interrupts reports the failure.
			}
		}

		void failIfCut() throws IOException {
			String reason = this.cut;
			if (reason != null) {
				throw new CutException(reason);
			}
		}

		synchronized void stopWatching() {
			this.stopped = true;
			if (this.alarm != null) {
				this.alarm.cancel(false);
			}
		}

	}

	/**
	 * A download under way.
	 */
	record Partial(Path part, Path target, String etag, String lastModified, Instant published, String validator,
			Long total) {

		Partial withTotal(long newTotal) {
			return new Partial(this.part, this.target, this.etag, this.lastModified, this.published, this.validator,
					newTotal);
		}

	}

	/**
	 * What a check found: the file unchanged, or a complete (not yet verified) download.
	 */
	record Fetched(boolean unchanged, Optional<Partial> download) {

		static Fetched notModified() {
			return new Fetched(true, Optional.empty());
		}

		static Fetched downloaded(Partial partial) {
			return new Fetched(false, Optional.of(partial));
		}

	}

}
