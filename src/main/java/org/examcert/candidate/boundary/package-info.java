/**
 * The candidate's account API (register, log in and out, who am I), the unit list for registration,
 * and the organizers' units at the console, which fire {@link org.examcert.candidate.UnitAction}.
 */
package org.examcert.candidate.boundary;
