package org.examcert.attempt;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.MariaDbForTests.TestDatabase;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad day in the middle of an exam: the database is killed (kill -9) and started again on the
 * same data. While it is away, candidates get 503 + Retry-After, never 500; within seconds of it
 * being back everything works without restarting the service, no acknowledged answer is lost,
 * the answers the app kept land, and the attempt gets back the time the outage took.
 */
@ExamcertIT
class DatabaseRestartIT {

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    /** The driver's connect timeout is 3 s; a dead server refuses at once. */
    private static final Duration ANSWERED_AT_ONCE = Duration.ofSeconds(3);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void aDatabaseRestartCostsNoAnswerNoTimeAndNo500(TestDatabase database) throws Exception {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 10).rule("timeLimitSeconds", 1800)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api candidate = new CandidateBuilder(base).board("SINH_VIEN").register();
        JsonObject paper = Papers.start(candidate, contest);
        long attempt = paper.getJsonNumber("attemptId").longValue();
        Instant deadlineBefore = Instant.parse(paper.getString("deadline"));

        Map<Integer, Integer> acknowledged = new LinkedHashMap<>();
        long seq = 1;
        for (int position = 1; position <= 4; position++) {
            save(candidate, attempt, position, 1 + position % 3, seq++).expect(200);
            acknowledged.put(position, 1 + position % 3);
        }

        List<String> statuses = new ArrayList<>();
        Instant crashed = Instant.now();
        database.crash();
        try {
            // What the app does while the database is away: its saves and reads are told to wait.
            for (int i = 0; i < 6; i++) {
                Instant asked = Instant.now();
                Api.Reply refused = save(candidate, attempt, 5, 2, seq);
                Duration answeredIn = Duration.between(asked, Instant.now());
                statuses.add("save " + refused.status());
                assertTrue(answeredIn.compareTo(ANSWERED_AT_ONCE) <= 0, "a refusal comes at once, not after " + answeredIn);
                assertEquals(503, refused.status(), refused.body());
                assertEquals("service.reconnecting", refused.problemCode());
                assertTrue(refused.header("Retry-After").isPresent(), "503 says when to retry");
                asked = Instant.now();
                Api.Reply read = candidate.get("api/attempts/" + attempt);
                answeredIn = Duration.between(asked, Instant.now());
                statuses.add("read " + read.status());
                assertTrue(answeredIn.compareTo(ANSWERED_AT_ONCE) <= 0, "a refusal comes at once, not after " + answeredIn);
                assertEquals(503, read.status(), read.body());
                Thread.sleep(500);
            }
            assertEquals(503, new Api(base).get("health").status(), "not ready while the database is away");
        } finally {
            database.startAgain();
        }
        Instant back = Instant.now();

        // The app's queued answer goes through as soon as the service has reconnected.
        Duration recovery = until(() -> {
            Api.Reply reply = save(candidate, attempt, 5, 2, 1_000);
            statuses.add("retry " + reply.status() + (reply.status() == 200 ? "" : " " + reply.body()));
            return reply.status() == 200;
        }, back, statuses);
        assertTrue(recovery.compareTo(RECOVERY_LIMIT) <= 0, "recovered in " + recovery);
        System.out.println("DatabaseRestartIT: database away " + Duration.between(crashed, back).toMillis()
                + " ms; saves accepted again " + recovery.toMillis() + " ms after it was back");
        acknowledged.put(5, 2);
        for (int position = 6; position <= 8; position++) {
            save(candidate, attempt, position, 3, 2_000 + position).expect(200);
            acknowledged.put(position, 3);
        }
        assertTrue(statuses.stream().noneMatch(s -> s.endsWith(" 500")), "no 500 at any time: " + statuses);

        // Every acknowledged answer is there, and the time the outage took is given back.
        until(() -> Instant.parse(candidate.get("api/attempts/" + attempt).expect(200).json().getString("deadline"))
                .isAfter(deadlineBefore), Instant.now(), statuses);
        JsonObject after = candidate.get("api/attempts/" + attempt).expect(200).json();
        Map<Integer, Integer> stored = new LinkedHashMap<>();
        after.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.containsKey("chosen") && !q.isNull("chosen"))
                .forEach(q -> stored.put(q.getInt("position"), q.getInt("chosen")));
        assertEquals(acknowledged, stored);
        Duration givenBack = Duration.between(deadlineBefore, Instant.parse(after.getString("deadline")));
        Duration outage = Duration.between(crashed, back);
        assertTrue(givenBack.compareTo(outage.minusMillis(500)) >= 0,
                "the outage took " + outage + ", given back " + givenBack);
        assertTrue(givenBack.compareTo(outage.plusSeconds(5)) <= 0, "no more than the outage: " + givenBack);

        List<JsonObject> history = organizer.api().get("api/console/attempts/" + attempt + "/history").expect(200)
                .array().getValuesAs(JsonObject.class);
        assertTrue(history.stream().anyMatch(e -> e.getString("kind").equals("TIME_RETURNED")), history.toString());
        until(() -> new Api(base).get("health").status() == 200, Instant.now(), statuses);
    }

    private static Api.Reply save(Api candidate, long attempt, int position, int option, long seq) {
        return candidate.put("api/attempts/" + attempt + "/answers/" + position,
                Json.createObjectBuilder().add("option", option).add("seq", seq).build());
    }

    /** Polls every 200 ms until the condition holds; the time it took from {@code since}. */
    private static Duration until(Supplier<Boolean> condition, Instant since, List<String> seen) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.get()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not within 30 s; the last answers: " + seen.subList(Math.max(0, seen.size() - 5), seen.size()));
            }
            Thread.sleep(200);
        }
        return Duration.between(since, Instant.now());
    }
}
