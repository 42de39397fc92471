package org.examcert.attempt;

/** What starting an attempt did: a new paper, or the attempt already in progress resumed. */
public sealed interface StartOutcome {

    PaperView paper();

    record Started(PaperView paper) implements StartOutcome {
    }

    /** @param tookOver this device replaced another one as the attempt's active device */
    record Resumed(PaperView paper, boolean tookOver) implements StartOutcome {
    }
}
