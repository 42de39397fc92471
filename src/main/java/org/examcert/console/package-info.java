/**
 * The organizer console's own part: staff accounts (organizers, administrators) and their log-in,
 * the audit log of organizer actions (which the capabilities report as CDI events, never calling
 * here), the score audit, and the reports that read several capabilities at once: the live
 * dashboard, rankings and exports. Each capability serves its own organizer operations from its
 * boundary. Pure report rules (such as {@link org.examcert.console.UnitParticipation}) sit at the
 * top of the package.
 */
package org.examcert.console;
