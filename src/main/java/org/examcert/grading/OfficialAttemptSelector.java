package org.examcert.grading;
import org.examcert.contest.OfficialAttemptPolicy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** Picks the official attempt among a candidate's graded attempts according to an {@link OfficialAttemptPolicy}. */
public final class OfficialAttemptSelector {

    // The final attemptId comparison only makes the choice total when everything else is equal.
    private static final Comparator<GradedAttempt> BEST_FIRST = Comparator
            .comparing(GradedAttempt::score, Comparator.reverseOrder())
            .thenComparing(GradedAttempt::duration)
            .thenComparing(GradedAttempt::submittedAt)
            .thenComparingInt(GradedAttempt::number)
            .thenComparingLong(GradedAttempt::attemptId);

    private static final Comparator<GradedAttempt> EARLIEST_FIRST = Comparator
            .comparing(GradedAttempt::submittedAt)
            .thenComparingInt(GradedAttempt::number)
            .thenComparingLong(GradedAttempt::attemptId);

    private final OfficialAttemptPolicy policy;

    public OfficialAttemptSelector(OfficialAttemptPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy is required");
    }

    public OfficialAttemptPolicy policy() {
        return policy;
    }

    /** The official attempt, or empty when there is no graded attempt. */
    public Optional<GradedAttempt> select(Collection<GradedAttempt> attempts) {
        Objects.requireNonNull(attempts, "attempts are required");
        return switch (policy) {
            case HIGHEST_SCORE -> attempts.stream().min(BEST_FIRST);
            case FIRST_SUBMITTED -> attempts.stream().min(EARLIEST_FIRST);
            case LAST_SUBMITTED -> attempts.stream().max(EARLIEST_FIRST);
        };
    }
}
