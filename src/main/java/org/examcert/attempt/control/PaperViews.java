package org.examcert.attempt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.attempt.entity.Participation;
import org.examcert.contest.ContestRules;
import org.examcert.contest.GradingBand;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.ReviewPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An attempt as its candidate sees it ({@link PaperView}): never a correct answer while it runs; the
 * outcome once final, and the correct answers where the contest's review policy allows.
 */
@ApplicationScoped
public class PaperViews {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    AttemptRecords records;

    PaperView view(Attempt attempt, PublishedContest published, Instant now) {
        return view(attempt, records.items(attempt.id()), published, em.find(Participation.class, attempt.participationId()), now);
    }

    PaperView view(Attempt attempt, List<AttemptItem> items, PublishedContest published, Participation participation,
                           Instant now) {
        ContestRules rules = published.rules();
        boolean fin = attempt.state().isFinal();
        boolean review = fin && rules.review() == ReviewPolicy.CORRECT_ANSWERS;
        List<PaperView.Item> questions = new ArrayList<>();
        int answered = 0;
        for (AttemptItem item : items) {
            PublishedContest.Question q = published.question(item.questionId());
            List<PaperView.Option> options = item.optionOrder().stream()
                    .map(n -> new PaperView.Option(n, q.options().get(n - 1))).toList();
            if (item.chosenOption() != null) {
                answered++;
            }
            questions.add(new PaperView.Item(item.position(), q.topic(), q.stem(), options, item.chosenOption(),
                    review ? Boolean.valueOf(item.correctOption() == (item.chosenOption() == null ? -1 : item.chosenOption())) : null,
                    review ? item.correctOption() : null,
                    review ? q.explanation() : null));
        }
        PaperView.Outcome outcome = null;
        if (fin && attempt.isGraded()) {
            GradingBand band = rules.bands().bandFor(attempt.score(), attempt.maxScore());
            outcome = new PaperView.Outcome(attempt.score(), attempt.maxScore(), attempt.correctCount(), band.key(),
                    band.labelVi(), rules.bands().reaches(band.key(), rules.passingBand()),
                    attempt.endedBy().name(), attempt.endedAt());
        }
        long remaining = fin ? 0 : Math.max(0, Duration.between(now, attempt.deadline()).toSeconds());
        return new PaperView(attempt.id(), attempt.contestId(), published.title(), participation.boardCode(),
                attempt.number(), attempt.state(), attempt.startedAt(), attempt.deadline(), now, remaining,
                answered, questions, outcome, rules.tieBreakQuestion(), attempt.prediction().orElse(null));
    }
}
