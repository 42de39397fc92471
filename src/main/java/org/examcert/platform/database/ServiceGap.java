package org.examcert.platform.database;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that finds the time no instance served: every running instance writes one shared
 * heartbeat each second; an instance that starts and finds the heartbeat older than
 * {@link #LONGEST_SILENCE} knows that no instance was accepting answers from then until now (all
 * were killed, crashed or stopped). That span is an outage like a database outage, and its time is
 * given back the same way. No heartbeat yet (a new database) is no outage.
 */
public final class ServiceGap {

    /** Heartbeats are a second apart; a busy instance may miss one or two without anyone losing time. */
    public static final Duration LONGEST_SILENCE = Duration.ofSeconds(3);

    private ServiceGap() {
    }

    public static Optional<DatabaseOutage> sinceLastHeartbeat(Instant lastHeartbeat, Instant now) {
        Objects.requireNonNull(now, "now");
        if (lastHeartbeat == null || !lastHeartbeat.plus(LONGEST_SILENCE).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseOutage(lastHeartbeat, now));
    }
}
