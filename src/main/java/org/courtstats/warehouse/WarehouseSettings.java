package org.courtstats.warehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Where the warehouse lives. With no {@code url} the loader starts an embedded
 * PostgreSQL.
 *
 * @param url JDBC URL of a PostgreSQL server ({@code COURTSTATS_DB_URL}); blank for the
 * embedded one
 * @param user user for that server ({@code COURTSTATS_DB_USER})
 * @param password password for that server ({@code COURTSTATS_DB_PASSWORD})
 * @param passwordFile a file holding that password instead, read at startup
 * ({@code COURTSTATS_DB_PASSWORD_FILE}); one final newline is not part of it
 * @param poolSize connections the loader may hold
 * @param connectionTimeout how long asking for a connection waits before it fails, e.g.
 * while PostgreSQL restarts
 * @param embedded settings of the embedded PostgreSQL
 */
@ConfigurationProperties("courtstats.database")
public record WarehouseSettings(String url, String user, String password, String passwordFile,
		@DefaultValue("8") int poolSize, @DefaultValue("30s") Duration connectionTimeout,
		@DefaultValue Embedded embedded) {

	/** A user named in the address itself ({@code ?user=...}). */
	private static final Pattern USER_IN_URL = Pattern.compile("(?i)[?&]user=[^&]");

	/**
	 * Refuses, as settings the program cannot take, an address that is not PostgreSQL's
	 * JDBC form and a server address without a user, where the driver would fail with "No
	 * suitable driver" or an empty user name and nothing to say which setting is wrong.
	 */
	public WarehouseSettings {
		if (StringUtils.hasText(url)) {
			String address = url.strip();
			if (!address.startsWith("jdbc:postgresql:")) {
				String libpq = (address.startsWith("postgresql://") || address.startsWith("postgres://"))
						? " (the form 'postgresql://...' of psql is written 'jdbc:postgresql://...' here)" : "";
				throw new IllegalArgumentException("courtstats.database.url (COURTSTATS_DB_URL) is '" + address
						+ "', which is not a PostgreSQL JDBC address: it takes jdbc:postgresql://HOST:PORT/DATABASE"
						+ libpq + ".");
			}
			if (!StringUtils.hasText(user) && !USER_IN_URL.matcher(address).find()) {
				throw new IllegalArgumentException("courtstats.database.user (COURTSTATS_DB_USER) is not set: the "
						+ "server of courtstats.database.url needs the user to connect as.");
			}
		}
	}

	/**
	 * Whether the loader starts its own PostgreSQL.
	 * @return true when no server URL is configured
	 */
	public boolean usesEmbedded() {
		return !StringUtils.hasText(this.url);
	}

	/**
	 * The embedded PostgreSQL.
	 *
	 * @param dataDirectory where its data stays between runs
	 * @param port local port it listens on
	 * @param database database that holds the warehouse
	 * @param ownerWait how long a command waits for another courtstats process serving
	 * the folder: to end, for a command that needs the server to itself; to accept
	 * connections, for one that may share it
	 */
	public record Embedded(@DefaultValue("./data/warehouse") Path dataDirectory, @DefaultValue("54329") int port,
			@DefaultValue("courtstats") String database, @DefaultValue("30s") Duration ownerWait) {

		public Embedded {
			if (ownerWait.isNegative()) {
				String given = (ownerWait.toMillis() % 1000 == 0) ? ownerWait.toSeconds() + "s"
						: ownerWait.toMillis() + "ms";
				throw new IllegalArgumentException("courtstats.database.embedded.owner-wait is '" + given
						+ "': it takes a duration of 0s or more (0s: do not wait)");
			}
		}

	}

	/**
	 * Set (to {@code true}) by the commands that may use the embedded server of another
	 * courtstats process (short ones that change no run's data: {@code status},
	 * {@code stop}, {@code report}, ...); the others wait for that process to end.
	 */
	public static final String SHARES_EMBEDDED = "courtstats.command.shares-embedded-warehouse";

}
