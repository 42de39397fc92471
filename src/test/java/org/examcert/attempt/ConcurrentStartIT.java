package org.examcert.attempt;

import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many tabs of one candidate pressing "Bắt đầu" in the same instant: one attempt, one paper, no 5xx. */
@ExamcertIT
class ConcurrentStartIT {

    private static final int TABS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void twentyFirstStartsAtOnceMakeExactlyOneAttempt() throws Exception {
        long contest = contest(2);
        Api candidate = new CandidateBuilder(base).register();
        String start = "api/contests/" + contest + "/attempts";

        long attempt = oneAttemptHeldByEveryTab(pressedAtOnce(candidate, start));

        // asked again in calm: the same attempt resumes, and the candidate has exactly one
        JsonObject again = candidate.post(start, "{}").expect(200).json();
        assertTrue(again.getBoolean("resumed"));
        assertEquals(attempt, again.getJsonObject("paper").getJsonNumber("attemptId").longValue());
        JsonObject result = candidate.get("api/contests/" + contest + "/result").expect(200).json();
        assertEquals(1, result.getJsonArray("attempts").size(), "exactly one attempt");
        assertEquals(1, result.getInt("attemptsLeft"), "the attempt limit counts one attempt");
    }

    /** A new attempt after a finished one is made without a lock, its number the only guard: still one. */
    @Test
    void twentyStartsOfASecondAttemptAtOnceMakeExactlyOneMore() throws Exception {
        long contest = contest(3);
        Api candidate = new CandidateBuilder(base).register();
        String start = "api/contests/" + contest + "/attempts";
        long first = candidate.post(start, "{}").expect(201).json().getJsonObject("paper").getJsonNumber("attemptId").longValue();
        candidate.post("api/attempts/" + first + "/submit", "{}").expect(200);

        long second = oneAttemptHeldByEveryTab(pressedAtOnce(candidate, start));

        assertTrue(second != first, "the tabs hold a new attempt, not the submitted one");
        JsonObject result = candidate.get("api/contests/" + contest + "/result").expect(200).json();
        assertEquals(2, result.getJsonArray("attempts").size(), "exactly one more attempt");
        assertEquals(1, result.getInt("attemptsLeft"), "the attempt limit counts two attempts");
    }

    private long contest(int maxAttempts) {
        return new Organizer(base).contest().rule("questionsPerAttempt", 20).rule("maxAttempts", maxAttempts)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 20).published();
    }

    private static List<Api.Reply> pressedAtOnce(Api candidate, String start) throws Exception {
        List<Api.Reply> replies = new ArrayList<>();
        ExecutorService tabs = Executors.newFixedThreadPool(TABS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Reply>> pressed = new ArrayList<>();
            for (int i = 0; i < TABS; i++) {
                pressed.add(tabs.submit(() -> {
                    go.await();
                    return candidate.post(start, "{}");
                }));
            }
            go.countDown();
            for (Future<Api.Reply> reply : pressed) {
                replies.add(reply.get());
            }
        } finally {
            tabs.shutdownNow();
        }
        return replies;
    }

    /** Every reply served or refused at the door, at most one new paper, every served tab on the same attempt (its id). */
    private static long oneAttemptHeldByEveryTab(List<Api.Reply> replies) {
        for (Api.Reply reply : replies) {
            assertTrue(reply.status() == 200 || reply.status() == 201 || reply.status() == 503,
                    "a start is served or refused at the door, never a failure: " + reply.status() + " " + reply.body());
            if (reply.status() == 503) {
                assertEquals("server.busy", reply.problemCode());
            }
        }
        List<JsonObject> papers = replies.stream().filter(r -> r.status() < 300)
                .map(r -> r.json().getJsonObject("paper")).toList();
        assertFalse(papers.isEmpty(), "the door admits some of twenty starts");
        assertTrue(replies.stream().filter(r -> r.status() == 201).count() <= 1, "at most one start draws a paper");
        Set<Long> attemptIds = papers.stream().map(p -> p.getJsonNumber("attemptId").longValue()).collect(Collectors.toSet());
        assertEquals(1, attemptIds.size(), "every tab holds the same attempt");
        for (JsonObject paper : papers) {
            // a tab that met its rival resumes the whole paper, not an empty one
            assertEquals(20, paper.getJsonArray("questions").size());
            paper.getJsonArray("questions").getValuesAs(JsonObject.class).forEach(q -> assertTrue(
                    absent(q, "correctOption") && absent(q, "correct"), "no correct answer before submit: " + q));
        }
        return attemptIds.iterator().next();
    }

    private static boolean absent(JsonObject json, String name) {
        return !json.containsKey(name) || json.isNull(name);
    }
}
