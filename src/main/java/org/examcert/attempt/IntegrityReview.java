package org.examcert.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Flags attempts whose answer timing looks implausible, for the organizer to look at. It never
 * rejects an attempt: fast readers and people who answer offline and save at the end exist.
 */
public final class IntegrityReview {

    /** Below this many answers timing shares say nothing useful. */
    public static final int MINIMUM_ANSWERS = 5;

    private IntegrityReview() {
    }

    public enum Flag {
        /** Too many answers were saved faster than the question could be read. */
        IMPLAUSIBLY_FAST,
        /** Most answers were saved in the last moments of the attempt. */
        BULK_AT_END
    }

    /** One answered question: its position on the paper, when it was saved, and its stem's length in characters. */
    public record Answer(int position, Instant savedAt, int stemLength) {
        public Answer {
            Objects.requireNonNull(savedAt, "savedAt is required");
            if (position < 1) {
                throw new IllegalArgumentException("position starts at 1, got " + position);
            }
            if (stemLength < 0) {
                throw new IllegalArgumentException("stemLength must be >= 0, got " + stemLength);
            }
        }
    }

    /**
     * @param minimumPerAnswer an answer saved sooner than this after the previous one is fast
     * @param charactersPerSecond reading speed: an answer is also fast when saved before its stem could be read
     * @param fastShare share of fast answers from which the attempt is flagged implausibly fast
     * @param bulkShare share of answers in the final window from which the attempt is flagged bulk-at-end
     * @param bulkWindowShare length of the final window as a share of the attempt's duration
     */
    public record Thresholds(Duration minimumPerAnswer, int charactersPerSecond, double fastShare,
            double bulkShare, double bulkWindowShare) {
        public Thresholds {
            Objects.requireNonNull(minimumPerAnswer, "minimumPerAnswer is required");
            if (minimumPerAnswer.isNegative()) {
                throw new IllegalArgumentException("minimumPerAnswer must be >= 0, got " + minimumPerAnswer);
            }
            if (charactersPerSecond <= 0) {
                throw new IllegalArgumentException("charactersPerSecond must be > 0, got " + charactersPerSecond);
            }
            requireShare("fastShare", fastShare);
            requireShare("bulkShare", bulkShare);
            requireShare("bulkWindowShare", bulkWindowShare);
        }

        /** 2 s per answer, 25 characters per second, half fast, 60 % in the last 10 % of the time. */
        public static Thresholds standard() {
            return new Thresholds(Duration.ofSeconds(2), 25, 0.5, 0.6, 0.1);
        }

        private static void requireShare(String name, double value) {
            if (!(value > 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
            }
        }
    }

    public static Set<Flag> review(Instant startedAt, Instant endedAt, List<Answer> answers, Thresholds t) {
        Objects.requireNonNull(startedAt, "startedAt is required");
        Objects.requireNonNull(endedAt, "endedAt is required");
        Objects.requireNonNull(answers, "answers are required");
        Objects.requireNonNull(t, "thresholds are required");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
        Set<Integer> positions = new HashSet<>();
        for (Answer answer : answers) {
            if (!positions.add(Objects.requireNonNull(answer, "answers must not contain null").position())) {
                throw new IllegalArgumentException("position " + answer.position() + " is answered twice");
            }
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (answers.size() < MINIMUM_ANSWERS) {
            return Set.copyOf(flags);
        }
        List<Answer> sorted = answers.stream().sorted(Comparator.comparing(Answer::savedAt)).toList();

        int fast = 0;
        Instant previous = startedAt;
        for (Answer answer : sorted) {
            Duration readingTime = Duration.ofNanos(answer.stemLength() * 1_000_000_000L / t.charactersPerSecond());
            Duration required = readingTime.compareTo(t.minimumPerAnswer()) > 0 ? readingTime : t.minimumPerAnswer();
            if (Duration.between(previous, answer.savedAt()).compareTo(required) < 0) {
                fast++;
            }
            previous = answer.savedAt();
        }
        if ((double) fast / sorted.size() >= t.fastShare()) {
            flags.add(Flag.IMPLAUSIBLY_FAST);
        }

        long totalNanos = Duration.between(startedAt, endedAt).toNanos();
        Instant windowStart = endedAt.minusNanos(Math.round(totalNanos * t.bulkWindowShare()));
        long inWindow = sorted.stream().filter(a -> !a.savedAt().isBefore(windowStart)).count();
        if ((double) inWindow / sorted.size() >= t.bulkShare()) {
            flags.add(Flag.BULK_AT_END);
        }
        return Set.copyOf(flags);
    }
}
