/**
 * Reading and writing XLSX workbooks a row at a time: the only package that touches
 * Apache POI, so the rest of the code sees sheets as rows of text and numbers, never POI
 * types.
 */
package org.courtstats.spreadsheet;
