package org.courtstats.pull;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Settings of the pull ({@code courtstats.pull} in
 * {@code jobs/nightly-load/nightly-load.yml}).
 *
 * @param enabled whether the nightly load pulls the sources before it reads the inbox;
 * off by default, so that a load reads only what was delivered by hand
 * @param attempts requests tried per source before it is reported failed (5xx answers,
 * connection errors, time-outs and cut downloads count)
 * @param backoff the wait after the first failed attempt, doubled after each further one
 * @param connectTimeout how long to wait for a connection to the publisher
 * @param readTimeout how long a request may wait for the publisher's answer, or a
 * download for its next bytes, before the attempt fails (and is retried, resuming with
 * {@code Range}); a stalled server is otherwise cut only by the source's time limit
 * @param sources the declared sources by name
 */
@ConfigurationProperties("courtstats.pull")
public record PullSettings(@DefaultValue("false") boolean enabled, @DefaultValue("4") int attempts,
		@DefaultValue("30s") Duration backoff, @DefaultValue("30s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout, Map<String, Source> sources) {

	/** The kinds of source the inbox recognises. */
	static final Set<String> KINDS = Set.of("eoir", "ohss", "cbp");

	public PullSettings {
		sources = (sources != null) ? sources : Map.of();
		if (attempts < 1) {
			throw new IllegalArgumentException("courtstats.pull.attempts must be at least 1, not " + attempts + ".");
		}
		if (readTimeout.isNegative() || readTimeout.isZero()) {
			throw new IllegalArgumentException(
					"courtstats.pull.read-timeout must be longer than 0 s, not " + readTimeout + ".");
		}
		for (Map.Entry<String, Source> source : sources.entrySet()) {
			source.getValue().check(source.getKey());
		}
	}

	/**
	 * One publisher's export.
	 *
	 * @param kind {@code eoir}, {@code ohss} or {@code cbp}: how the file is named in the
	 * inbox and verified
	 * @param url the file's address; or blank with a listing page
	 * @param listing a page whose links name the files, for a publisher that puts each
	 * file under a new name
	 * @param pattern the file name (the link's last path segment) the links must match, a
	 * regular expression; of several, the greatest address is taken
	 * @param enabled whether the source is pulled
	 * @param timeLimit how long one check of the source may take, download included (2
	 * hours unless set)
	 * @param checkSchedule when the source is due: a Spring cron expression (or
	 * {@code @daily}, {@code @weekly}, {@code @monthly}) in the server's time zone; the
	 * source is checked once a time it names has passed since its last check (a failed
	 * check does not count); blank checks it on every run
	 */
	public record Source(String kind, String url, String listing, String pattern, @DefaultValue("true") boolean enabled,
			@DefaultValue("2h") Duration timeLimit, String checkSchedule) {

		void check(String name) {
			String prefix = "courtstats.pull.sources." + name;
			if (this.kind == null || !KINDS.contains(this.kind.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException(
						prefix + ".kind must be eoir, ohss or cbp, not '" + this.kind + "'.");
			}
			if (blank(this.url) && (blank(this.listing) || blank(this.pattern))) {
				throw new IllegalArgumentException(prefix + " needs a url, or a listing page and a file-name pattern.");
			}
			try {
				fileUri();
				listingUri();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(prefix + ": not an address: " + ex.getMessage(), ex);
			}
			try {
				schedule();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(prefix + ".check-schedule '" + this.checkSchedule + "' is not a "
						+ "cron expression (second minute hour day-of-month month day-of-week, e.g. '0 0 0 * * MON', "
						+ "or @daily, @weekly, @monthly): " + ex.getMessage(), ex);
			}
		}

		/**
		 * When the source is due.
		 * @return the parsed {@code check-schedule}, or null when it is checked on every
		 * run
		 */
		public CronExpression schedule() {
			return blank(this.checkSchedule) ? null : CronExpression.parse(this.checkSchedule.trim());
		}

		/**
		 * The file's address, kept as written: Spring's URI conversion would encode its
		 * {@code %20} again.
		 * @return the url, or null when a listing page names the file
		 */
		public URI fileUri() {
			return blank(this.url) ? null : URI.create(this.url.trim());
		}

		/**
		 * The listing page's address.
		 * @return the page, or null
		 */
		public URI listingUri() {
			return blank(this.listing) ? null : URI.create(this.listing.trim());
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		/**
		 * The kind in lower case.
		 * @return eoir, ohss or cbp
		 */
		public String kindName() {
			return this.kind.toLowerCase(Locale.ROOT);
		}

		/**
		 * Where the file is looked for, as an operator reads it.
		 * @return the url, or the listing page and pattern
		 */
		public String address() {
			return !blank(this.url) ? this.url : this.listing + " (links matching " + this.pattern + ")";
		}

	}

}
