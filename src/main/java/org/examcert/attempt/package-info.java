/**
 * Attempts: the state machine of one attempt (start, save, submit, expire) and pure rules for its
 * deadline, for the time an outage gives back ({@link org.examcert.attempt.OutageCredit}) and for
 * reviewing how it was answered (integrity signals for organizers).
 */
package org.examcert.attempt;
