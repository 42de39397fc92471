package org.examcert.attempt;

import org.examcert.platform.database.DatabaseOutage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rule that no time is stolen by an outage: an attempt that was running while the service could
 * not accept its answers is given back the time from the outage's start (or its own start, if
 * later) to the outage's end. Its deadline moves by that much, so after the outage it has exactly
 * the time it had left when the outage began — also when its deadline fell inside the outage, and
 * also past the contest's closing time, since the contest did not lose that time, the candidate did.
 * Several instances see the same outage a little differently: time already given back for a
 * recorded outage is never given twice.
 */
public final class OutageCredit {

    /** Shorter gaps are absorbed by the contest's grace period and the app's retries. */
    public static final Duration SHORTEST_CREDITED = Duration.ofSeconds(2);

    private OutageCredit() {
    }

    /** The time an attempt started at {@code startedAt}, due at {@code deadline}, gets back for {@code outage}. */
    public static Duration credit(Instant startedAt, Instant deadline, DatabaseOutage outage) {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        if (!startedAt.isBefore(outage.to()) || !deadline.isAfter(outage.from())) {
            return Duration.ZERO; // started after the outage, or was already due before it began
        }
        Instant lostFrom = startedAt.isAfter(outage.from()) ? startedAt : outage.from();
        return Duration.between(lostFrom, outage.to());
    }

    /**
     * The parts of {@code seen} not yet covered by {@code recorded} outages, each at least
     * {@link #SHORTEST_CREDITED} long: the only parts for which time may still be given back.
     */
    public static List<DatabaseOutage> notYetCredited(DatabaseOutage seen, List<DatabaseOutage> recorded) {
        List<DatabaseOutage> sorted = new ArrayList<>(recorded);
        sorted.sort(Comparator.comparing(DatabaseOutage::from));
        List<DatabaseOutage> parts = new ArrayList<>();
        Instant cursor = seen.from();
        for (DatabaseOutage covered : sorted) {
            if (!covered.to().isAfter(cursor) || !covered.from().isBefore(seen.to())) {
                continue;
            }
            if (covered.from().isAfter(cursor)) {
                add(parts, cursor, covered.from());
            }
            if (covered.to().isAfter(cursor)) {
                cursor = covered.to();
            }
        }
        if (cursor.isBefore(seen.to())) {
            add(parts, cursor, seen.to());
        }
        return parts;
    }

    private static void add(List<DatabaseOutage> parts, Instant from, Instant to) {
        if (Duration.between(from, to).compareTo(SHORTEST_CREDITED) >= 0) {
            parts.add(new DatabaseOutage(from, to));
        }
    }
}
