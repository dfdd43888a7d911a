package org.courtstats.pull;

import javax.sql.DataSource;

import org.courtstats.observability.LoadMeters;
import org.courtstats.warehouse.SourceChecks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pull's collaborators, over the warehouse connection.
 */
@Configuration(proxyBeanMethods = false)
class PullConfiguration {

	@Bean
	SourceChecks sourceChecks(DataSource dataSource) {
		return new SourceChecks(dataSource);
	}

	@Bean
	SourcePull sourcePull(PullSettings settings, SourceChecks sourceChecks, ObjectProvider<LoadMeters> meters) {
		return new SourcePull(settings, sourceChecks, meters);
	}

}
