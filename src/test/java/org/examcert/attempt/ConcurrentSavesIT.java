package org.examcert.attempt;

import org.examcert.testing.Api;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.examcert.testing.Sql;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Candidates saving in the same instant: their single answers are written together, several in
 * one statement, and each comes out exactly as it would alone — saved, superseded by a newer save,
 * or refused for a question the paper does not have — with every acknowledged answer in its row.
 */
@ExamcertIT
class ConcurrentSavesIT {

    private static final int CANDIDATES = 8;
    private static final int QUESTIONS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private record Save(int candidate, long attempt, int position, int option, long seq) {
        String body() {
            return "{\"option\":" + option + ",\"seq\":" + seq + "}";
        }
    }

    @Test
    void answersSavedAtOnceAreWrittenTogetherEachAsItWouldBeAlone() throws Exception {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", QUESTIONS)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", QUESTIONS).published();
        List<Api> candidates = new ArrayList<>();
        List<Long> attempts = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            Api candidate = new CandidateBuilder(base).register();
            candidates.add(candidate);
            attempts.add(candidate.post("api/contests/" + contest + "/attempts", "{}").expect(201).json()
                    .getJsonObject("paper").getJsonNumber("attemptId").longValue());
        }
        List<Save> saves = new ArrayList<>();
        for (int c = 0; c < CANDIDATES; c++) {
            for (int position = 1; position <= QUESTIONS; position++) {
                saves.add(new Save(c, attempts.get(c), position, 1 + (c + position) % 4, 100 + position));
            }
            saves.add(new Save(c, attempts.get(c), 1, 4 - c % 4, 50));            // older than its rival: never kept
            saves.add(new Save(c, attempts.get(c), QUESTIONS + 1, 1, 100));      // not on the paper
        }
        long statementsBefore = insertSelects();

        List<Api.Reply> replies = atOnce(saves.stream().<Callable<Api.Reply>>map(save -> () -> candidates.get(save.candidate())
                .put("api/attempts/" + save.attempt() + "/answers/" + save.position(), save.body())).toList());

        long statements = insertSelects() - statementsBefore;
        for (int i = 0; i < saves.size(); i++) {
            Save save = saves.get(i);
            Api.Reply reply = replies.get(i);
            if (save.position() > QUESTIONS) {
                assertEquals("attempt.question-not-found", reply.expect(404).problemCode());
            } else if (save.seq() < 100) {
                reply.expect(200); // saved, or already superseded by its newer rival: either way not kept (below)
            } else {
                assertTrue(reply.expect(200).json().getBoolean("saved"), "the newest save of a question is saved: " + reply.body());
            }
        }
        Map<String, List<Object>> stored = new HashMap<>();
        for (List<Object> row : Sql.rows("SELECT attempt_id, position, chosen_option, save_seq FROM attempt_answer WHERE attempt_id BETWEEN ? AND ?",
                attempts.get(0), attempts.get(CANDIDATES - 1))) {
            stored.put(row.get(0) + "/" + row.get(1), row);
        }
        assertEquals(CANDIDATES * QUESTIONS, stored.size(), "one row per question saved, none for a question not on the paper");
        for (Save save : saves) {
            if (save.position() <= QUESTIONS && save.seq() >= 100) {
                List<Object> row = stored.get(save.attempt() + "/" + save.position());
                assertEquals(save.option(), ((Number) row.get(2)).intValue(), "the newest option of " + save);
                assertEquals(save.seq(), ((Number) row.get(3)).longValue(), "the newest seq of " + save);
            }
        }
        assertTrue(statements < saves.size(), "answers arriving together are written together: " + statements
                + " statements for " + saves.size() + " saves");
    }

    /** Statements of the INSERT … SELECT kind the server has run so far (every save is one, or shares one). */
    private static long insertSelects() {
        return Long.parseLong(Sql.rows("SHOW GLOBAL STATUS LIKE 'Com_insert_select'").get(0).get(1).toString());
    }

    /** Sends every request at the same moment from 32 threads; replies in the requests' order. */
    private static List<Api.Reply> atOnce(List<Callable<Api.Reply>> requests) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Reply>> sent = new ArrayList<>();
            for (Callable<Api.Reply> request : requests) {
                sent.add(senders.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : sent) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            senders.shutdownNow();
        }
    }
}
