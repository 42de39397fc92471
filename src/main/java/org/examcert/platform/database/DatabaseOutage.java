package org.examcert.platform.database;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time during which the database did not answer: from the last moment it was known to answer to
 * the first moment it answered again. Fired as a CDI event when the database is back, so that the
 * capabilities that keep time (attempts) can give it back.
 */
public record DatabaseOutage(Instant from, Instant to) {

    public DatabaseOutage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an outage ends after it starts: " + from + " .. " + to);
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    public boolean overlaps(DatabaseOutage other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
