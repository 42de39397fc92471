/**
 * Grading finalized attempts from their stored answers, keeping each candidate's result across
 * attempts, and the score audit that recomputes every stored score.
 */
package org.examcert.grading.control;
