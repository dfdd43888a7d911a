/**
 * The load benchmark: generates a large EOIR release, measures a raw {@code COPY} of its
 * files as the floor and the nightly load (full, again, the next release, and with JDBC
 * batch staging) in child JVMs against scratch databases it creates and drops itself.
 */
package org.courtstats.bench;
