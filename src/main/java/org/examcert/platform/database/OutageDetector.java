package org.examcert.platform.database;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a series of pings into outages. One unanswered ping is not an outage (a busy server may
 * miss a one-second timeout); {@code failuresToBeDown} in a row are. The outage is counted from the
 * last answered ping, so a candidate is never given back less than the time they lost, and ends at
 * the first answered ping after it. Not thread-safe: one watcher feeds it.
 */
public final class OutageDetector {

    private final int failuresToBeDown;
    private Instant lastAnswered;
    private Instant firstUnanswered;
    private int failuresInARow;

    public OutageDetector(int failuresToBeDown) {
        if (failuresToBeDown < 1) {
            throw new IllegalArgumentException("at least one unanswered ping makes an outage");
        }
        this.failuresToBeDown = failuresToBeDown;
    }

    /** Feeds one ping; returns the outage that this answer ends, if any. */
    public Optional<DatabaseOutage> observe(boolean answered, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!answered) {
            if (failuresInARow++ == 0) {
                firstUnanswered = now;
            }
            return Optional.empty();
        }
        Optional<DatabaseOutage> ended = Optional.empty();
        if (isDown()) {
            Instant from = lastAnswered != null ? lastAnswered : firstUnanswered;
            if (from.isBefore(now)) {
                ended = Optional.of(new DatabaseOutage(from, now));
            }
        }
        failuresInARow = 0;
        firstUnanswered = null;
        lastAnswered = now;
        return ended;
    }

    public boolean isDown() {
        return failuresInARow >= failuresToBeDown;
    }

    /** Since when the database has not answered, while it is down. */
    public Optional<Instant> downSince() {
        return isDown() ? Optional.of(lastAnswered != null ? lastAnswered : firstUnanswered) : Optional.empty();
    }
}
