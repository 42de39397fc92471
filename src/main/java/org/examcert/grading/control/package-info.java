/** Grading finalized attempts from their stored answers, and keeping each candidate's result across attempts. */
package org.examcert.grading.control;
