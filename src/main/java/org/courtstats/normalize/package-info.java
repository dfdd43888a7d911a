/**
 * Shared value cleaners: null tokens, codes, dates and control characters, the same for
 * every source.
 */
package org.courtstats.normalize;
