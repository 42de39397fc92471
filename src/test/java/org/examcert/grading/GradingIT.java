package org.examcert.grading;

import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.Banks;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grading through HTTP: bands at every edge, the official attempt across attempts, limits and eligibility. */
@ExamcertIT
class GradingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Papers papers = new Papers(new Banks());

    private long thirtyQuestionContest(Organizer organizer) {
        return organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
    }

    @Test
    void eachBandBoundaryOutOfThirty() {
        long contest = thirtyQuestionContest(new Organizer(base));
        List<Object[]> table = List.of(
                new Object[]{14, "KHONG_DAT", false}, new Object[]{15, "TRUNG_BINH", true},
                new Object[]{18, "TRUNG_BINH", true}, new Object[]{19, "KHA", true},
                new Object[]{24, "KHA", true}, new Object[]{25, "GIOI", true},
                new Object[]{29, "GIOI", true}, new Object[]{30, "XUAT_SAC", true});
        for (Object[] row : table) {
            Api candidate = new CandidateBuilder(base).register();
            JsonObject paper = Papers.start(candidate, contest);
            papers.answer(candidate, paper, (int) row[0]);
            JsonObject outcome = Papers.submit(candidate, paper).getJsonObject("outcome");
            assertEquals(0, new BigDecimal((int) row[0]).compareTo(outcome.getJsonNumber("score").bigDecimalValue()),
                    "score of " + row[0] + " right answers: " + outcome);
            assertEquals(row[1], outcome.getString("band"), row[0] + " out of 30");
            JsonObject result = candidate.get("api/contests/" + contest + "/result").expect(200).json();
            assertEquals(row[2], result.getBoolean("completed"), row[0] + " completes the round?");
            assertEquals(!(boolean) row[2], result.getBoolean("mustRetake"));
        }
    }

    @Test
    void everyStoredScoreEqualsItsRecomputationFromStoredAnswers() throws InterruptedException {
        long contest = thirtyQuestionContest(new Organizer(base));
        Api candidate = new CandidateBuilder(base).register();
        attempt(candidate, contest, 17, 0);
        attempt(candidate, contest, 23, 0);
        JsonObject audit = new Organizer(base).api().get("api/console/audit/scores").expect(200).json();
        assertTrue(audit.getJsonNumber("attemptsChecked").longValue() >= 2, audit.toString());
        assertEquals(0, audit.getJsonArray("mismatches").size(), audit.toString());
        assertEquals("auth.forbidden", candidate.get("api/console/audit/scores").expect(403).problemCode());
    }

    @Test
    void bandsScaleWhenTheMaximumIsNotThirty() {
        // 20 questions of 0.5 points: 10 points in all; 5 of 10 is 15 of 30.
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 20).rule("pointsPerQuestion", new BigDecimal("0.5"))
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 20).published();
        Api candidate = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(candidate, contest);
        papers.answer(candidate, paper, 10);
        JsonObject outcome = Papers.submit(candidate, paper).getJsonObject("outcome");
        assertEquals("TRUNG_BINH", outcome.getString("band"), "10 of 20 is 15 of 30");
    }

    @Test
    void theBestOfThreeAttemptsIsOfficialAndTiesGoToTheShorterAttempt() throws InterruptedException {
        long contest = thirtyQuestionContest(new Organizer(base));
        Api candidate = new CandidateBuilder(base).register();
        long first = attempt(candidate, contest, 20, 0);
        long second = attempt(candidate, contest, 26, 1_200);   // 26, slower
        long third = attempt(candidate, contest, 26, 0);        // 26 again, faster: official
        JsonObject result = candidate.get("api/contests/" + contest + "/result").expect(200).json();
        assertEquals(third, result.getJsonNumber("officialAttemptId").longValue());
        assertEquals("GIOI", result.getString("band"));
        assertEquals(3, result.getJsonArray("attempts").size());
        assertTrue(result.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getBoolean("official")).allMatch(a -> a.getJsonNumber("id").longValue() == third));
        assertFalse(first == second);

        // A later, worse attempt changes nothing official.
        attempt(candidate, contest, 10, 0);
        JsonObject after = candidate.get("api/contests/" + contest + "/result").expect(200).json();
        assertEquals(third, after.getJsonNumber("officialAttemptId").longValue());
        assertEquals("GIOI", after.getString("highestBand"));
        assertTrue(after.getBoolean("completed"));
    }

    @Test
    void theAttemptLimitIsEnforced() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10).rule("maxAttempts", 2)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api candidate = new CandidateBuilder(base).register();
        for (int i = 0; i < 2; i++) {
            Papers.submit(candidate, Papers.start(candidate, contest));
        }
        assertEquals("attempt.limit-reached",
                candidate.post("api/contests/" + contest + "/attempts", "{}").expect(409).problemCode());
        assertEquals(0, candidate.get("api/contests/" + contest + "/result").expect(200).json().getInt("attemptsLeft"));
    }

    @Test
    void candidatesOutsideTheContestsAgesAreRefused() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10).rule("minAge", 18).rule("maxAge", 30)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api older = new CandidateBuilder(base).born(LocalDate.now().minusYears(35)).register();
        var refused = older.header("Accept-Language", "vi").post("api/contests/" + contest + "/attempts", "{}").expect(403);
        assertEquals("attempt.not-eligible", refused.problemCode());
        assertTrue(refused.json().getString("title").contains("từ 18 đến 30 tuổi"), refused.body());
        Api younger = new CandidateBuilder(base).born(LocalDate.now().minusYears(17)).register();
        assertEquals("attempt.not-eligible", younger.post("api/contests/" + contest + "/attempts", "{}").expect(403).problemCode());
    }

    /** One attempt with {@code right} correct answers, submitted after {@code extraMillis}; returns its id. */
    private long attempt(Api candidate, long contest, int right, long extraMillis) throws InterruptedException {
        JsonObject paper = Papers.start(candidate, contest);
        papers.answer(candidate, paper, right);
        Thread.sleep(extraMillis);
        Papers.submit(candidate, paper);
        return paper.getJsonNumber("attemptId").longValue();
    }
}
