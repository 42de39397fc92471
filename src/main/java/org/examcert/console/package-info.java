/**
 * The organizer console: staff accounts (organizers, administrators), the organizing board's
 * operations on contests, boards, banks and units, the live dashboard, rankings, exports and the
 * audit log of organizer actions. Pure report rules (such as {@link org.examcert.console.UnitParticipation})
 * sit at the top of the package.
 */
package org.examcert.console;
