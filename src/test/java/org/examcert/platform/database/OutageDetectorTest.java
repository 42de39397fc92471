package org.examcert.platform.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutageDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-26T10:00:00Z");

    /** Pings one second apart: 'y' answered, 'n' not. Outages as "from-to" in seconds after T0. */
    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource({
            "always answered,                 yyyyy,      '',         false",
            "one miss is not an outage,       yynyy,      '',         false",
            "two misses are,                  yynnyy,     1-4,        false",
            "a long outage,                   ynnnnnnny,  0-8,        false",
            "down at the end,                 yynnn,      '',         true",
            "down from the first ping,        nnny,       0-3,        false",
            "two outages,                     ynnyynny,   0-3 4-7,    false",
            "misses split by an answer,       ynynyny,    '',         false",
    })
    void turnsPingsIntoOutages(String description, String pings, String expected, boolean downAtEnd) {
        OutageDetector detector = new OutageDetector(2);
        List<String> outages = new ArrayList<>();
        for (int second = 0; second < pings.length(); second++) {
            detector.observe(pings.charAt(second) == 'y', T0.plusSeconds(second)).ifPresent(o ->
                    outages.add((o.from().getEpochSecond() - T0.getEpochSecond()) + "-" + (o.to().getEpochSecond() - T0.getEpochSecond())));
        }
        assertEquals(expected.isBlank() ? List.of() : List.of(expected.split(" ")), outages);
        assertEquals(downAtEnd, detector.isDown());
    }
}
