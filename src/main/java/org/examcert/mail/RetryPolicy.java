package org.examcert.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff for failed sends: base × 2^(tries-1), capped; after {@code maxTries} the mail
 * is dead (shown to organizers, who may resend it).
 */
public record RetryPolicy(Duration base, Duration cap, int maxTries) {

    public RetryPolicy {
        if (base == null || base.isNegative() || base.isZero() || cap == null || cap.compareTo(base) < 0 || maxTries < 1) {
            throw new IllegalArgumentException("a retry policy needs 0 < base <= cap and at least one try");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 10);
    }

    /** Whether a mail that has now failed {@code tries} times should be tried again. */
    public boolean triesAgain(int tries) {
        return tries < maxTries;
    }

    public Instant nextTry(int tries, Instant now) {
        Duration wait = base;
        for (int i = 1; i < tries && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(cap) > 0 ? cap : wait);
    }
}
