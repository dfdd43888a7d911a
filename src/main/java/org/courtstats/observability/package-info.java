/**
 * What a running load tells its operator: progress of long steps.
 */
package org.courtstats.observability;
