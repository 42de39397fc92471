package org.examcert.grading;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The order of a board's rankings: higher official score first, then the shorter official attempt,
 * then the earlier submission, then (when the contest asks a prediction question) the prediction
 * closest to the true answer. Candidates equal on every criterion share a rank (1, 2, 2, 4).
 */
public final class RankingOrder {

    /** One candidate's official attempt as the ranking sees it; {@code prediction} null when not given. */
    public record Entry(long candidateId, BigDecimal score, Duration duration, Instant submittedAt, Integer prediction) {
        public Entry {
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(submittedAt, "submittedAt");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a duration cannot be negative: " + duration);
            }
        }
    }

    public record Ranked(int rank, Entry entry) {
    }

    private RankingOrder() {
    }

    /**
     * Ranks the entries.
     *
     * @param truth the true answer to the prediction question, or null when the contest has none
     *              (then predictions are not compared)
     */
    public static List<Ranked> rank(List<Entry> entries, Integer truth) {
        Comparator<Entry> merit = Comparator.comparing(Entry::score, Comparator.reverseOrder())
                .thenComparing(Entry::duration)
                .thenComparing(Entry::submittedAt);
        if (truth != null) {
            merit = merit.thenComparingLong(e -> predictionError(e, truth));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        // candidate id last only to make the listing stable; it does not separate ranks
        sorted.sort(merit.thenComparingLong(Entry::candidateId));
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tiedWithPrevious = i > 0 && merit.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            ranked.add(new Ranked(tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return ranked;
    }

    /** How far a prediction is from the truth; no prediction is farther than any. */
    static long predictionError(Entry entry, int truth) {
        return entry.prediction() == null ? Long.MAX_VALUE : Math.abs((long) entry.prediction() - truth);
    }
}
