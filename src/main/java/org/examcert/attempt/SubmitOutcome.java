package org.examcert.attempt;

/** Submitting finalized the attempt now, or it had been finalized already (a second tab, a retry). */
public sealed interface SubmitOutcome {

    PaperView paper();

    record Submitted(PaperView paper) implements SubmitOutcome {
    }

    record AlreadyFinal(PaperView paper) implements SubmitOutcome {
    }
}
