/**
 * The console's own API: staff session and accounts (every staff request checked against the
 * stored account by {@code ConsoleAccess}), the audit log, the score audit, and the
 * cross-capability reports on a contest (dashboard, rankings, exports). Each capability serves its
 * own organizer operations under {@code /api/console/…} from its boundary.
 */
package org.examcert.console.boundary;
