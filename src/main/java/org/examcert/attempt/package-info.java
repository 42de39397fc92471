/** Attempts: pure rules for drawing a candidate's paper, its deadline, and reviewing how it was answered. */
package org.examcert.attempt;
