package org.examcert.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Scores one attempt from its stored answers: a question earns its points when the chosen option is
 * the correct one; a wrong or missing answer earns nothing (no negative marking).
 */
public final class AttemptScorer {

    private AttemptScorer() {
    }

    /** One question of the attempt: the option chosen (null when unanswered), the correct option, and its points. */
    public record Item(Integer chosenOption, int correctOption, BigDecimal points) {
        public Item {
            Objects.requireNonNull(points, "points are required");
            if (correctOption < 1) {
                throw new IllegalArgumentException("options are numbered from 1, correctOption was " + correctOption);
            }
            if (chosenOption != null && chosenOption < 1) {
                throw new IllegalArgumentException("options are numbered from 1, chosenOption was " + chosenOption);
            }
            if (points.signum() < 0) {
                throw new IllegalArgumentException("points must be >= 0, got " + points);
            }
        }

        public boolean answered() {
            return chosenOption != null;
        }

        public boolean correct() {
            return chosenOption != null && chosenOption == correctOption;
        }
    }

    /** The attempt's score and counts. */
    public record Score(BigDecimal points, BigDecimal maxPoints, int correctCount, int answeredCount, int questionCount) {
        public Score {
            Objects.requireNonNull(points, "points are required");
            Objects.requireNonNull(maxPoints, "maxPoints are required");
            if (points.signum() < 0 || points.compareTo(maxPoints) > 0) {
                throw new IllegalArgumentException("points must be between 0 and " + maxPoints + ", got " + points);
            }
            if (questionCount < 0 || answeredCount < 0 || answeredCount > questionCount
                    || correctCount < 0 || correctCount > answeredCount) {
                throw new IllegalArgumentException("inconsistent counts: correct " + correctCount
                        + ", answered " + answeredCount + ", questions " + questionCount);
            }
        }
    }

    public static Score score(List<Item> items) {
        Objects.requireNonNull(items, "items are required");
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal maxPoints = BigDecimal.ZERO;
        int correct = 0;
        int answered = 0;
        for (Item item : items) {
            Objects.requireNonNull(item, "items must not contain null");
            maxPoints = maxPoints.add(item.points());
            if (item.answered()) {
                answered++;
            }
            if (item.correct()) {
                correct++;
                points = points.add(item.points());
            }
        }
        return new Score(points, maxPoints, correct, answered, items.size());
    }
}
