package org.examcert.grading;
import org.examcert.contest.OfficialAttemptPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OfficialAttemptSelectorTest {

    private static final Instant T0 = Instant.parse("2025-03-26T08:00:00Z");

    /** Attempt id is 100 + number; {@code submittedMinute} is minutes after T0. */
    private static GradedAttempt attempt(int number, String score, int durationSeconds, int submittedMinute) {
        return new GradedAttempt(100 + number, number, new BigDecimal(score),
                Duration.ofSeconds(durationSeconds), T0.plus(Duration.ofMinutes(submittedMinute)));
    }

    static Stream<Arguments> cases() {
        GradedAttempt low = attempt(1, "18", 900, 10);
        GradedAttempt best = attempt(2, "27.5", 1200, 40);
        GradedAttempt middle = attempt(3, "22", 600, 70);
        GradedAttempt slowTop = attempt(1, "25", 1500, 10);
        GradedAttempt fastTop = attempt(2, "25", 1400, 50);
        GradedAttempt earlyTop = attempt(2, "25", 1000, 20);
        GradedAttempt lateTop = attempt(1, "25", 1000, 30);
        GradedAttempt sameTimeLow = attempt(1, "25", 1000, 30);
        GradedAttempt sameTimeHigh = attempt(3, "25", 1000, 30);
        return Stream.of(
                Arguments.of("best of three", OfficialAttemptPolicy.HIGHEST_SCORE, List.of(low, best, middle), best),
                Arguments.of("scale of score ignored (25 == 25.00)", OfficialAttemptPolicy.HIGHEST_SCORE,
                        List.of(attempt(1, "25.00", 900, 10), attempt(2, "25", 800, 20)), attempt(2, "25", 800, 20)),
                Arguments.of("equal score: shorter wins", OfficialAttemptPolicy.HIGHEST_SCORE,
                        List.of(slowTop, fastTop), fastTop),
                Arguments.of("equal score and duration: earlier wins", OfficialAttemptPolicy.HIGHEST_SCORE,
                        List.of(lateTop, earlyTop), earlyTop),
                Arguments.of("all equal: lower number wins", OfficialAttemptPolicy.HIGHEST_SCORE,
                        List.of(sameTimeHigh, sameTimeLow), sameTimeLow),
                Arguments.of("single attempt", OfficialAttemptPolicy.HIGHEST_SCORE, List.of(low), low),
                Arguments.of("last submitted", OfficialAttemptPolicy.LAST_SUBMITTED, List.of(best, middle, low), middle),
                Arguments.of("first submitted", OfficialAttemptPolicy.FIRST_SUBMITTED, List.of(best, middle, low), low));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void selects(String description, OfficialAttemptPolicy policy, List<GradedAttempt> attempts,
            GradedAttempt expected) {
        OfficialAttemptSelector selector = new OfficialAttemptSelector(policy);
        assertEquals(Optional.of(expected), selector.select(attempts));
        // The choice does not depend on the order the attempts are listed in.
        List<GradedAttempt> reversed = new ArrayList<>(attempts);
        Collections.reverse(reversed);
        assertEquals(Optional.of(expected), selector.select(reversed));
    }

    @ParameterizedTest
    @EnumSource(OfficialAttemptPolicy.class)
    void noAttemptsNoResult(OfficialAttemptPolicy policy) {
        assertTrue(new OfficialAttemptSelector(policy).select(List.of()).isEmpty());
    }

    @Test
    void highestScoreIsTheDefault() {
        assertEquals(OfficialAttemptPolicy.HIGHEST_SCORE, OfficialAttemptPolicy.defaultPolicy());
        assertEquals(OfficialAttemptPolicy.HIGHEST_SCORE, OfficialAttemptPolicy.values()[0]);
    }

    @ParameterizedTest(name = "[{index}] number={0} score={1} duration={2}s")
    @CsvSource({
            "0,  10,   60",
            "-1, 10,   60",
            "1,  -0.5, 60",
            "1,  10,   -1",
    })
    void rejectsInvalidAttempts(int number, String score, int durationSeconds) {
        assertThrows(IllegalArgumentException.class, () -> new GradedAttempt(1, number, new BigDecimal(score),
                Duration.ofSeconds(durationSeconds), T0));
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new GradedAttempt(1, 1, null, Duration.ZERO, T0));
        assertThrows(NullPointerException.class, () -> new GradedAttempt(1, 1, BigDecimal.ONE, null, T0));
        assertThrows(NullPointerException.class, () -> new GradedAttempt(1, 1, BigDecimal.ONE, Duration.ZERO, null));
        assertThrows(NullPointerException.class, () -> new OfficialAttemptSelector(null));
    }
}
