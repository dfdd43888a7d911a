package org.courtstats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM, with a fresh database for each test class that
 * asks, so that test classes do not see each other's warehouse.
 */
public final class TestWarehouse {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestWarehouse() {
	}

	/**
	 * Creates an empty database on the shared server.
	 * @param prefix a name for the database, suffixed to make it unique
	 * @return its JDBC URL; the user is {@code postgres}, with no password
	 */
	public static synchronized String newDatabase(String prefix) {
		String name = prefix.toLowerCase() + "_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	/**
	 * A connection pool-less data source for a test database.
	 * @param url the database's JDBC URL
	 * @return a data source connecting as {@code postgres}
	 */
	public static DataSource dataSource(String url) {
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("postgres");
		return dataSource;
	}

	/**
	 * Points the application context of a test class at a database of the shared server.
	 * @param registry the test's dynamic properties
	 * @param url the database's JDBC URL
	 */
	public static void use(DynamicPropertyRegistry registry, String url) {
		registry.add("courtstats.database.url", () -> url);
		registry.add("courtstats.database.user", () -> "postgres");
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the test PostgreSQL", ex);
			}
		}
		return server;
	}

}
