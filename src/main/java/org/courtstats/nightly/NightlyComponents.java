package org.courtstats.nightly;

import javax.sql.DataSource;

import org.courtstats.intake.SourceFileRegistry;
import org.courtstats.warehouse.LoadRunLedger;
import org.courtstats.warehouse.PublicationGate;
import org.courtstats.warehouse.RejectedRows;
import org.courtstats.warehouse.Releases;
import org.courtstats.warehouse.RunHistory;
import org.courtstats.warehouse.RunLock;
import org.courtstats.warehouse.WarehouseBuild;
import org.courtstats.warehouse.WarehouseChecks;
import org.courtstats.warehouse.WarehouseReports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The collaborators the nightly job draws on, each over the warehouse connection.
 */
@Configuration(proxyBeanMethods = false)
class NightlyComponents {

	@Bean
	Releases releases(DataSource dataSource) {
		return new Releases(dataSource);
	}

	@Bean
	SourceFileRegistry sourceFileRegistry(DataSource dataSource) {
		return new SourceFileRegistry(dataSource);
	}

	@Bean
	WarehouseBuild warehouseBuild(DataSource dataSource) {
		return new WarehouseBuild(dataSource);
	}

	@Bean
	WarehouseChecks warehouseChecks(DataSource dataSource) {
		return new WarehouseChecks(dataSource);
	}

	@Bean
	LoadRunLedger loadRunLedger(DataSource dataSource) {
		return new LoadRunLedger(dataSource);
	}

	@Bean
	RejectedRows rejectedRows(DataSource dataSource) {
		return new RejectedRows(dataSource);
	}

	@Bean
	RunLock runLock(DataSource dataSource) {
		return new RunLock(dataSource);
	}

	@Bean
	PublicationGate publicationGate(DataSource dataSource) {
		return new PublicationGate(dataSource);
	}

	@Bean
	WarehouseReports warehouseReports(DataSource dataSource) {
		return new WarehouseReports(dataSource);
	}

	@Bean
	RunHistory runHistory(DataSource dataSource) {
		return new RunHistory(dataSource);
	}

}
