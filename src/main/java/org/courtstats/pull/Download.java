package org.courtstats.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

/**
 * One check of one source: a conditional request, and for a changed file a download into
 * a partial file that resumes with {@code Range} after a cut connection. Failed attempts
 * (5xx answers, connection errors, time-outs, cut downloads) are retried with an
 * exponentially growing wait, within the source's time limit.
 */
final class Download {

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

	private final ScheduledExecutorService watchdog;

	Download(HttpClient client, String name, PullSettings.Source source, PullSettings settings,
			ScheduledExecutorService watchdog) {
		this.client = client;
		this.name = name;
		this.kind = source.kindName();
		this.attempts = settings.attempts();
		this.backoff = settings.backoff();
		this.timeLimit = source.timeLimit();
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
					return new String(watched(body, () -> body.readNBytes(MAX_PAGE_BYTES)), StandardCharsets.UTF_8);
				}
			}
			catch (IOException ex) {
				problem = describe(ex);
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
				problem = describe(ex);
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
			watched(body, () -> body.transferTo(out));
		}
	}

	/**
	 * Reads a body under the source's time limit: a read still blocked when the limit
	 * passes is ended by closing the stream.
	 */
	private <T> T watched(InputStream body, IoCall<T> call) throws IOException {
		long remaining = Duration.between(Instant.now(), this.deadline).toMillis();
		ScheduledFuture<?> alarm = this.watchdog.schedule(() -> {
			try {
				body.close();
			}
			catch (IOException ex) {
				// The read it interrupts reports the failure.
			}
		}, Math.max(remaining, 0), TimeUnit.MILLISECONDS);
		try {
			return call.call();
		}
		finally {
			alarm.cancel(false);
		}
	}

	private HttpRequest.Builder request(URI uri) {
		Duration remaining = Duration.between(Instant.now(), this.deadline);
		return HttpRequest.newBuilder(uri)
			.timeout(remaining.isNegative() || remaining.isZero() ? Duration.ofMillis(1) : remaining)
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
		try {
			Thread.sleep(Math.max(0, Math.min(wait, remaining)));
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

	private static String describe(IOException ex) {
		if (ex instanceof HttpTimeoutException) {
			return "no answer in time";
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

	@FunctionalInterface
	private interface IoCall<T> {

		T call() throws IOException;

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
