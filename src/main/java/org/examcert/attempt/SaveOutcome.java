package org.examcert.attempt;

import java.time.Instant;

/** A saved answer, or a save that arrived after a newer one for the same question (kept the newer). */
public sealed interface SaveOutcome {

    int position();

    record Saved(int position, Integer option, long seq, Instant savedAt) implements SaveOutcome {
    }

    record SupersededByNewer(int position, long seq) implements SaveOutcome {
    }
}
