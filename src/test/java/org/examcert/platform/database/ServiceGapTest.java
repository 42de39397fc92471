package org.examcert.platform.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceGapTest {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");

    /** The last heartbeat, in seconds before now (empty: none yet); the outage found, "from-to" in seconds before now. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "a new database: no heartbeat yet,              '',    ''",
            "another instance beat a moment ago,            0.5,   ''",
            "a missed beat or two is no outage,             3,     ''",
            "just past the longest silence,                 3.001, 3.001-0",
            "every instance killed; one restarted 70 s on,  70,    70-0",
            "a clock a little ahead of ours: no outage,     -1,    ''",
    })
    void findsTheTimeNoInstanceServed(String description, String secondsAgo, String expected) {
        Instant last = secondsAgo.isBlank() ? null : NOW.minusMillis(Math.round(Double.parseDouble(secondsAgo) * 1000));
        String found = ServiceGap.sinceLastHeartbeat(last, NOW)
                .map(o -> seconds(o.from()) + "-" + seconds(o.to())).orElse("");
        assertEquals(expected, found);
    }

    private static String seconds(Instant t) {
        long millis = NOW.toEpochMilli() - t.toEpochMilli();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
