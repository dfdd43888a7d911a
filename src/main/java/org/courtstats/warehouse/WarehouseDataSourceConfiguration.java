package org.courtstats.warehouse;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The warehouse connection: the configured PostgreSQL server, or the embedded one when
 * none is configured. Flyway migrates it and Spring Batch keeps its job repository in it.
 */
@Configuration(proxyBeanMethods = false)
class WarehouseDataSourceConfiguration {

	@Bean(destroyMethod = "close")
	@Conditional(NoServerConfigured.class)
	EmbeddedWarehouse embeddedWarehouse(WarehouseSettings settings, Environment environment) {
		return EmbeddedWarehouse.start(settings.embedded(),
				environment.getProperty(WarehouseSettings.SHARES_EMBEDDED, Boolean.class, false));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(WarehouseSettings settings, ObjectProvider<EmbeddedWarehouse> embedded) {
		HikariDataSource dataSource = new HikariDataSource();
		EmbeddedWarehouse warehouse = embedded.getIfAvailable();
		if (warehouse != null) {
			dataSource.setJdbcUrl(warehouse.jdbcUrl());
			dataSource.setUsername(warehouse.user());
			// The work still asking for connections then fails at once, not after each
			// timeout.
			warehouse.whenServerEnds(dataSource::close);
		}
		else {
			dataSource.setJdbcUrl(settings.url());
			dataSource.setUsername(settings.user());
			dataSource.setPassword(DatabaseCredentials.password(settings));
		}
		dataSource.setPoolName("warehouse");
		// A dead peer is noticed, so that the run lock's session ends with its process.
		dataSource.addDataSourceProperty("tcpKeepAlive", "true");
		dataSource.setMaximumPoolSize(settings.poolSize());
		dataSource.setConnectionTimeout(settings.connectionTimeout().toMillis());
		dataSource.setMinimumIdle(1);
		return dataSource;
	}

	static class NoServerConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("courtstats.database.url"));
		}

	}

}
