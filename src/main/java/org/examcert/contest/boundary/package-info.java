/** The public contest listing: what is open, with the rules and boards a candidate needs. */
package org.examcert.contest.boundary;
