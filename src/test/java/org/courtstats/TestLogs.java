package org.courtstats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder where a test JVM and the courtstats processes its tests start write their
 * logs and output: the build's {@code courtstats.log-dir}, one folder per test JVM when
 * the build runs several side by side, so that no two write the same file.
 */
public final class TestLogs {

	private TestLogs() {
	}

	/**
	 * The log folder of this test JVM, created if need be.
	 * @return its absolute path
	 */
	public static Path folder() {
		Path folder = Path.of(System.getProperty("courtstats.log-dir", "target/test-logs")).toAbsolutePath();
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the test log folder " + folder, ex);
		}
	}

	/**
	 * A file of this test JVM's log folder.
	 * @param name its name
	 * @return its absolute path
	 */
	public static Path file(String name) {
		return folder().resolve(name);
	}

}
