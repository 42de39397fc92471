package org.examcert.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a log-in must wait after failures, for one throttled thing (an account or a client
 * address): the first {@code freeFailures} cost nothing, each later one doubles the wait from
 * {@code firstDelay} up to {@code maxDelay}, counted from the last failure. Failures are forgotten
 * after {@code forgetAfter} without one, so there is never a permanent lock-out that an attacker
 * could use to keep a candidate out on exam day. Attempts refused while waiting are not failures
 * (their password is never checked), so hammering does not lengthen the wait.
 */
public record LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public LoginThrottle {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("a log-in throttle needs free failures ≥ 1 and 0 < first delay ≤ max delay ≤ forget-after,"
                    + " not " + freeFailures + ", " + firstDelay + ", " + maxDelay + ", " + forgetAfter);
        }
    }

    /** The wait imposed after {@code failures} consecutive failures. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = failures - freeFailures;
        // 2^doublings overflows long soon after the cap is reached; the cap is reached long before 62 doublings.
        if (doublings >= 62 || firstDelay.toMillis() > maxDelay.toMillis() >> doublings) {
            return maxDelay;
        }
        return firstDelay.multipliedBy(1L << doublings);
    }

    /** The failures still counted at {@code now}: none once the last is older than forget-after. */
    public int counted(int failures, Instant lastFailure, Instant now) {
        return failures <= 0 || lastFailure == null || !lastFailure.isAfter(forgetBefore(now)) ? 0 : failures;
    }

    /** A failure at or before this instant no longer counts. */
    public Instant forgetBefore(Instant now) {
        return now.minus(forgetAfter);
    }

    /** How long from {@code now} a log-in must still wait, if at all. */
    public Optional<Duration> waitAt(int failures, Instant lastFailure, Instant now) {
        int counted = counted(failures, lastFailure, now);
        Duration delay = delayAfter(counted);
        // Within the free failures nothing waits, even when a concurrent attempt from the same address
        // stamped a later instant than this one's clock read (a school behind one address, at the opening).
        if (delay.isZero()) {
            return Optional.empty();
        }
        Instant allowedAt = lastFailure.plus(delay);
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /** A wait as whole seconds for Retry-After: rounded up, so a client that obeys it is let in. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
