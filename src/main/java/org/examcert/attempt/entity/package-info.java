/**
 * Participations, attempts, the papers of ended attempts (their items) and what happened to an
 * attempt besides answers ({@code AttemptEvent}: take-overs, expiry, integrity flags), as stored.
 * A running attempt's answers are rows the save statement writes (attempt_answer), not entities.
 */
package org.examcert.attempt.entity;
