package org.examcert.attempt;

/**
 * An attempt was submitted or expired. Fired inside the finalizing transaction, so that its grade
 * (and whatever the grade earns) commits with it or not at all.
 */
public record AttemptFinalized(long attemptId, long participationId, long contestId, long candidateId,
                               java.time.Instant now) {
}
