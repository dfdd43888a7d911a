/**
 * The EOIR case-data release: which files it holds, how each maps by header name onto a
 * staging table, and how a line is split, validated and cleaned.
 */
package org.courtstats.eoir;
