package org.courtstats;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a command starts the Spring context, only warnings and errors are logged.
 */
class CourtstatsApplicationTests {

	@Test
	void outsideTheContextALibrarysInfoLinesAreNotLoggedButItsWarningsAre() {
		ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory
			.getLogger(Logger.ROOT_LOGGER_NAME);
		Level before = root.getLevel();
		try {
			root.setLevel(Level.DEBUG);

			CourtstatsApplication.quietOutsideTheContext();

			Logger library = LoggerFactory.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
			assertThat(library.isInfoEnabled()).isFalse();
			assertThat(library.isWarnEnabled()).isTrue();
		}
		finally {
			root.setLevel(before);
		}
	}

}
