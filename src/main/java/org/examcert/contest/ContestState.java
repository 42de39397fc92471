package org.examcert.contest;

import java.util.Set;

/** draft → published → closed; a closed contest may be reopened (published again) with a new window. */
public enum ContestState {
    DRAFT, PUBLISHED, CLOSED;

    public Set<ContestState> next() {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED);
            case PUBLISHED -> Set.of(CLOSED);
            case CLOSED -> Set.of(PUBLISHED);
        };
    }

    public boolean canBecome(ContestState target) {
        return next().contains(target);
    }
}
