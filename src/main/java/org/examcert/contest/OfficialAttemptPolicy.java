package org.examcert.contest;

/** Which of a candidate's graded attempts counts as their official result. */
public enum OfficialAttemptPolicy {
    /** The best score; ties go to the shorter duration, then the earlier submission, then the lower attempt number. */
    HIGHEST_SCORE,
    /** The attempt submitted last. */
    LAST_SUBMITTED,
    /** The attempt submitted first. */
    FIRST_SUBMITTED;

    public static OfficialAttemptPolicy defaultPolicy() {
        return HIGHEST_SCORE;
    }
}
