package org.examcert.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HangWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T07:00:00Z");

    /** Probes every 5 s with a 60 s limit: "+" answered, "-" did not, "s" a new child started. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "healthy;                                 + + + +;                      KEEP KEEP KEEP KEEP",
            "still deploying, never answered;         - - - - - - - - - - - - - -;  KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP",
            "silent for exactly the limit;            + - - - - - - - - - - - -;    KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP",
            "silent beyond the limit;                 + - - - - - - - - - - - - -;  KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KILL",
            "one answer in the silence resets it;     + - - - - - - + - - - - - -;  KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP",
            "killed once, then owes nothing;          + - - - - - - - - - - - - - -; KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KILL KEEP",
            "a new child owes no answer;              + - - - - - - - - - - s - - -; KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP KEEP - KEEP KEEP KEEP",
    })
    void killsOnlyAServiceThatAnsweredAndThenFellSilentBeyondTheLimit(String description, String probes, String expected) {
        HangWatch watch = new HangWatch(Duration.ofSeconds(60));
        List<String> verdicts = new ArrayList<>();
        Instant now = T0;
        for (String probe : probes.trim().split("\\s+")) {
            if (probe.equals("s")) {
                watch.started();
                verdicts.add("-");
            } else {
                verdicts.add(watch.probed(probe.equals("+"), now).name());
            }
            now = now.plusSeconds(5);
        }
        assertEquals(expected.trim(), String.join(" ", verdicts), description);
    }

    @Test
    void aLimitOfZeroNeverKills() {
        HangWatch watch = new HangWatch(Duration.ZERO);
        watch.probed(true, T0);
        assertEquals(HangWatch.Verdict.KEEP, watch.probed(false, T0.plus(Duration.ofDays(1))));
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HangWatch(Duration.ofSeconds(-1)));
    }
}
