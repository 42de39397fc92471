/**
 * Staff accounts, the first administrator from configuration, the audit trail (observing the
 * capabilities' organizer actions in their transaction), the contest reports and statistics, and
 * the sample contests of the embedded default.
 */
package org.examcert.console.control;
