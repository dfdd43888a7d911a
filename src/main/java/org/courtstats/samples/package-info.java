/**
 * Sample data made by the project: realistic EOIR releases, OHSS monthly-tables workbooks
 * and CBP encounter files, quirks included, with the counts a correct load must produce.
 */
package org.courtstats.samples;
