package org.courtstats.warehouse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.courtstats.TestWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The gate between a stop and a publication, each on sessions of their own: a stop is
 * turned away while a publication's transaction holds the gate, and a publication that
 * starts while a stop holds it waits, then sees the stop.
 */
class PublicationGateIntegrationTests {

	private static final long RUN = 7;

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	private PublicationGate gate;

	private TransactionTemplate transaction;

	@BeforeEach
	void aRunStartedInTheJobRepository() {
		this.dataSource = TestWarehouse.dataSource(TestWarehouse.newDatabase("gate"));
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("create schema batch");
		this.jdbc.execute("create table batch.batch_job_execution (job_execution_id bigint, status varchar(10))");
		this.jdbc.update("insert into batch.batch_job_execution values (?, 'STARTED')", RUN);
		this.gate = new PublicationGate(this.dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

	@Test
	void aStopIsTurnedAwayWhileAPublicationHoldsTheGateAndGoesThroughOnceItCommits() throws Exception {
		// given: a publication in its transaction
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Boolean> publication = CompletableFuture
			.supplyAsync(() -> this.transaction.execute((status) -> {
				boolean stopRequested = this.gate.stopRequestedBeforePublication(RUN);
				entered.countDown();
				await(commit);
				return stopRequested;
			}));
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean stopped = new AtomicBoolean();

		// when
		long start = System.nanoTime();
		boolean asked = this.gate.outsidePublication(() -> {
			stopped.set(true);
			return true;
		});

		// then: turned away after a short wait, without running the stop
		assertThat(asked).isFalse();
		assertThat(stopped).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		commit.countDown();
		assertThat(publication.get(30, TimeUnit.SECONDS)).as("no stop was requested before it").isFalse();

		// when: the publication committed
		asked = this.gate.outsidePublication(() -> {
			stopped.set(true);
			return true;
		});

		// then
		assertThat(asked).isTrue();
		assertThat(stopped).isTrue();
	}

	@Test
	void aPublicationThatStartsWhileAStopHoldsTheGateWaitsForItAndSeesIt() throws Exception {
		// given
		AtomicReference<CompletableFuture<Boolean>> publication = new AtomicReference<>();

		// when: a publication starts while the stop is in the gate
		boolean asked = this.gate.outsidePublication(() -> {
			publication.set(CompletableFuture.supplyAsync(
					() -> this.transaction.execute((status) -> this.gate.stopRequestedBeforePublication(RUN))));
			sleep(Duration.ofMillis(500));
			assertThat(publication.get()).as("the publication waits for the stop").isNotDone();
			this.jdbc.update("update batch.batch_job_execution set status = 'STOPPING' where job_execution_id = ?",
					RUN);
			return true;
		});

		// then
		assertThat(asked).isTrue();
		assertThat(publication.get().get(30, TimeUnit.SECONDS)).as("the stop was requested before it").isTrue();
	}

	@Test
	void aStopThatFailsLetsTheGateGoWithItsTransaction() {
		// given: a stop that marks the run, then fails
		assertThatIllegalArgumentException().isThrownBy(() -> this.gate.outsidePublication(() -> {
			this.jdbc.update("update batch.batch_job_execution set status = 'STOPPING' where job_execution_id = ?",
					RUN);
			throw new IllegalArgumentException("the run ended meanwhile");
		})).withMessage("the run ended meanwhile");

		// then: its mark was rolled back, and a publication enters the gate at once
		Boolean stopRequested = this.transaction.execute((status) -> this.gate.stopRequestedBeforePublication(RUN));
		assertThat(stopRequested).isFalse();
		assertThat(this.jdbc.queryForObject("select status from batch.batch_job_execution", String.class))
			.isEqualTo("STARTED");
	}

	@Test
	void aPublicationOutsideATransactionIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> this.gate.stopRequestedBeforePublication(RUN))
			.withMessage("A publication enters its gate in its own transaction");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
