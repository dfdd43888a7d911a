/**
 * courtstats: the nightly loader of US immigration-court and border statistics into a
 * PostgreSQL star schema. Each sub-package is one step of a row's journey.
 */
package org.courtstats;
