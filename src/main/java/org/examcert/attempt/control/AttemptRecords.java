package org.examcert.attempt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.attempt.entity.Participation;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading attempts, their papers and participations, for the other jobs here and for grading and
 * certificates; and recording a final attempt's grade, the one change grading makes to an attempt.
 */
@ApplicationScoped
public class AttemptRecords {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    /**
     * Records the grade of a final attempt, and an INTEGRITY_FLAGS event in its history when the
     * integrity review raised flags: grading decides the grade, the attempt keeps it.
     */
    public void recordGrade(Attempt attempt, BigDecimal points, int correctCount, int answeredCount, Set<String> flags,
                            Instant now) {
        attempt.grade(points, correctCount, answeredCount, flags);
        if (!flags.isEmpty()) {
            em.persist(new AttemptEvent(attempt.id(), now, "INTEGRITY_FLAGS", String.join(",", flags)));
        }
    }

    /** The candidate's own attempt, or 404: another candidate's attempt is answered as if it did not exist. */
    public Attempt own(long candidateId, long attemptId) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || attempt.candidateId() != candidateId) {
            throw Problem.notFound("attempt.not-found", attemptId);
        }
        return attempt;
    }

    public List<AttemptItem> items(long attemptId) {
        return em.createQuery("SELECT i FROM AttemptItem i WHERE i.attemptId = :a ORDER BY i.position", AttemptItem.class)
                .setParameter("a", attemptId).getResultList();
    }

    public List<Attempt> attemptsOf(long participationId) {
        return em.createQuery("SELECT a FROM Attempt a WHERE a.participationId = :p ORDER BY a.number", Attempt.class)
                .setParameter("p", participationId).getResultList();
    }

    public Optional<Participation> participation(long candidateId, long contestId) {
        return em.createQuery("SELECT p FROM Participation p WHERE p.candidateId = :c AND p.contestId = :k", Participation.class)
                .setParameter("c", candidateId).setParameter("k", contestId).getResultStream().findFirst();
    }
}
