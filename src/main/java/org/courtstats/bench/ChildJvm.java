package org.courtstats.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start courtstats again in a JVM of its own: the running program's {@code java}
 * and its jar, or its class path when it runs from classes (as in the tests). Paths are
 * made absolute: a child runs in a folder of its own, where the relative
 * {@code target/courtstats.jar} it was started with does not resolve.
 *
 * @param java the java executable
 * @param launch what follows the JVM options: {@code -jar <jar>} or
 * {@code -cp <path> <main class>}
 */
public record ChildJvm(String java, List<String> launch) {

	public ChildJvm {
		launch = List.copyOf(launch);
	}

	/**
	 * The way this very program was started.
	 * @param mainClass the class to start when it runs from a class path
	 * @return its java and jar or class path
	 */
	public static ChildJvm current(String mainClass) {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		return of(java, System.getProperty("java.class.path"), mainClass);
	}

	/**
	 * A child started from a class path as a JVM reports it.
	 * @param java the java executable
	 * @param classPath the class path, one jar or entries separated by the platform's
	 * separator, relative to the current directory or absolute
	 * @param mainClass the class to start when it is not a single jar
	 * @return the child, with every path absolute
	 */
	static ChildJvm of(String java, String classPath, String mainClass) {
		String absolute = Arrays.stream(classPath.split(File.pathSeparator))
			.map((entry) -> entry.isEmpty() ? entry : Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
		if (!absolute.contains(File.pathSeparator) && absolute.endsWith(".jar")) {
			return new ChildJvm(java, List.of("-jar", absolute));
		}
		return new ChildJvm(java, List.of("-cp", absolute, mainClass));
	}

	/**
	 * The command line of a child.
	 * @param jvmOptions options for the JVM
	 * @param args the courtstats command and its arguments
	 * @return the command
	 */
	List<String> command(List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(jvmOptions);
		command.addAll(this.launch);
		command.addAll(args);
		return command;
	}

}
