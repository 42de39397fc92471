package org.examcert.attempt;

import jakarta.json.Json;
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

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The life of an attempt through HTTP, against MariaDB: draw, resume, save, deadline, submit, privacy. */
@ExamcertIT
class AttemptLifecycleIT {

    private static final Map<String, String> BOARD_BANKS = Map.of(
            "CAN_BO_DOAN", "can-bo-doan",
            "DOAN_VIEN_CO_QUAN_DOANH_NGHIEP", "doan-vien-co-quan-doanh-nghiep",
            "THANH_NIEN_CONG_NHAN", "thanh-nien-cong-nhan",
            "SINH_VIEN", "sinh-vien",
            "HOC_SINH", "hoc-sinh");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Banks banks = new Banks();

    @Test
    void fiveBoardsDrawTheirOwnContent() {
        Organizer.ContestBuilder builder = new Organizer(base).contest().rule("questionsPerAttempt", 20);
        BOARD_BANKS.forEach((board, bank) -> builder.board(board, "Bảng " + board, bank, 20));
        long contest = builder.published();
        for (var board : BOARD_BANKS.entrySet()) {
            Api candidate = new CandidateBuilder(base).board(board.getKey()).register();
            JsonObject paper = Papers.start(candidate, contest);
            assertEquals(board.getKey(), paper.getString("board"));
            Set<String> boardStems = banks.bank(board.getValue()).questions().stream()
                    .map(org.examcert.questionbank.BankFile.Question::stem).collect(Collectors.toSet());
            assertTrue(boardStems.containsAll(stems(paper)), "board " + board.getKey() + " draws from " + board.getValue() + " only");
            assertEquals(20, paper.getJsonArray("questions").size());
        }
    }

