package org.examcert.bench;

/**
 * The campaign's rule for "no acknowledged answer lost": the database keeps an answer the service
 * acknowledged if it holds that seq with that option, or a newer seq (the candidate's later answer
 * to the same question, which rightly replaced it).
 */
final class AnswerKept {

    private AnswerKept() {
    }

    /** {@code storedSeq} is null when the question's row is missing; {@code storedOption} null when unanswered. */
    static boolean kept(int acknowledgedOption, long acknowledgedSeq, Integer storedOption, Long storedSeq) {
        if (storedSeq == null) {
            return false;
        }
        if (storedSeq > acknowledgedSeq) {
            return true;
        }
        return storedSeq == acknowledgedSeq && storedOption != null && storedOption == acknowledgedOption;
    }
}
