package org.courtstats.pull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A publisher on loopback: serves files with ETag and Last-Modified, answers conditional
 * requests with 304 and ranges with 206, and can fail with 503, cut a download after a
 * number of bytes, or stall after a number of bytes (sending nothing more until it is
 * closed). Each request is answered on its own thread, so that a stalled answer does not
 * hold up the next request.
 */
final class PublisherServer implements AutoCloseable {

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

	private final HttpServer server;

	private final Map<String, Served> files = new ConcurrentHashMap<>();

	/** Requests seen, in order. */
	final List<Seen> requests = new CopyOnWriteArrayList<>();

	/** Answers 503 to this many of the next requests. */
	final AtomicInteger failures = new AtomicInteger();

	/** Closes the connection after this many bytes of the next full answer (0: never). */
	final AtomicLong cutAfter = new AtomicLong();

	/**
	 * Sends this many bytes of the next full answer, then nothing more (0: never), until
	 * the server closes or {@link #STALL_LIMIT} passes.
	 */
	final AtomicLong stallAfter = new AtomicLong();

	/** Every answer for this path stalls after half its bytes (null: none). */
	final AtomicReference<String> stallingPath = new AtomicReference<>();

	/** Answers without Content-Length (chunked), as a file of unannounced length. */
	final AtomicBoolean chunked = new AtomicBoolean();

	/** How long a stalled answer waits at most, so that the handler always ends. */
	static final Duration STALL_LIMIT = Duration.ofSeconds(20);

	private final CountDownLatch closing = new CountDownLatch(1);

	private final ExecutorService handlers = Executors.newFixedThreadPool(4, (task) -> {
		Thread thread = new Thread(task, "publisher");
		thread.setDaemon(true);
		return thread;
	});

	PublisherServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.handlers);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path.replace(" ", "%20");
	}

	void serve(String path, byte[] bytes, String etag, String lastModified) {
		this.files.put(path, new Served(bytes, etag, lastModified));
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String range = exchange.getRequestHeaders().getFirst("Range");
		String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
		String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
		Served file = this.files.get(path);
		int status;
		if (this.failures.getAndUpdate((n) -> Math.max(n - 1, 0)) > 0) {
			status = 503;
			exchange.sendResponseHeaders(status, -1);
		}
		else if (file == null) {
			status = 404;
			exchange.sendResponseHeaders(status, -1);
		}
		else if (ifNoneMatch != null && ifNoneMatch.equals(file.etag())) {
			status = 304;
			exchange.getResponseHeaders().set("ETag", file.etag());
			exchange.sendResponseHeaders(status, -1);
		}
		else {
			exchange.getResponseHeaders().set("ETag", file.etag());
			exchange.getResponseHeaders().set("Last-Modified", file.lastModified());
			exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
			Matcher matcher = (range != null) ? RANGE.matcher(range) : null;
			boolean ranged = matcher != null && matcher.matches() && (ifRange == null || ifRange.equals(file.etag()));
			int from = ranged ? Integer.parseInt(matcher.group(1)) : 0;
			status = ranged ? 206 : 200;
			if (ranged) {
				exchange.getResponseHeaders()
					.set("Content-Range",
							"bytes " + from + "-" + (file.bytes().length - 1) + "/" + file.bytes().length);
			}
			int length = file.bytes().length - from;
			exchange.sendResponseHeaders(status, this.chunked.get() ? 0 : length);
			long cut = this.cutAfter.getAndSet(0);
			long stall = this.stallAfter.getAndSet(0);
			if (stall == 0 && path.equals(this.stallingPath.get())) {
				stall = length / 2;
			}
			OutputStream body = exchange.getResponseBody();
			if (stall > 0 && stall < length) {
				body.write(file.bytes(), from, (int) stall);
				body.flush();
				this.requests.add(new Seen(path, range, ifRange, ifNoneMatch, status));
				try {
					this.closing.await(STALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				throw new IOException("stalled after " + stall + " bytes");
			}
			if (cut > 0 && cut < length) {
				body.write(file.bytes(), from, (int) cut);
				body.flush();
				this.requests.add(new Seen(path, range, ifRange, ifNoneMatch, status));
				// A handler that throws makes the server drop the connection, short of
				// the Content-Length it announced.
				throw new IOException("cut after " + cut + " bytes");
			}
			body.write(file.bytes(), from, length);
		}
		this.requests.add(new Seen(path, range, ifRange, ifNoneMatch, status));
		exchange.close();
	}

	void servePage(String path, String html) {
		serve(path, html.getBytes(StandardCharsets.UTF_8), "\"page-" + html.hashCode() + "\"",
				"Mon, 03 Aug 2026 14:22:09 GMT");
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	record Served(byte[] bytes, String etag, String lastModified) {
	}

	record Seen(String path, String range, String ifRange, String ifNoneMatch, int status) {
	}

}
