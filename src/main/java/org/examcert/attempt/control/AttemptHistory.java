package org.examcert.attempt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.platform.problem.Problem;

import java.util.List;

/** What happened to one attempt besides its answers, for organizers: take-overs, time given back, expiry, flags. */
@ApplicationScoped
public class AttemptHistory {

    @PersistenceContext
    EntityManager em;

    public List<AttemptEvent> of(long attemptId) {
        if (em.find(Attempt.class, attemptId) == null) {
            throw Problem.notFound("attempt.history-not-found", attemptId);
        }
        return em.createQuery("SELECT e FROM AttemptEvent e WHERE e.attemptId = :attempt ORDER BY e.at, e.id", AttemptEvent.class)
                .setParameter("attempt", attemptId)
                .getResultList();
    }
}
