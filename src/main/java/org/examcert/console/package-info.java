/**
 * The organizer console: staff accounts (organizers, administrators) and the organizing board's
 * operations on contests, boards and rules.
 */
package org.examcert.console;
