package org.examcert.grading;

import java.math.BigDecimal;

/**
 * A candidate's official result reached a passing band higher than any they had before. Fired in
 * the grading transaction: a certificate issued by an observer commits with the result or not at all.
 */
public record BandReached(long participationId, long candidateId, long contestId, long officialAttemptId,
                          String band, String previousBand, BigDecimal score, BigDecimal maxScore,
                          java.time.Instant now) {
}
