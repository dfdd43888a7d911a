/**
 * The DHS OHSS "Immigration Enforcement and Legal Processes Monthly Tables" workbook: how
 * an edition's sheets are laid out (title with the as-of month, merged group headers,
 * fiscal-year and month rows, markers) and how each published cell becomes one long-form
 * {@link org.courtstats.ohss.OhssCell}. Read through {@code spreadsheet/}; not yet loaded
 * by any job.
 */
package org.courtstats.ohss;
