package org.examcert.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-26T08:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(30), 10);

    @ParameterizedTest
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "9, 1280", "10, 1800", "30, 1800"})
    void backoffDoublesUpToTheCap(int tries, long seconds) {
        assertEquals(NOW.plusSeconds(seconds), policy.nextTry(tries, NOW));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "9, true", "10, false", "11, false"})
    void afterTheLastTryAMailIsDead(int tries, boolean again) {
        assertEquals(again, policy.triesAgain(tries));
    }
}
