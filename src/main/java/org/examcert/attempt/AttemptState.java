package org.examcert.attempt;

import java.util.Set;

/**
 * in progress → submitted (by the candidate) or expired (finalized at the deadline with what was
 * saved, by the sweeper or on the candidate's next request). Both final states are graded.
 */
public enum AttemptState {
    IN_PROGRESS, SUBMITTED, EXPIRED;

    public Set<AttemptState> next() {
        return this == IN_PROGRESS ? Set.of(SUBMITTED, EXPIRED) : Set.of();
    }

    public boolean canBecome(AttemptState target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }
}
