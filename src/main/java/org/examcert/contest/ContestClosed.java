package org.examcert.contest;

import java.time.Instant;

/** A contest was closed by its organizers; fired inside the closing transaction. */
public record ContestClosed(long contestId, Instant now) {
}
