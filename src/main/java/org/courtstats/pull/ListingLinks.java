package org.courtstats.pull;

import java.net.URI;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Finds a publisher's newest file among the links of its listing page: the links whose
 * file name (last path segment) matches the source's pattern, of which the greatest
 * address is taken (OHSS names start with the publication date, CBP files sit under
 * {@code /sites/default/files/<YYYY-MM>/}). The page is parsed as browsers parse it
 * (jsoup), and only http and https links are taken.
 */
final class ListingLinks {

	private ListingLinks() {
	}

	static Optional<URI> newest(URI page, String html, String fileNamePattern) {
		Pattern wanted = Pattern.compile(fileNamePattern, Pattern.CASE_INSENSITIVE);
		URI newest = null;
		Comparator<URI> order = Comparator.comparing(URI::toString);
		for (Element anchor : Jsoup.parse(html, page.toString()).select("a[href]")) {
			String href = anchor.attr("abs:href").strip().replace(" ", "%20");
			URI link;
			try {
				link = URI.create(href);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			String scheme = link.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
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

}
