package org.examcert.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoginThrottleTest {

    private static final Instant LAST_FAILURE = Instant.parse("2026-03-26T08:00:00Z");
    /** The defaults per account: 5 free failures, then 5 s doubling up to 15 min, forgotten after an hour. */
    private final LoginThrottle account = new LoginThrottle(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1));

    @ParameterizedTest(name = "after {0} failures wait {1} s")
    @CsvSource({"0, 0", "1, 0", "4, 0", "5, 5", "6, 10", "7, 20", "12, 640", "13, 900", "14, 900", "70, 900",
            "2147483647, 900"})
    void theWaitDoublesAfterTheFreeFailuresUpToTheCap(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), account.delayAfter(failures));
    }

    @ParameterizedTest(name = "{0} failures, {1} s after the last: wait {2}")
    @CsvSource({
            "0,    0,    -",
            "4,    0,    -",
            "5,    0,    5000",
            "5,    1,    4000",
            "5,    4.5,  500",
            "5,    5,    -",
            "6,    3,    7000",
            "13,   0,    900000",
            "13,   899,  1000",
            "13,   900,  -",
            "40,   3599, -",
            // an hour without a failure forgets them all: no permanent lock-out
            "40,   3600, -",
            "40,   7200, -",
            // a concurrent log-in from the same address stamped its attempt a moment after this one read
            // the clock: below the free failures that is no reason to wait (it was a 429 at the opening)
            "4,    -0.05, -",
            "0,    -0.05, -",
            // past them, the wait still runs from the latest attempt
            "5,    -0.5, 5500"})
    void aLogInWaitsUntilTheDelayAfterTheLastFailureHasPassed(int failures, double secondsLater, String waitMillis) {
        Instant now = LAST_FAILURE.plusMillis((long) (secondsLater * 1000));
        assertEquals(waitMillis.equals("-") ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMillis(Long.parseLong(waitMillis))),
                account.waitAt(failures, LAST_FAILURE, now));
    }

    @ParameterizedTest(name = "{0} failures, {1} s after the last: {2} still count")
    @CsvSource({"0, 0, 0", "3, 10, 3", "3, 3599, 3", "3, 3600, 0", "3, 5000, 0"})
    void failuresAreForgottenAfterTheQuietPeriod(int failures, long secondsLater, int counted) {
        assertEquals(counted, account.counted(failures, LAST_FAILURE, LAST_FAILURE.plusSeconds(secondsLater)));
    }

    @ParameterizedTest(name = "{0} ms → Retry-After {1}")
    @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "4200, 5", "900000, 900"})
    void retryAfterRoundsUpSoThatAnObedientClientGetsIn(long millis, long seconds) {
        assertEquals(seconds, LoginThrottle.retryAfterSeconds(Duration.ofMillis(millis)));
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(0, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, Duration.ofMinutes(20), Duration.ofMinutes(15), Duration.ofHours(1)));
        // forgetting failures before the longest wait ends would cut the cap short
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(10)));
    }
}
