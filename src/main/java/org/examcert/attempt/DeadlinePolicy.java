package org.examcert.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an attempt must end: at its time limit or when the contest closes, whichever comes first.
 * Answers are still accepted during a short grace period after the deadline, to absorb network
 * latency on the final save; after that the attempt is overdue and the sweeper finalizes it.
 */
public record DeadlinePolicy(Duration grace) {

    /** A grace longer than this would effectively extend the time limit. */
    public static final Duration MAX_GRACE = Duration.ofMinutes(5);

    public DeadlinePolicy {
        Objects.requireNonNull(grace, "grace is required");
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("grace must be between 0 and " + MAX_GRACE + ", got " + grace);
        }
    }

    /** The earlier of {@code startedAt + timeLimit} and {@code contestClosesAt}. */
    public Instant deadline(Instant startedAt, Duration timeLimit, Instant contestClosesAt) {
        Objects.requireNonNull(startedAt, "startedAt is required");
        Objects.requireNonNull(timeLimit, "timeLimit is required");
        Objects.requireNonNull(contestClosesAt, "contestClosesAt is required");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be > 0, got " + timeLimit);
        }
        if (!startedAt.isBefore(contestClosesAt)) {
            throw new IllegalArgumentException("an attempt must start before the contest closes: started "
                    + startedAt + ", contest closes " + contestClosesAt);
        }
        Instant byTimeLimit = startedAt.plus(timeLimit);
        return byTimeLimit.isBefore(contestClosesAt) ? byTimeLimit : contestClosesAt;
    }

    /** True while {@code now <= deadline + grace}. */
    public boolean acceptsAnswers(Instant deadline, Instant now) {
        return !isOverdue(deadline, now);
    }

    /** True once {@code now > deadline + grace}. */
    public boolean isOverdue(Instant deadline, Instant now) {
        Objects.requireNonNull(deadline, "deadline is required");
        Objects.requireNonNull(now, "now is required");
        return now.isAfter(deadline.plus(grace));
    }

    /** Time left until the deadline as shown to the candidate (the grace is not advertised); never negative. */
    public Duration remaining(Instant deadline, Instant now) {
        Objects.requireNonNull(deadline, "deadline is required");
        Objects.requireNonNull(now, "now is required");
        return now.isBefore(deadline) ? Duration.between(now, deadline) : Duration.ZERO;
    }
}
