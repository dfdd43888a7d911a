package org.courtstats.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM runs in a folder of its own, so it is started from absolute paths whatever
 * the benchmark was started from.
 */
class ChildJvmTests {

	@Test
	void aRelativeJarIsLaunchedByItsAbsolutePath() {
		ChildJvm child = ChildJvm.of("java", "target/courtstats.jar", "org.courtstats.CourtstatsApplication");

		String jar = Path.of("target/courtstats.jar").toAbsolutePath().toString();
		assertThat(child.launch()).containsExactly("-jar", jar);
		assertThat(child.command(List.of("-Xmx512m"), List.of("load"))).containsExactly("java", "-Xmx512m", "-jar", jar,
				"load");
	}

	@Test
	void everyEntryOfAClassPathBecomesAbsolute() {
		String classPath = String.join(File.pathSeparator, "target/classes", "/opt/lib/a.jar");

		ChildJvm child = ChildJvm.of("java", classPath, "org.courtstats.CourtstatsApplication");

		assertThat(child.launch()).containsExactly("-cp", String.join(File.pathSeparator,
				Path.of("target/classes").toAbsolutePath().toString(), "/opt/lib/a.jar"),
				"org.courtstats.CourtstatsApplication");
	}

}
