package org.examcert.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptScorerTest {

    /**
     * Each item is {@code chosen/correct/points}, items separated by spaces; {@code _} is unanswered.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "all correct              | 1/1/1 2/2/1 3/3/1 4/4/1              | 4    | 4    | 4 | 4 | 4",
            "none answered            | _/1/1 _/2/1 _/3/1                    | 0    | 3    | 0 | 0 | 3",
            "mixed                    | 1/1/1 2/3/1 _/4/1 4/4/2              | 3    | 5    | 2 | 3 | 4",
            "fractional points        | 1/1/0.25 2/1/0.25 3/3/0.25 4/4/0.25  | 0.75 | 1.00 | 3 | 4 | 4",
            "zero-point question      | 1/1/0 2/2/1                          | 1    | 1    | 2 | 2 | 2",
            "all wrong                | 2/1/1 1/2/1                          | 0    | 2    | 0 | 2 | 2",
    })
    void scores(String description, String items, BigDecimal points, BigDecimal maxPoints,
            int correct, int answered, int questions) {
        AttemptScorer.Score score = AttemptScorer.score(parse(items));
        assertEquals(0, points.compareTo(score.points()), () -> "points " + score.points());
        assertEquals(0, maxPoints.compareTo(score.maxPoints()), () -> "maxPoints " + score.maxPoints());
        assertEquals(correct, score.correctCount());
        assertEquals(answered, score.answeredCount());
        assertEquals(questions, score.questionCount());
    }

    @Test
    void emptyAttemptScoresZeroOfZero() {
        assertEquals(new AttemptScorer.Score(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0), AttemptScorer.score(List.of()));
    }

    @Test
    void fractionalPointsAreExact() {
        List<AttemptScorer.Item> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new AttemptScorer.Item(1, 1, new BigDecimal("0.25")));
        }
        assertEquals(new BigDecimal("10.00"), AttemptScorer.score(items).points());
    }

    @ParameterizedTest(name = "[{index}] chosen={0} correct={1} points={2}")
    @CsvSource({
            "0,  1, 1",
            "1,  0, 1",
            "1,  1, -0.25",
    })
    void rejectsInvalidItems(Integer chosen, int correct, BigDecimal points) {
        assertThrows(IllegalArgumentException.class, () -> new AttemptScorer.Item(chosen, correct, points));
    }

    private static List<AttemptScorer.Item> parse(String items) {
        List<AttemptScorer.Item> result = new ArrayList<>();
        for (String item : items.trim().split("\\s+")) {
            String[] parts = item.split("/");
            Integer chosen = parts[0].equals("_") ? null : Integer.valueOf(parts[0]);
            result.add(new AttemptScorer.Item(chosen, Integer.parseInt(parts[1]), new BigDecimal(parts[2])));
        }
        return result;
    }
}
