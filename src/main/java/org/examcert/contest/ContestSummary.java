package org.examcert.contest;

import java.time.Instant;

/** What a contest listing shows, and what the start of an attempt checks the window against. */
public record ContestSummary(long id, String code, String title, String description, ContestKind kind,
                             ContestState state, Instant opensAt, Instant closesAt, Integer version) {

    public boolean isOpen(Instant now) {
        return state == ContestState.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
