/**
 * The staging writer: PostgreSQL {@code COPY} of cleaned rows into the staging tables and
 * of rejected rows into {@code etl.rejected_row}, inside the chunk transaction.
 */
package org.courtstats.staging;
