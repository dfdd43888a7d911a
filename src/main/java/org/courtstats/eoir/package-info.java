/**
 * The EOIR case-data release: which files it holds, how each maps by header name onto a
 * staging table, the type of every column, and how a line is split, repaired, validated
 * and cleaned.
 */
package org.courtstats.eoir;
