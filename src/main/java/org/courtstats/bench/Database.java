package org.courtstats.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database the benchmark creates, loads into and drops.
 *
 * @param url its JDBC URL
 * @param user the user
 * @param password the password, or null
 */
record Database(String url, String user, String password) {

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/**
	 * The same server's database of another name.
	 * @param name the database name
	 * @return its coordinates
	 */
	Database named(String name) {
		return new Database(this.url.replaceFirst("^(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name), this.user,
				this.password);
	}

}