    @Test
    void theStartResponseCarriesNoCorrectAnswerAndTheServerClock() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 30)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
        Api candidate = new CandidateBuilder(base).register();
        var reply = candidate.post("api/contests/" + contest + "/attempts", "{}").expect(201);
        JsonObject paper = reply.json().getJsonObject("paper");
        for (JsonObject q : paper.getJsonArray("questions").getValuesAs(JsonObject.class)) {
            assertFalse(q.containsKey("correctOption") || q.containsKey("correct") || q.containsKey("explanation"), q.toString());
            q.getJsonArray("options").getValuesAs(JsonObject.class)
                    .forEach(o -> assertEquals(Set.of("number", "text"), o.keySet()));
        }
        assertFalse(reply.body().contains("\"correct"), "no correct-answer field anywhere in the start response");
        Instant now = Instant.parse(paper.getString("serverNow"));
        Instant deadline = Instant.parse(paper.getString("deadline"));
        assertEquals(Duration.ofMinutes(30), Duration.between(now, deadline));
    }

    @Test
    void aSecondStartResumesTheSameAttempt() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api candidate = new CandidateBuilder(base).register();
        JsonObject first = candidate.post("api/contests/" + contest + "/attempts", "{}").expect(201).json();
        JsonObject again = candidate.post("api/contests/" + contest + "/attempts", "{}").expect(200).json();
        assertTrue(again.getBoolean("resumed"));
        assertEquals(first.getJsonObject("paper").getJsonNumber("attemptId"), again.getJsonObject("paper").getJsonNumber("attemptId"));
        assertEquals(stems(first.getJsonObject("paper")), stems(again.getJsonObject("paper")), "the same paper, never a second one");
    }

    @Test
    void savesAreIdempotentOrderedAndHeldByOneDevice() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api phone = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(phone, contest);
        String answer = "api/attempts/" + paper.getJsonNumber("attemptId") + "/answers/1";
        assertTrue(phone.put(answer, save(2, 5)).expect(200).json().getBoolean("saved"));
        assertTrue(phone.put(answer, save(2, 6)).expect(200).json().getBoolean("saved"));
        // a save sent earlier (seq 4) that arrives late does not overwrite the newer answer
        assertFalse(phone.put(answer, save(3, 4)).expect(200).json().getBoolean("saved"));
        JsonObject reread = phone.get("api/attempts/" + paper.getJsonNumber("attemptId")).expect(200).json();
        assertEquals(2, reread.getJsonArray("questions").getJsonObject(0).getInt("chosen"));

        assertEquals("attempt.option-invalid", phone.put(answer, save(7, 9)).expect(400).problemCode());
        assertEquals("attempt.question-not-found",
                phone.put("api/attempts/" + paper.getJsonNumber("attemptId") + "/answers/99", save(1, 9)).expect(404).problemCode());
        assertEquals("request.malformed-json", phone.put(answer, "{\"option\": 2,").expect(400).problemCode());
    }

    @Test
    void severalQueuedAnswersAreSavedInOneRequestAllOrNone() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api phone = new CandidateBuilder(base).register();
        String attempt = "api/attempts/" + Papers.start(phone, contest).getJsonNumber("attemptId");
        String answers = attempt + "/answers";

        // in order, each by its seq: question 1's late seq 4 does not overwrite seq 5 of the same request
        List<JsonObject> saved = phone.put(answers, "{\"answers\": [{\"position\": 1, \"option\": 2, \"seq\": 5},"
                + " {\"position\": 2, \"option\": 1, \"seq\": 6}, {\"position\": 1, \"option\": 3, \"seq\": 4}]}")
                .expect(200).json().getJsonArray("answers").getValuesAs(JsonObject.class);
        assertEquals(List.of(true, true, false), saved.stream().map(a -> a.getBoolean("saved")).toList());
        assertEquals(5, saved.get(2).getInt("seq"), "the seq the server holds for question 1");
        assertEquals(Map.of(1, 2, 2, 1), chosen(phone, attempt));

        // one answer refused: none of the request is kept
        assertEquals("attempt.question-not-found", phone.put(answers, "{\"answers\": [{\"position\": 3, \"option\": 1, \"seq\": 7},"
                + " {\"position\": 99, \"option\": 1, \"seq\": 8}]}").expect(404).problemCode());
        assertEquals("attempt.option-invalid", phone.put(answers, "{\"answers\": [{\"position\": 3, \"option\": 1, \"seq\": 9},"
                + " {\"position\": 4, \"option\": 5, \"seq\": 10}]}").expect(400).problemCode());
        assertEquals("attempt.answers-count", phone.put(answers, "{\"answers\": []}").expect(400).problemCode());
        assertEquals("attempt.answers-count", phone.put(answers, "{}").expect(400).problemCode());
        assertEquals("attempt.position-missing", phone.put(answers, "{\"answers\": [{\"option\": 1, \"seq\": 11}]}").expect(400).problemCode());
        assertEquals("attempt.seq-invalid", phone.put(answers, "{\"answers\": [{\"position\": 3, \"option\": 1}]}").expect(400).problemCode());
        String tooMany = java.util.stream.IntStream.rangeClosed(1, 201)
                .mapToObj(i -> "{\"position\": 1, \"option\": 1, \"seq\": " + (100 + i) + "}").collect(Collectors.joining(","));
        assertEquals("attempt.answers-count", phone.put(answers, "{\"answers\": [" + tooMany + "]}").expect(400).problemCode());
        // a position below 1 is no question (it used to be stored as a row no paper has)
        assertEquals("attempt.question-not-found", phone.put(answers + "/0", save(1, 12)).expect(404).problemCode());
        assertEquals("attempt.question-not-found", phone.put(answers + "/-1", "{\"option\": null, \"seq\": 13}").expect(404).problemCode());
        assertEquals(Map.of(1, 2, 2, 1), chosen(phone, attempt), "nothing of the refused requests was kept");

        phone.post(attempt + "/submit", "{}").expect(200);
        assertEquals("attempt.closed", phone.put(answers, "{\"answers\": [{\"position\": 3, \"option\": 1, \"seq\": 14},"
                + " {\"position\": 4, \"option\": 1, \"seq\": 15}]}").expect(409).problemCode());
    }

    @Test
    void twoQueuesOfOneAttemptSentAtOnceInOppositeOrdersAreBothServed() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api tabs = new CandidateBuilder(base).register();   // two tabs of one browser: one session, one device
        String answers = "api/attempts/" + Papers.start(tabs, contest).getJsonNumber("attemptId") + "/answers";
        List<String> wrong = new java.util.ArrayList<>();
        for (int round = 0; round < 15; round++) {
            long seq = 1000L * (round + 1);
            // the same ten questions, one tab's queue first to last, the other's last to first
            String upward = queue(java.util.stream.IntStream.rangeClosed(1, 10), seq);
            String downward = queue(java.util.stream.IntStream.rangeClosed(1, 10).map(i -> 11 - i), seq + 100);
            CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> tabs.put(answers, upward));
            CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(() -> tabs.put(answers, downward));
            for (Api.Reply reply : List.of(first.join(), second.join())) {
                // the door may turn one away (503 server.busy); the database must not (a deadlock)
                if (reply.status() != 200 && !(reply.status() == 503 && "server.busy".equals(reply.problemCode()))) {
                    wrong.add("round " + round + ": " + reply.status() + " " + reply.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String queue(java.util.stream.IntStream positions, long firstSeq) {
        long[] seq = {firstSeq};
        return positions.mapToObj(p -> "{\"position\": " + p + ", \"option\": 1, \"seq\": " + seq[0]++ + "}")
                .collect(Collectors.joining(",", "{\"answers\": [", "]}"));
    }

    /** position → chosen option of the answered questions, as the attempt's owner reads them. */
    private static Map<Integer, Integer> chosen(Api candidate, String attempt) {
        return candidate.get(attempt).expect(200).json().getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.containsKey("chosen") && !q.isNull("chosen"))
                .collect(Collectors.toMap(q -> q.getInt("position"), q -> q.getInt("chosen")));
    }

    @Test
    void anotherCandidateCanNeitherReadNorWriteMyAttempt() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api owner = new CandidateBuilder(base).register();
        long attempt = Papers.start(owner, contest).getJsonNumber("attemptId").longValue();
        Api intruder = new CandidateBuilder(base).register();
        assertEquals("attempt.not-found", intruder.get("api/attempts/" + attempt).expect(404).problemCode());
        assertEquals("attempt.not-found", intruder.put("api/attempts/" + attempt + "/answers/1", save(1, 1)).expect(404).problemCode());
        assertEquals("attempt.not-found", intruder.post("api/attempts/" + attempt + "/submit", "{}").expect(404).problemCode());
        assertEquals("auth.required", new Api(base).get("api/attempts/" + attempt).expect(401).problemCode());
        JsonObject mine = owner.get("api/attempts/" + attempt).expect(200).json();
        assertTrue(mine.getJsonArray("questions").getValuesAs(JsonObject.class).stream().noneMatch(q -> q.containsKey("chosen")),
                "the intruder's saves changed nothing");
    }

    @Test
    void afterTheDeadlineSavesAreRefusedAndTheSweeperFinalizesTheAttempt() throws InterruptedException {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10).rule("timeLimitSeconds", 2)
                .rule("graceSeconds", 0).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api candidate = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(candidate, contest);
        long attempt = paper.getJsonNumber("attemptId").longValue();
        candidate.put("api/attempts/" + attempt + "/answers/1", save(1, 1)).expect(200);
        Thread.sleep(2_300);
        assertEquals("attempt.deadline-passed",
                candidate.put("api/attempts/" + attempt + "/answers/2", save(1, 2)).expect(409).problemCode());
        // The candidate never comes back: the result page (which finalizes nothing itself) shows the sweeper's work.
        JsonObject line = null;
        for (int i = 0; i < 40; i++) {
            line = candidate.get("api/contests/" + contest + "/result").expect(200).json()
                    .getJsonArray("attempts").getJsonObject(0);
            if (!"IN_PROGRESS".equals(line.getString("state"))) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals("EXPIRED", line.getString("state"));
        JsonObject finalized = candidate.get("api/attempts/" + attempt).expect(200).json();
        assertEquals("DEADLINE", finalized.getJsonObject("outcome").getString("endedBy"));
        assertEquals(1, finalized.getInt("answeredCount"), "graded with what was saved");
    }

    @Test
    void submittingTwiceAtOnceScoresOnce() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        Api candidate = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(candidate, contest);
        new Papers(banks).answer(candidate, paper, 7);
        String submit = "api/attempts/" + paper.getJsonNumber("attemptId") + "/submit";
        List<CompletableFuture<Api.Reply>> tabs = List.of(
                CompletableFuture.supplyAsync(() -> candidate.post(submit, "{}")),
                CompletableFuture.supplyAsync(() -> candidate.post(submit, "{}")));
        List<JsonObject> outcomes = tabs.stream().map(CompletableFuture::join)
                .map(r -> r.expect(200).json().getJsonObject("outcome")).toList();
        assertEquals(outcomes.get(0), outcomes.get(1));
        assertEquals(7, outcomes.get(0).getInt("correctCount"));
        JsonObject result = candidate.get("api/contests/" + contest + "/result").expect(200).json();
        assertEquals(1, result.getJsonArray("attempts").size());
        assertEquals("SUBMITTED", candidate.post(submit, "{}").expect(200).json().getString("state"));
    }

    private static JsonObject save(int option, int seq) {
        return Json.createObjectBuilder().add("option", option).add("seq", seq).build();
    }

    private static List<String> stems(JsonObject paper) {
        return paper.getJsonArray("questions").getValuesAs(JsonObject.class).stream().map(q -> q.getString("stem")).toList();
    }
}
