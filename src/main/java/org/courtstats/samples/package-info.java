/**
 * Sample data made by the project: realistic EOIR releases, quirks included, with the
 * counts a correct load must produce.
 */
package org.courtstats.samples;
