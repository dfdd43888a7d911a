/**
 * The pull: fetches the publishers' exports (the EOIR case-data zip, the OHSS workbook,
 * the CBP encounters file) into the inbox when they changed, with conditional and
 * resumable requests, and moves a file into place only once it is complete and verified.
 * What each check saw is recorded in {@code etl.source_check}.
 */
package org.courtstats.pull;
