package org.examcert.grading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptFinalized;
import org.examcert.attempt.IntegrityReview;
import org.examcert.attempt.control.AttemptRecords;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.attempt.entity.Participation;
import org.examcert.contest.ContestRules;
import org.examcert.contest.GradingBand;
import org.examcert.contest.GradingBandTable;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.grading.AttemptScorer;
import org.examcert.grading.BandReached;
import org.examcert.grading.GradedAttempt;
import org.examcert.grading.OfficialAttemptSelector;
import org.examcert.grading.entity.Result;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grades an attempt when it is finalized (same transaction), then recomputes the candidate's
 * result across attempts. When the highest band rises to a passing band, it fires
 * {@link BandReached} in that same transaction.
 */
@ApplicationScoped
public class ResultKeeper {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    AttemptRecords attempts;

    @Inject
    ContestCatalog catalog;

    @Inject
    Event<BandReached> bandReached;

    void onFinalized(@Observes AttemptFinalized finalized) {
        Attempt attempt = em.find(Attempt.class, finalized.attemptId());
        PublishedContest contest = catalog.version(attempt.contestId(), attempt.contestVersion());
        grade(attempt, contest, finalized.now());
        updateResult(finalized.participationId(), contest.rules(), finalized.now());
    }

    /** The grade of one attempt, from its stored answers alone. */
    public static AttemptScorer.Score score(List<AttemptItem> items) {
        return AttemptScorer.score(items.stream()
                .map(i -> new AttemptScorer.Item(i.chosenOption(), i.correctOption(), i.points())).toList());
    }

    private void grade(Attempt attempt, PublishedContest contest, Instant now) {
        List<AttemptItem> items = attempts.items(attempt.id());
        AttemptScorer.Score score = score(items);
        List<IntegrityReview.Answer> answers = items.stream().filter(i -> i.answeredAt() != null)
                .map(i -> new IntegrityReview.Answer(i.position(), i.answeredAt(),
                        contest.question(i.questionId()).stem().length()))
                .toList();
        Set<String> flags = IntegrityReview.review(attempt.startedAt(), attempt.endedAt(), answers,
                        IntegrityReview.Thresholds.standard())
                .stream().map(Enum::name).collect(Collectors.toSet());
        attempts.recordGrade(attempt, score.points(), score.correctCount(), score.answeredCount(), flags, now);
    }

    private void updateResult(long participationId, ContestRules rules, Instant now) {
        List<Attempt> graded = attempts.attemptsOf(participationId).stream().filter(Attempt::isGraded).toList();
        GradedAttempt official = new OfficialAttemptSelector(rules.officialAttempt()).select(graded.stream()
                        .map(a -> new GradedAttempt(a.id(), a.number(), a.score(), a.duration(), a.endedAt())).toList())
                .orElseThrow();
        Attempt officialAttempt = graded.stream().filter(a -> a.id() == official.attemptId()).findFirst().orElseThrow();
        GradingBandTable bands = rules.bands();
        GradingBand band = bands.bandFor(official.score(), officialAttempt.maxScore());

        // Serialize on the participation row, which always exists: locking a result row that does not
        // exist yet would take a gap lock, and two first results in the same gap deadlock on insert.
        em.find(Participation.class, participationId, LockModeType.PESSIMISTIC_WRITE);
        Result result = em.find(Result.class, participationId);
        if (result == null) {
            result = new Result(participationId);
            em.persist(result);
        }
        boolean rose = result.highestBand() == null || bands.rank(band.key()) > bands.rank(result.highestBand());
        boolean passing = bands.reaches(band.key(), rules.passingBand());
        String previous = result.record(official.attemptId(), official.score(), officialAttempt.maxScore(), band.key(),
                rose, passing, graded.size(), now);
        if (rose && passing) {
            bandReached.fire(new BandReached(participationId, officialAttempt.candidateId(), officialAttempt.contestId(),
                    official.attemptId(), band.key(), previous, official.score(), officialAttempt.maxScore(), now));
        }
    }
}
