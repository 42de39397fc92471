package org.examcert.console;

import jakarta.json.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organizer's contest operations, and who may use them. */
@ExamcertIT
class ContestConsoleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void candidatesAndStrangersCannotReachTheConsole() {
        long contest = new Organizer(base).contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).draft();
        Api candidate = new CandidateBuilder(base).register();
        assertEquals("auth.forbidden", candidate.get("api/console/contests").expect(403).problemCode());
        assertEquals("auth.forbidden", candidate.post("api/console/contests/" + contest + "/publish", "{}").expect(403).problemCode());
        assertEquals("auth.required", new Api(base).get("api/console/contests").expect(401).problemCode());
        assertEquals("auth.required", new Api(base).post("api/console/contests/" + contest + "/close", "{}").expect(401).problemCode());
        assertEquals("DRAFT", new Organizer(base).api().get("api/console/contests/" + contest).expect(200).json().getString("state"));
    }

    @Test
    void aDraftIsInvisibleToCandidatesUntilPublishedThenFrozen() {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 10).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).draft();
        assertEquals("contest.not-found", new Api(base).get("api/contests/" + contest).expect(404).problemCode());
        organizer.api().put("api/console/contests/" + contest, Json.createObjectBuilder()
                .add("rules", Json.createObjectBuilder().add("timeLimitSeconds", 600)).build()).expect(200);
        var published = organizer.api().post("api/console/contests/" + contest + "/publish", "{}").expect(200).json();
        assertEquals(1, published.getInt("version"));
        var listed = new Api(base).get("api/contests/" + contest).expect(200).json();
        assertEquals(600, listed.getJsonObject("rules").getInt("timeLimitSeconds"));
        assertTrue(listed.getBoolean("open"));
        assertEquals("contest.frozen", organizer.api().put("api/console/contests/" + contest, Json.createObjectBuilder()
                .add("title", "Đổi tên").build()).expect(409).problemCode());
    }

    @Test
    void publishingRefusesABoardThatCannotDrawAFullPaper() {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 100)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 100).draft();
        var refused = organizer.api().post("api/console/contests/" + contest + "/publish", "{}").expect(422);
        assertEquals("contest.pool-too-small", refused.problemCode());
        assertTrue(refused.json().getString("title").contains("Bảng sinh viên"), refused.body());
        assertEquals("DRAFT", organizer.api().get("api/console/contests/" + contest).expect(200).json().getString("state"));
    }

    @Test
    void oneCodeCreatedByOrganizersAtOnceMakesOneContest() {
        Organizer organizer = new Organizer(base);
        String body = Json.createObjectBuilder().add("code", "it-race-" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .add("title", "Cuộc thi tạo cùng lúc").add("kind", "CERTIFICATION").add("opensAt", Instant.now().toString())
                .add("closesAt", Instant.now().plusSeconds(3600).toString()).build().toString();
        List<CompletableFuture<Api.Reply>> pressed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pressed.add(CompletableFuture.supplyAsync(() -> organizer.api().post("api/console/contests", body)));
        }
        List<String> outcomes = pressed.stream().map(CompletableFuture::join)
                .map(r -> r.status() == 201 ? "created" : r.status() + " " + r.problemCode()).sorted().toList();
        List<String> expected = new ArrayList<>(java.util.Collections.nCopies(7, "409 contest.code-taken"));
        expected.add("created");
        assertEquals(expected, outcomes);
    }

    @Test
    void invalidRulesAreRefusedWithAnActionableMessage() {
        Organizer organizer = new Organizer(base);
        var refused = organizer.api().header("Accept-Language", "en").post("api/console/contests", Json.createObjectBuilder()
                .add("code", "it-bad-rules").add("title", "Thể lệ sai").add("kind", "CERTIFICATION")
                .add("opensAt", Instant.now().toString()).add("closesAt", Instant.now().plusSeconds(3600).toString())
                .add("rules", Json.createObjectBuilder().add("questionsPerAttempt", 0)).build()).expect(400);
        assertEquals("contest.questions-invalid", refused.problemCode());
        assertEquals("Questions per attempt must be 1 to 200.", refused.json().getString("title"));
    }

    @Test
    void closingEndsStartsAndReopeningExtendsTheWindow() {
        Organizer organizer = new Organizer(base);
        long contest = organizer.contest().rule("questionsPerAttempt", 10).board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        organizer.api().post("api/console/contests/" + contest + "/close", "{}").expect(200);
        Api candidate = new CandidateBuilder(base).register();
        assertEquals("attempt.contest-closed", candidate.post("api/contests/" + contest + "/attempts", "{}").expect(409).problemCode());
        organizer.api().post("api/console/contests/" + contest + "/reopen", Json.createObjectBuilder()
                .add("closesAt", Instant.now().plusSeconds(86_400).toString()).build()).expect(200);
        candidate.post("api/contests/" + contest + "/attempts", "{}").expect(201);
    }
}
