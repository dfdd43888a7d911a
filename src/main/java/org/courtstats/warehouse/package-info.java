/**
 * The warehouse database: the embedded PostgreSQL by default or a configured server, its
 * migrations, the set-based integration SQL of {@code warehouse-sql/load}, and the
 * publication of a release.
 */
package org.courtstats.warehouse;
