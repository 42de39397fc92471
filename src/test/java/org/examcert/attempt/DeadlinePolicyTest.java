package org.examcert.attempt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlinePolicyTest {

    private static final Instant DEADLINE = Instant.parse("2025-03-26T09:00:00Z");
    private final DeadlinePolicy policy = new DeadlinePolicy(Duration.ofSeconds(10));

    @ParameterizedTest(name = "[{index}] {0}: start {1}, limit {2}, closes {3} -> {4}")
    @CsvSource({
            "time limit first,     2025-03-26T08:00:00Z, PT30M, 2025-03-26T12:00:00Z, 2025-03-26T08:30:00Z",
            "contest closes first, 2025-03-26T11:45:00Z, PT30M, 2025-03-26T12:00:00Z, 2025-03-26T12:00:00Z",
            "both at once,         2025-03-26T11:30:00Z, PT30M, 2025-03-26T12:00:00Z, 2025-03-26T12:00:00Z",
            "one ms before close,  2025-03-26T11:59:59.999Z, PT30M, 2025-03-26T12:00:00Z, 2025-03-26T12:00:00Z",
    })
    void deadlineIsTheEarlierEnd(String description, Instant startedAt, Duration timeLimit, Instant closesAt,
            Instant expected) {
        assertEquals(expected, policy.deadline(startedAt, timeLimit, closesAt));
    }

    @ParameterizedTest(name = "[{index}] start {0}, limit {1}, closes {2}")
    @CsvSource({
            "2025-03-26T12:00:00Z, PT30M, 2025-03-26T12:00:00Z",
            "2025-03-26T12:00:01Z, PT30M, 2025-03-26T12:00:00Z",
            "2025-03-26T08:00:00Z, PT0S,  2025-03-26T12:00:00Z",
            "2025-03-26T08:00:00Z, PT-1S, 2025-03-26T12:00:00Z",
    })
    void rejectsInvalidDeadlineInputs(Instant startedAt, Duration timeLimit, Instant closesAt) {
        assertThrows(IllegalArgumentException.class, () -> policy.deadline(startedAt, timeLimit, closesAt));
    }

    @ParameterizedTest(name = "[{index}] {0}: accepts={2} overdue={3} remaining={4}")
    @CsvSource({
            "a minute before,       2025-03-26T08:59:00Z,     true,  false, PT1M",
            "1 ms before,           2025-03-26T08:59:59.999Z, true,  false, PT0.001S",
            "exactly at deadline,   2025-03-26T09:00:00Z,     true,  false, PT0S",
            "inside grace,          2025-03-26T09:00:05Z,     true,  false, PT0S",
            "exactly deadline+grace, 2025-03-26T09:00:10Z,    true,  false, PT0S",
            "1 ms after grace,      2025-03-26T09:00:10.001Z, false, true,  PT0S",
            "an hour late,          2025-03-26T10:00:00Z,     false, true,  PT0S",
    })
    void edgesAroundTheDeadline(String description, Instant now, boolean accepts, boolean overdue,
            Duration remaining) {
        assertEquals(accepts, policy.acceptsAnswers(DEADLINE, now));
        assertEquals(overdue, policy.isOverdue(DEADLINE, now));
        assertEquals(remaining, policy.remaining(DEADLINE, now));
    }

    @ParameterizedTest(name = "[{index}] no grace, now {0}: accepts={1}")
    @CsvSource({
            "2025-03-26T09:00:00Z,     true",
            "2025-03-26T09:00:00.001Z, false",
    })
    void zeroGraceClosesAtTheDeadline(Instant now, boolean accepts) {
        DeadlinePolicy strict = new DeadlinePolicy(Duration.ZERO);
        assertEquals(accepts, strict.acceptsAnswers(DEADLINE, now));
        assertEquals(!accepts, strict.isOverdue(DEADLINE, now));
    }

    @ParameterizedTest(name = "[{index}] grace {0} valid={1}")
    @CsvSource({
            "PT0S,        true",
            "PT30S,       true",
            "PT5M,        true",
            "PT5M0.001S,  false",
            "PT-0.001S,   false",
    })
    void graceIsBounded(Duration grace, boolean valid) {
        if (valid) {
            assertDoesNotThrow(() -> new DeadlinePolicy(grace));
        } else {
            assertThrows(IllegalArgumentException.class, () -> new DeadlinePolicy(grace));
        }
    }
}
