package org.examcert.contest;

import org.examcert.candidate.EligibilityRule;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The rules (thể lệ) an organizing board sets for a contest. Validates itself: a rules value that
 * exists is one the engine can run.
 *
 * @param maxAttempts null for unlimited attempts
 * @param grace       how long after the deadline a save still counts (network latency), at most 2 minutes
 * @param certificateTemplate the folder under certificate-templates/ that certificates are drawn from
 * @param tieBreakQuestion    the prediction question candidates answer at submit, the last tie-breaker of
 *                            the rankings; null for none
 */
public record ContestRules(Duration timeLimit, int questionsPerAttempt, BigDecimal pointsPerQuestion,
                           Integer maxAttempts, OfficialAttemptPolicy officialAttempt, GradingBandTable bands,
                           String passingBand, boolean shuffleQuestions, boolean shuffleOptions,
                           ReviewPolicy review, EligibilityRule eligibility, Duration grace,
                           CertificateIssue certificates, String certificateTemplate,
                           String tieBreakQuestion) {

    public ContestRules {
        if (timeLimit == null || timeLimit.toSeconds() < 1 || timeLimit.compareTo(Duration.ofHours(5)) > 0) {
            throw Problem.badRequest("contest.time-limit-invalid");
        }
        if (questionsPerAttempt < 1 || questionsPerAttempt > 200) {
            throw Problem.badRequest("contest.questions-invalid");
        }
        if (pointsPerQuestion == null || pointsPerQuestion.signum() <= 0 || pointsPerQuestion.scale() > 2
                || pointsPerQuestion.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw Problem.badRequest("contest.points-invalid");
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 1000)) {
            throw Problem.badRequest("contest.attempts-invalid");
        }
        if (officialAttempt == null || bands == null || review == null || eligibility == null) {
            throw Problem.badRequest("contest.rules-incomplete");
        }
        if (passingBand == null || bands.bands().stream().noneMatch(b -> b.key().equals(passingBand))) {
            throw Problem.badRequest("contest.passing-band-unknown", passingBand);
        }
        if (grace == null || grace.isNegative() || grace.compareTo(Duration.ofMinutes(2)) > 0) {
            throw Problem.badRequest("contest.grace-invalid");
        }
        if (certificates == null) {
            throw Problem.badRequest("contest.rules-incomplete");
        }
        if (certificateTemplate == null || !certificateTemplate.matches("^[a-z0-9][a-z0-9-]{0,99}$")) {
            throw Problem.badRequest("contest.certificate-template-invalid", String.valueOf(certificateTemplate));
        }
        if (tieBreakQuestion != null) {
            tieBreakQuestion = tieBreakQuestion.strip();
            if (tieBreakQuestion.isEmpty()) {
                tieBreakQuestion = null;
            } else if (tieBreakQuestion.length() > 500) {
                throw Problem.badRequest("contest.tie-break-question-too-long", 500);
            }
        }
    }

    /** The rules of the 2023 certification contest: 30 questions, 1 point each, many attempts, bands out of 30. */
    public static ContestRules certificationDefaults() {
        return new ContestRules(Duration.ofMinutes(30), 30, BigDecimal.ONE, null, OfficialAttemptPolicy.HIGHEST_SCORE,
                GradingBandTable.standard(), "TRUNG_BINH", true, true, ReviewPolicy.SCORE_ONLY,
                EligibilityRule.youthUnion(), Duration.ofSeconds(15), CertificateIssue.ON_PASS, "default", null);
    }

    /** A study quiz: shorter, answers and explanations shown after submitting, no certificate. */
    public static ContestRules studyQuizDefaults() {
        return new ContestRules(Duration.ofMinutes(15), 20, new BigDecimal("0.5"), 5, OfficialAttemptPolicy.HIGHEST_SCORE,
                GradingBandTable.standard(), "TRUNG_BINH", true, true, ReviewPolicy.CORRECT_ANSWERS,
                EligibilityRule.youthUnion(), Duration.ofSeconds(15), CertificateIssue.NONE, "default", null);
    }

    public BigDecimal maxScore() {
        return pointsPerQuestion.multiply(BigDecimal.valueOf(questionsPerAttempt));
    }

    public boolean hasTieBreakQuestion() {
        return tieBreakQuestion != null;
    }

    public boolean unlimitedAttempts() {
        return maxAttempts == null;
    }

    public boolean allowsAnotherAttempt(int attemptsStarted) {
        return maxAttempts == null || attemptsStarted < maxAttempts;
    }
}
