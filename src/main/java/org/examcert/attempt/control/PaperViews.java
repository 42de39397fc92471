package org.examcert.attempt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.entity.Attempt;
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
    // public methods: the CDI proxy calls a package-private one by reflection

    @Inject
    AttemptRecords records;

    @Inject
    Papers papers;

    public PaperView view(Attempt attempt, PublishedContest published, Instant now) {
        // a running paper is drawn again from its seed; an ended one was written out with its answers
        List<Papers.Line> lines = attempt.state().isFinal()
                ? records.items(attempt.id()).stream().map(Papers.Line::of).toList()
                : papers.running(attempt, published);
        return view(attempt.id(), attempt, lines, published, now);
    }

    /** @param attemptId the attempt's id, given apart for an attempt just inserted without the entity manager */
    public PaperView view(long attemptId, Attempt attempt, List<Papers.Line> lines, PublishedContest published, Instant now) {
        ContestRules rules = published.rules();
        boolean fin = attempt.state().isFinal();
        boolean review = fin && rules.review() == ReviewPolicy.CORRECT_ANSWERS;
        List<PaperView.Item> questions = new ArrayList<>();
        int answered = 0;
        for (Papers.Line item : lines) {
            PublishedContest.Question q = published.question(item.questionId());
            List<PaperView.Option> options = item.optionOrder().stream()
                    .map(n -> new PaperView.Option(n, q.options().get(n - 1))).toList();
            if (item.chosen() != null) {
                answered++;
            }
            questions.add(new PaperView.Item(item.position(), q.topic(), q.stem(), options, item.chosen(),
                    review ? Boolean.valueOf(item.correctOption() == (item.chosen() == null ? -1 : item.chosen())) : null,
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
        return new PaperView(attemptId, attempt.contestId(), published.title(), attempt.boardCode(),
                attempt.number(), attempt.state(), attempt.startedAt(), attempt.deadline(), now, remaining,
                answered, questions, outcome, rules.tieBreakQuestion(), attempt.prediction().orElse(null));
    }
}
