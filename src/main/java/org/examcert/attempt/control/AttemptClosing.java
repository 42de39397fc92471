package org.examcert.attempt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptFinalized;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.DeadlinePolicy;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.SubmitOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.attempt.entity.Participation;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.platform.problem.Problem;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Ending attempts: a submit, the expiry of an overdue one (the sweeper, or whoever looks at it
 * first), always under the same locks in the same order, firing {@link AttemptFinalized} once.
 */
@ApplicationScoped
public class AttemptClosing {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    ContestCatalog catalog;

    @Inject
    Event<AttemptFinalized> finalized;

    @Inject
    AttemptRecords records;

    @Inject
    PaperViews views;

    @Inject
    Papers papers;

    /** Submits; {@code prediction} answers the contest's tie-break question (ignored when it has none). */
    public SubmitOutcome submit(long candidateId, long attemptId, Integer prediction, Instant now) {
        Attempt attempt = lockForChange(records.own(candidateId, attemptId));
        PublishedContest published = catalog.version(attempt.contestId(), attempt.contestVersion());
        if (attempt.state().isFinal()) {
            return new SubmitOutcome.AlreadyFinal(views.view(attempt, published, now));
        }
        DeadlinePolicy deadlines = new DeadlinePolicy(published.rules().grace());
        boolean inTime = deadlines.acceptsAnswers(attempt.deadline(), now);
        if (prediction != null && inTime && published.rules().hasTieBreakQuestion()) {
            if (prediction < 0 || prediction > Attempt.MAX_PREDICTION) {
                throw Problem.badRequest("attempt.prediction-invalid", Attempt.MAX_PREDICTION);
            }
            attempt.predict(prediction);
        }
        finalizeAttempt(attempt, now, inTime);
        return new SubmitOutcome.Submitted(views.view(attempt, published, now));
    }

    /** The candidate's own attempt; an overdue one is finalized first, so nobody sees a stale "in progress". */
    public PaperView view(long candidateId, long attemptId, Instant now) {
        Attempt attempt = records.own(candidateId, attemptId);
        PublishedContest published = catalog.version(attempt.contestId(), attempt.contestVersion());
        if (attempt.state() == AttemptState.IN_PROGRESS
                && new DeadlinePolicy(published.rules().grace()).isOverdue(attempt.deadline(), now)) {
            attempt = lockForChange(attempt);
            if (attempt.state() == AttemptState.IN_PROGRESS) {
                finalizeAttempt(attempt, now, false);
            }
        }
        return views.view(attempt, published, now);
    }

    /** Attempts past their deadline and grace, oldest first: the sweeper's work list. */
    @SuppressWarnings("unchecked")
    public List<Long> overdue(Instant now, int limit) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM attempt WHERE state = 'IN_PROGRESS' AND accept_until < ?1"
                        + " ORDER BY accept_until LIMIT ?2")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Expires one overdue attempt unless another instance holds it (SKIP LOCKED) or it is no longer
     * overdue under its own contest's grace. Returns whether this call finalized it.
     */
    public boolean expireIfOverdue(long attemptId, Instant now) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null) {
            return false;
        }
        // participation first, then the attempt: the order every path takes (see lockForChange)
        List<?> locked = em.createNativeQuery("SELECT id FROM participation WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, attempt.participationId()).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        em.lock(attempt, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        if (attempt.state() != AttemptState.IN_PROGRESS || !now.isAfter(attempt.acceptUntil())) {
            return false;
        }
        finalizeAttempt(attempt, now, false);
        return true;
    }

    /**
     * Locks an attempt for a change of state: its participation row first, then the attempt, the
     * order that start (participation, then its attempts) and grading (participation) also take,
     * so that a start, a submit and the sweeper on one candidate cannot deadlock.
     */
    public Attempt lockForChange(Attempt attempt) {
        em.find(Participation.class, attempt.participationId(), LockModeType.PESSIMISTIC_WRITE);
        em.lock(attempt, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        return attempt;
    }

    /**
     * Ends a locked attempt: its paper is written out with the answers saved (see {@link Papers}),
     * then the state changes and {@link AttemptFinalized} is fired for grading.
     */
    public void finalizeAttempt(Attempt attempt, Instant now, boolean submittedInTime) {
        papers.writeOut(attempt, catalog.version(attempt.contestId(), attempt.contestVersion()));
        if (submittedInTime) {
            attempt.submit(now, true);
        } else {
            attempt.expire();
            em.persist(new AttemptEvent(attempt.id(), now, "EXPIRED", "finalized at the deadline with the saved answers"));
        }
        em.flush();
        finalized.fire(new AttemptFinalized(attempt.id(), attempt.participationId(), attempt.contestId(), attempt.candidateId(), now));
    }
}
