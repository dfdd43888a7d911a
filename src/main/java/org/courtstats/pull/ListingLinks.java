package org.courtstats.pull;

import java.net.URI;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a publisher's newest file among the links of its listing page: the links whose
 * file name (last path segment) matches the source's pattern, of which the greatest
 * address is taken (OHSS names start with the publication date, CBP files sit under
 * {@code /sites/default/files/<YYYY-MM>/}).
 */
final class ListingLinks {

	private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");

	private ListingLinks() {
	}

	static Optional<URI> newest(URI page, String html, String fileNamePattern) {
		Pattern wanted = Pattern.compile(fileNamePattern, Pattern.CASE_INSENSITIVE);
		Matcher matcher = HREF.matcher(html);
		URI newest = null;
		Comparator<URI> order = Comparator.comparing(URI::toString);
		while (matcher.find()) {
			String href = firstNonNull(matcher.group(1), matcher.group(2), matcher.group(3)).replace("&amp;", "&")
				.trim()
				.replace(" ", "%20");
			URI link;
			try {
				link = page.resolve(href);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			String path = link.getPath();
			if (path == null || !wanted.matcher(path.substring(path.lastIndexOf('/') + 1)).matches()) {
				continue;
			}
			if (newest == null || order.compare(link, newest) > 0) {
				newest = link;
			}
		}
		return Optional.ofNullable(newest);
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return "";
	}

}
