/**
 * The public contest listing (what is open, with the rules and boards a candidate needs) and the
 * organizers' contest operations at the console, which fire {@link org.examcert.contest.ContestAction}.
 */
package org.examcert.contest.boundary;
