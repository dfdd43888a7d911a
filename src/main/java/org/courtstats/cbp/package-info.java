/**
 * The CBP "Nationwide Encounters" CSV files: their three column layouts, how a file is
 * streamed and mapped by header name into typed encounter rows or rejects, and which
 * fiscal years a file covers.
 */
package org.courtstats.cbp;
