package org.courtstats.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository in schema {@code batch}, from the DDL that ships
 * with the Spring Batch version on the classpath, so that its tables always match the
 * framework.
 */
@Component
class CreateJobRepositoryMigration implements JavaMigration {

	private static final String BATCH_DDL = "org/springframework/batch/core/schema-postgresql.sql";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2");
	}

	@Override
	public String getDescription() {
		return "create job repository";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		String searchPath;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('search_path')")) {
			rs.next();
			searchPath = rs.getString(1);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("create schema if not exists batch");
			statement.execute("comment on schema batch is "
					+ "'Spring Batch job repository: job and step executions and their contexts.'");
			statement.execute("set local search_path to batch");
		}
		ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(BATCH_DDL));
		populator.populate(connection);
		try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, true)")) {
			statement.setString(1, searchPath);
			statement.execute();
		}
	}

}
