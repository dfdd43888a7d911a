/**
 * The commands operators type. Nothing else in courtstats talks to the terminal.
 */
package org.courtstats.cli;
