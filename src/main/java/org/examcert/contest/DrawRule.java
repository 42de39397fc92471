package org.examcert.contest;

import org.examcert.platform.problem.Problem;
import org.examcert.questionbank.Difficulty;

/** Take {@code count} questions at random from a bank, optionally of one topic and difficulty. */
public record DrawRule(String bank, String topic, Difficulty difficulty, int count) {

    public DrawRule {
        if (bank == null || bank.isBlank()) {
            throw Problem.badRequest("contest.draw-bank-required");
        }
        if (count < 1 || count > 500) {
            throw Problem.badRequest("contest.draw-count-invalid", count);
        }
        topic = topic == null || topic.isBlank() ? null : topic.strip();
    }
}
