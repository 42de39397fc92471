package org.examcert.grading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A submitted, scored attempt as seen by the official-result rule. */
public record GradedAttempt(long attemptId, int number, BigDecimal score, Duration duration, Instant submittedAt) {

    public GradedAttempt {
        Objects.requireNonNull(score, "score is required");
        Objects.requireNonNull(duration, "duration is required");
        Objects.requireNonNull(submittedAt, "submittedAt is required");
        if (number < 1) {
            throw new IllegalArgumentException("attempt number must be >= 1, got " + number);
        }
        if (score.signum() < 0) {
            throw new IllegalArgumentException("score must be >= 0, got " + score);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, got " + duration);
        }
    }
}
