package org.courtstats.warehouse;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the warehouse, unless a newer version of courtstats migrated it: an older one
 * would put its own reporting views back over the newer ones (they are repeatable
 * migrations) and load the facts by rules the schema has outgrown, where Flyway only
 * warns of migrations it does not know. Then lets analysts log in to the embedded
 * warehouse, whichever command started it.
 */
@Component
class WarehouseMigrations implements FlywayMigrationStrategy {

	private final ObjectProvider<EmbeddedWarehouse> embedded;

	WarehouseMigrations(ObjectProvider<EmbeddedWarehouse> embedded) {
		this.embedded = embedded;
	}

	@Override
	public void migrate(Flyway flyway) {
		MigrationInfo[] all = flyway.info().all();
		List<MigrationInfo> unknown = Arrays.stream(all).filter(WarehouseMigrations::fromANewerVersion).toList();
		if (!unknown.isEmpty()) {
			MigrationInfo newest = unknown.stream().max(Comparator.comparing(MigrationInfo::getVersion)).get();
			String known = Arrays.stream(all)
				.filter((migration) -> migration.isVersioned() && !fromANewerVersion(migration))
				.map(MigrationInfo::getVersion)
				.max(Comparator.naturalOrder())
				.map((version) -> "end at version " + version)
				.orElse("are none");
			throw new WarehouseSchemaTooNewException("The warehouse was migrated by a newer version of courtstats: "
					+ "its schema is at version " + newest.getVersion() + " (" + newest.getDescription()
					+ "), and this version's migrations " + known + ". Run the newer version (or a later one); "
					+ "this one does not touch the warehouse, so that it neither puts its older reporting views "
					+ "back nor loads by older rules.");
		}
		flyway.migrate();
		EmbeddedWarehouse warehouse = this.embedded.getIfAvailable();
		if (warehouse != null) {
			// The psql line every command prints works from the start, during a first
			// load too; the server accepts local connections only.
			try {
				warehouse.allowAnalystLogin();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(
						"The embedded warehouse could not let courtstats_analyst log in: " + ex.getMessage(), ex);
			}
		}
	}

	private static boolean fromANewerVersion(MigrationInfo migration) {
		return migration.getState() == MigrationState.FUTURE_SUCCESS
				|| migration.getState() == MigrationState.FUTURE_FAILED;
	}

}
