package org.examcert.platform.database;

import java.util.function.Predicate;

/** A failure's cause chain, read the one way every classifier here reads it. Pure Java. */
final class Causes {

    /** Deep enough for any container's wrapping; a bound, so a malformed chain cannot loop. */
    private static final int MAX_DEPTH = 20;

    private Causes() {
    }

    /** The first throwable in the chain, from {@code failure} itself down, that passes {@code test}; null when none does. */
    static Throwable find(Throwable failure, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (test.test(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
