package org.courtstats;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.courtstats.samples.CbpSampleFile;
import org.courtstats.samples.EoirSampleGenerator;
import org.courtstats.samples.OhssSampleWorkbook;

/**
 * Starts courtstats in a JVM of its own, as a shell would, for the tests that kill it,
 * stop it or read what it prints. Children start from a class-data archive that a first
 * child (a load of a small delivery) leaves behind once per test JVM, which takes about a
 * third off each start; without one (main classes in a folder rather than a jar, as an
 * IDE runs them) they start without it.
 */
public final class ChildJvm {

	private static final Path FOLDER = Path.of("target/child-jvm").toAbsolutePath();

	private static Optional<Path> archive;

	private ChildJvm() {
	}

	/**
	 * A courtstats command in a JVM of its own, with the options every child shares
	 * (quick start, no waiting for deliveries to settle). The caller sets the working
	 * folder, output and environment.
	 * @param options more JVM options, such as {@code -D} settings
	 * @param args the command and its arguments
	 * @return the process to start
	 */
	public static ProcessBuilder courtstats(List<String> options, String... args) {
		List<String> archiveOptions = archive().map((file) -> List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + file))
			.orElse(List.of());
		return new ProcessBuilder(command(archiveOptions, options, args));
	}

	private static List<String> command(List<String> archiveOptions, List<String> options, String... args) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dcourtstats.nightly-load.settle-time=0s"));
		command.addAll(archiveOptions);
		command.addAll(options);
		command.addAll(List.of("-cp", classpath(), CourtstatsApplication.class.getName()));
		command.addAll(Arrays.asList(args));
		return command;
	}

	/**
	 * The test JVM's class path without the test classes, which no child needs.
	 */
	private static String classpath() {
		return entries().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
	}

	private static Stream<Path> entries() {
		Path testClasses = location(ChildJvm.class);
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.map((entry) -> Path.of(entry).toAbsolutePath())
			.filter((entry) -> !entry.equals(testClasses));
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The class-data archive children start from, made by the first child that asks. The
	 * JVM archives classes from jars only, so none is made when the main classes lie in a
	 * folder.
	 */
	private static synchronized Optional<Path> archive() {
		if (archive == null) {
			archive = Optional.empty();
			if (entries().allMatch(Files::isRegularFile)) {
				archive = train();
			}
		}
		return archive;
	}

	/**
	 * Loads a small delivery in a child that writes the classes it loaded to an archive
	 * when it ends, named for this test JVM so that no other build's archive, made from
	 * other jars, is ever used.
	 */
	private static Optional<Path> train() {
		try {
			Files.createDirectories(FOLDER);
			Path file = FOLDER.resolve("courtstats-" + ProcessHandle.current().pid() + ".jsa");
			Path inbox = Files.createTempDirectory(FOLDER, "inbox");
			EoirSampleGenerator.generate(inbox, EoirSampleGenerator.DEFAULT_LABEL, 200, 1);
			OhssSampleWorkbook.write(inbox, YearMonth.of(2026, 3), 5);
			CbpSampleFile.write(inbox, YearMonth.of(2026, 3), 5);
			String url = TestWarehouse.newDatabase("child_jvm_archive");
			List<String> command = command(List.of("-XX:ArchiveClassesAtExit=" + file),
					List.of("-Dcourtstats.database.url=" + url, "-Dcourtstats.database.user=postgres",
							"-Dcourtstats.log-dir=" + TestLogs.file("archive-load")),
					"load", "--inbox", inbox.toString());
			Path output = TestLogs.file("archive-load.log");
			Process process = new ProcessBuilder(command).directory(FOLDER.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
			else if (process.exitValue() == 0 && Files.isRegularFile(file)) {
				file.toFile().deleteOnExit();
				return Optional.of(file);
			}
			System.err
				.println("Child JVMs start without a class-data archive: the load that makes it failed, see " + output);
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
