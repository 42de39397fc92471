/**
 * The console's own API: staff session and accounts, the audit log, attempt histories, and the
 * cross-capability reports on a contest (dashboard, rankings, exports). Each capability serves its
 * own organizer operations under {@code /api/console/…} from its boundary.
 */
package org.examcert.console.boundary;
