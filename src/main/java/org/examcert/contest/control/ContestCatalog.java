package org.examcert.contest.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.contest.CertificateSigning;
import org.examcert.contest.ContestState;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.entity.Contest;
import org.examcert.contest.entity.ContestVersion;
import org.examcert.platform.problem.Problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Published contests for the candidate path, from Caffeine: versions are immutable and cached
 * until evicted; the listing (states and windows, which organizers may change) lives a few
 * seconds, so every instance sees a change soon without any shared cache.
 */
@ApplicationScoped
public class ContestCatalog {

    /** A contest changed state or window: drop the listing at once on this instance. */
    public record ContestChanged(long contestId) {
    }

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    private final LoadingCache<ContestVersion.Key, PublishedContest> versions = Caffeine.newBuilder()
            .maximumSize(500)
            .build(key -> SnapshotJson.read(em.find(ContestVersion.class, key).snapshot()));

    private final Cache<Boolean, List<ContestSummary>> listing = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    /** Every contest that is published or closed, newest window first. */
    public List<ContestSummary> listed() {
        return listing.get(Boolean.TRUE, k -> em.createQuery(
                        "SELECT c FROM Contest c WHERE c.state <> :draft ORDER BY c.opensAt DESC, c.id DESC", Contest.class)
                .setParameter("draft", ContestState.DRAFT)
                .getResultStream().map(ContestCatalog::summary).toList());
    }

    public Optional<ContestSummary> listed(long contestId) {
        return listed().stream().filter(c -> c.id() == contestId).findFirst();
    }

    /** The contest as candidates may see it; 404 for unknown or draft contests. */
    public ContestSummary require(long contestId) {
        return listed(contestId).orElseThrow(() -> Problem.notFound("contest.not-found", contestId));
    }

    public PublishedContest version(long contestId, int version) {
        return versions.get(new ContestVersion.Key(contestId, version));
    }

    public PublishedContest current(ContestSummary contest) {
        if (contest.version() == null) {
            throw Problem.notFound("contest.not-found", contest.id());
        }
        return version(contest.id(), contest.version());
    }

    /**
     * Where and by whom the contest signs certificates now (not frozen with a version: an organizer
     * may correct it after publishing). Read when a certificate is issued, which is rare.
     */
    public CertificateSigning certificateSigning(long contestId) {
        Contest contest = em.find(Contest.class, contestId);
        return contest == null ? CertificateSigning.UNSET : contest.certificateSigning();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContestChanged event) {
        listing.invalidateAll();
    }

    static ContestSummary summary(Contest c) {
        return new ContestSummary(c.id(), c.code(), c.title(), c.description(), c.kind(), c.state(), c.opensAt(),
                c.closesAt(), c.publishedVersion().orElse(null));
    }
}
