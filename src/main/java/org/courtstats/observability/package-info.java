/**
 * What a load tells its operator: progress of long steps while it runs, and the run
 * report (an HTML page of the latest runs and the numbers analysts quote) after.
 */
package org.courtstats.observability;
