/**
 * The inbox: finds the deliveries (EOIR release folders), names their release, classifies
 * their files and records each one, fingerprinted by sha256, in {@code etl.source_file}.
 */
package org.courtstats.intake;
