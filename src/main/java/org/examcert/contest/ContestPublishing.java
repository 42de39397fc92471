package org.examcert.contest;

/**
 * A contest is about to be published with this content. Fired inside the publishing transaction:
 * an observer that finds something it cannot serve (a missing certificate template, say) throws,
 * and nothing is published.
 */
public record ContestPublishing(PublishedContest contest) {
}
