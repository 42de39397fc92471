package org.examcert.grading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.control.AttemptRecords;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.Participation;
import org.examcert.contest.ContestRules;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.GradingBand;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.grading.entity.Result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A candidate's standing in a contest, as the result page shows it. */
@ApplicationScoped
public class Results {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    AttemptRecords attempts;

    @Inject
    ContestCatalog catalog;

    public record AttemptLine(long id, int number, AttemptState state, Instant startedAt, Instant endedAt,
                              BigDecimal score, BigDecimal maxScore, String band, String bandLabel, boolean official) {
    }

    /**
     * @param completed    a passing band was reached: the round is completed
     * @param mustRetake   graded, not yet completed: the candidate is told to take it again
     * @param attemptsLeft null when attempts are unlimited
     */
    public record Standing(long contestId, String board, List<AttemptLine> attempts, Long officialAttemptId,
                           BigDecimal officialScore, BigDecimal maxScore, String band, String bandLabel,
                           String highestBand, boolean completed, boolean mustRetake, Integer attemptsLeft,
                           Long inProgressAttemptId, String passingBand) {
    }

    public Standing standing(long candidateId, long contestId) {
        ContestSummary contest = catalog.require(contestId);
        ContestRules rules = catalog.current(contest).rules();
        Optional<Participation> participation = attempts.participation(candidateId, contestId);
        if (participation.isEmpty()) {
            return new Standing(contestId, null, List.of(), null, null, rules.maxScore(), null, null, null, false, false,
                    rules.maxAttempts(), null, rules.passingBand());
        }
        Result result = em.find(Result.class, participation.get().id());
        List<Attempt> all = attempts.attemptsOf(participation.get().id());
        List<AttemptLine> lines = all.stream().map(a -> line(a, result)).toList();
        Long inProgress = all.stream().filter(a -> a.state() == AttemptState.IN_PROGRESS).map(Attempt::id).findFirst().orElse(null);
        Integer left = rules.maxAttempts() == null ? null : Math.max(0, rules.maxAttempts() - all.size());
        if (result == null) {
            return new Standing(contestId, participation.get().boardCode(), lines, null, null, rules.maxScore(), null, null,
                    null, false, false, left, inProgress, rules.passingBand());
        }
        GradingBand band = rules.bands().band(result.band());
        return new Standing(contestId, participation.get().boardCode(), lines, result.officialAttemptId(),
                result.officialScore(), result.maxScore(), band.key(), band.labelVi(), result.highestBand(),
                result.completed(), !result.completed(), left, inProgress, rules.passingBand());
    }

    private AttemptLine line(Attempt a, Result result) {
        String band = null;
        String label = null;
        if (a.isGraded()) {
            PublishedContest contest = catalog.version(a.contestId(), a.contestVersion());
            GradingBand b = contest.rules().bands().bandFor(a.score(), a.maxScore());
            band = b.key();
            label = b.labelVi();
        }
        return new AttemptLine(a.id(), a.number(), a.state(), a.startedAt(), a.endedAt(), a.score(), a.maxScore(), band,
                label, result != null && result.officialAttemptId() == a.id());
    }
}
