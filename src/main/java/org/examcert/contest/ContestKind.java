package org.examcert.contest;

/** A certification contest (boards, bands, certificates) or a study quiz on resolutions and laws. */
public enum ContestKind {
    CERTIFICATION, STUDY_QUIZ
}
