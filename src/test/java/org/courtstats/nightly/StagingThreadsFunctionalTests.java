package org.courtstats.nightly;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.courtstats.CourtstatsApplication;
import org.courtstats.TestWarehouse;
import org.courtstats.samples.EoirSampleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads that stage a release's files end with the application context that made
 * them, so that a process running several contexts (or a test suite) keeps none idle.
 */
class StagingThreadsFunctionalTests {

	@TempDir
	Path inbox;

	@Test
	void theStagingThreadsStopWhenTheContextCloses() throws InterruptedException {
		EoirSampleGenerator.generate(this.inbox, EoirSampleGenerator.DEFAULT_LABEL, 100, 3);
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		String url = TestWarehouse.newDatabase("staging_threads");

		List<Thread> staging;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CourtstatsApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--courtstats.database.url=" + url, "--courtstats.database.user=postgres")) {
			assertThat(context.getBean(NightlyLoad.class).run(this.inbox, null)).extracting(ReleaseOutcome::status)
				.containsExactly(ReleaseOutcome.Status.LOADED);
			staging = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread) && thread.getName().startsWith("stage-"))
				.toList();
			assertThat(staging).as("the load's staging threads").isNotEmpty();
		}

		for (Thread thread : staging) {
			thread.join(10_000);
		}
		assertThat(staging).noneMatch(Thread::isAlive);
	}

}
