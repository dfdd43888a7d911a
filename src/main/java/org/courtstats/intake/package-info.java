/**
 * The inbox: finds the deliveries (EOIR release folders, and EOIR's release zips read in
 * place), names their release, classifies their files and records each one, fingerprinted
 * by sha256 and with the row count {@code Count.txt} gives, in {@code etl.source_file}.
 */
package org.courtstats.intake;
