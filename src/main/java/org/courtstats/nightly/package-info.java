/**
 * The nightly load: finds the releases in the inbox and runs, for each, the job that
 * registers, stages, integrates and publishes it. A run is identified by source and
 * release.
 */
package org.courtstats.nightly;
