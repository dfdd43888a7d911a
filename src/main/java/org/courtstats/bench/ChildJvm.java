package org.courtstats.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start courtstats again in a JVM of its own: the running program's {@code java}
 * and its jar, or its class path when it runs from classes (as in the tests).
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
		String classPath = System.getProperty("java.class.path");
		if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
			return new ChildJvm(java, List.of("-jar", classPath));
		}
		return new ChildJvm(java, List.of("-cp", classPath, mainClass));
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
