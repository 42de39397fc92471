package org.examcert.attempt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.examcert.attempt.IntegrityReview.Answer;
import org.examcert.attempt.IntegrityReview.Flag;
import org.examcert.attempt.IntegrityReview.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegrityReviewTest {

    private static final Instant START = Instant.parse("2025-03-26T08:00:00Z");

    /**
     * @param secondsAfterStart space-separated save times in seconds after the start, one per answer
     * @param stemLength the stem length of every question
     * @param durationSeconds time between start and end
     * @param flags expected flags, space-separated, or empty
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // 50 characters at 25/s = 2 s reading time, so the 2 s minimum applies
            "normal pace                 | 30 60 90 120 150 180 210 240 270 300 | 50  | 1800 | ''",
            "fewer than 5 answers        | 1 2 3 4                              | 50  | 1800 | ''",
            "all answered in 1 s steps   | 1 2 3 4 5 6 7 8 9 10                 | 50  | 1800 | IMPLAUSIBLY_FAST",
            "exactly half fast           | 1 2 3 4 5 60 120 180 240 300         | 50  | 1800 | IMPLAUSIBLY_FAST",
            "just under half fast        | 1 2 3 4 60 120 180 240 300 360       | 50  | 1800 | ''",
            "gap exactly at minimum      | 2 4 6 8 10 12                        | 50  | 1800 | ''",
            // 250 characters need 10 s to read: 5 s per answer is too fast for long stems
            "long stems read too fast    | 5 10 15 20 25 30                     | 250 | 1800 | IMPLAUSIBLY_FAST",
            "long stems read in time     | 10 20 30 40 50 60                    | 250 | 1800 | ''",
            // last 10 % of 1800 s starts at 1620 s
            "most saved in last 10 %     | 100 200 300 1620 1650 1700 1750 1799 | 50  | 1800 | BULK_AT_END",
            "just before the window      | 100 200 300 1619 1650 1700 1750 1799 | 50  | 1800 | ''",
            "both                        | 1700 1701 1702 1703 1704 1705        | 50  | 1800 | IMPLAUSIBLY_FAST BULK_AT_END",
            "bulk needs 5 answers        | 1700 1750 1790 1799                  | 50  | 1800 | ''",
    })
    void reviews(String description, String secondsAfterStart, int stemLength, int durationSeconds, String flags) {
        List<Answer> answers = new ArrayList<>();
        String[] times = secondsAfterStart.trim().split("\\s+");
        for (int i = 0; i < times.length; i++) {
            answers.add(new Answer(i + 1, START.plusSeconds(Long.parseLong(times[i])), stemLength));
        }
        Collections.reverse(answers); // review sorts by savedAt itself
        Set<Flag> expected = EnumSet.noneOf(Flag.class);
        if (!flags.isBlank()) {
            Stream.of(flags.trim().split("\\s+")).map(Flag::valueOf).forEach(expected::add);
        }
        assertEquals(expected, IntegrityReview.review(START, START.plusSeconds(durationSeconds), answers,
                Thresholds.standard()));
    }

    @Test
    void standardThresholds() {
        assertEquals(new Thresholds(Duration.ofSeconds(2), 25, 0.5, 0.6, 0.1), Thresholds.standard());
    }

    @ParameterizedTest(name = "[{index}] min={0}s cps={1} fast={2} bulk={3} window={4} valid={5}")
    @CsvSource({
            "2,  25, 0.5, 0.6, 0.1, true",
            "0,  1,  1,   1,   1,   true",
            "-1, 25, 0.5, 0.6, 0.1, false",
            "2,  0,  0.5, 0.6, 0.1, false",
            "2,  25, 0,   0.6, 0.1, false",
            "2,  25, 0.5, 1.1, 0.1, false",
            "2,  25, 0.5, 0.6, -0.1, false",
    })
    void validatesThresholds(long minimumSeconds, int cps, double fast, double bulk, double window, boolean valid) {
        if (valid) {
            assertDoesNotThrow(() -> new Thresholds(Duration.ofSeconds(minimumSeconds), cps, fast, bulk, window));
        } else {
            assertThrows(IllegalArgumentException.class,
                    () -> new Thresholds(Duration.ofSeconds(minimumSeconds), cps, fast, bulk, window));
        }
    }

    @Test
    void rejectsInconsistentInput() {
        Thresholds t = Thresholds.standard();
        assertThrows(IllegalArgumentException.class,
                () -> IntegrityReview.review(START, START.minusSeconds(1), List.of(), t));
        List<Answer> twice = List.of(new Answer(1, START.plusSeconds(10), 50), new Answer(1, START.plusSeconds(20), 50));
        assertThrows(IllegalArgumentException.class,
                () -> IntegrityReview.review(START, START.plusSeconds(60), twice, t));
        assertThrows(IllegalArgumentException.class, () -> new Answer(0, START, 50));
        assertThrows(IllegalArgumentException.class, () -> new Answer(1, START, -1));
    }
}
