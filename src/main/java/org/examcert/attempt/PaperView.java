package org.examcert.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An attempt as its candidate sees it. While in progress it never carries a correct answer; once
 * final it carries the outcome, and the correct answers only where the contest's review policy
 * allows.
 */
public record PaperView(long attemptId, long contestId, String contestTitle, String board, int number, AttemptState state,
                        Instant startedAt, Instant deadline, Instant serverNow, long remainingSeconds,
                        int answeredCount, List<Item> questions, Outcome outcome, String tieBreakQuestion,
                        Integer prediction) {

    public record Item(int position, String topic, String stem, List<Option> options, Integer chosen,
                       Boolean correct, Integer correctOption, String explanation) {
    }

    public record Option(int number, String text) {
    }

    /** The grade of a final attempt. */
    public record Outcome(BigDecimal score, BigDecimal maxScore, Integer correctCount, String band, String bandLabel,
                          boolean passed, String endedBy, Instant endedAt) {
    }
}
