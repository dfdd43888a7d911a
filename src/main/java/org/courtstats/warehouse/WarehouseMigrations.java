package org.courtstats.warehouse;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the warehouse, unless a newer version of courtstats migrated it: an older one
 * would put its own reporting views back over the newer ones (they are repeatable
 * migrations) and load the facts by rules the schema has outgrown, where Flyway only
 * warns of migrations it does not know.
 */
@Component
class WarehouseMigrations implements FlywayMigrationStrategy {

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
	}

	private static boolean fromANewerVersion(MigrationInfo migration) {
		return migration.getState() == MigrationState.FUTURE_SUCCESS
				|| migration.getState() == MigrationState.FUTURE_FAILED;
	}

}
