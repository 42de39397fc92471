package org.examcert.contest;

/** What a candidate sees of a submitted attempt. */
public enum ReviewPolicy {
    /** Score, band and which answers were right, not the right answers (certification contests). */
    SCORE_ONLY,
    /** Also the correct options and explanations (what study quizzes want). */
    CORRECT_ANSWERS
}
