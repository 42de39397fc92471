package org.examcert.platform.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.examcert.testing.Organizer;
import org.examcert.testing.Papers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The external security probe's inputs (findings 2 and 5) against the endpoints it named: every one
 * is refused with a 4xx problem+json body that a person can act on, nothing changes, and no body,
 * however large or odd, is read whole or answered with a 5xx.
 */
@ExamcertIT
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private static final String DEEP_ARRAY = "[".repeat(5000) + "]".repeat(5000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

    /** The odd bodies the probe sent to every console JSON endpoint. */
    private static final List<String> ODD_BODIES = List.of("", "[]", "\"str\"", "null", "42", "{", "{\"a\":1}x",
            DEEP_ARRAY, DEEP_OBJECT, "{\"closesAt\":\"+1000000000-01-01T00:00:00Z\",\"opensAt\":5,\"rules\":[],"
                    + "\"draw\":\"x\",\"reason\":[],\"kind\":1,\"code\":7,\"title\":5}");

    /** And what it sent to each one in particular. */
    private static final List<String> EDIT = List.of("{\"rules\":[]}", "{\"rules\":\"x\"}", "{\"title\":5}",
            "{\"description\":[]}", "{\"closesAt\":\"+1000000000-01-01T00:00:00Z\"}", "{\"opensAt\":\"1999-12-31T23:59:59Z\"}",
            "{\"rules\":{\"maxAttempts\":1.5}}", "{\"rules\":{\"questionsPerAttempt\":\"5\"}}", "{\"rules\":{\"bands\":[]}}");
    private static final List<String> BOARD = List.of("{\"draw\":\"x\"}", "{\"draw\":[1]}", "{\"draw\":{}}",
            "{\"draw\":[{\"bank\":\"sinh-vien\",\"count\":1.5}]}", "{\"draw\":[{\"bank\":\"sinh-vien\",\"count\":1e30}]}",
            "{\"name\":5,\"draw\":[{\"bank\":\"sinh-vien\",\"count\":5}]}");
    private static final List<String> WINDOW = List.of("{\"closesAt\":\"+1000000000-01-01T00:00:00Z\"}",
            "{\"closesAt\":\"1999-12-31T23:59:59Z\"}", "{\"closesAt\":5}", "{\"closesAt\":null}",
            "{\"code\":\"dup-x\",\"title\":\"T\",\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"+1000000000-01-01T00:00:00Z\"}",
            "{\"code\":5,\"title\":\"T\",\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2026-02-01T00:00:00Z\"}");
    private static final List<String> CREATE = List.of("{\"rules\":[]}", "{\"kind\":\"CERTIFICATION\",\"rules\":[]}",
            "{\"kind\":\"CERTIFICATION\",\"code\":\"x-1\",\"title\":\"T\",\"opensAt\":\"+1000000000-01-01T00:00:00Z\",\"closesAt\":\"+1000000000-02-01T00:00:00Z\"}",
            "{\"kind\":\"CERTIFICATION\",\"code\":\"x-1\",\"title\":[],\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2026-02-01T00:00:00Z\"}");

    @Test
    void consoleJsonEndpointsRefuseEveryOddBodyAndChangeNothing() {
        Organizer organizer = new Organizer(base);
        Api api = organizer.api();
        long id = organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 5).draft();
        String before = api.get("api/console/contests/" + id).expect(200).body();
        int contests = api.get("api/console/contests").expect(200).array().size();
        Map<String, List<String>> calls = new LinkedHashMap<>();
        calls.put("POST api/console/contests", CREATE);
        calls.put("PUT api/console/contests/" + id, EDIT);
        calls.put("PUT api/console/contests/" + id + "/boards/SINH_VIEN", BOARD);
        calls.put("POST api/console/contests/" + id + "/reopen", WINDOW);
        calls.put("POST api/console/contests/" + id + "/duplicate", WINDOW);
        calls.put("POST api/console/certificates/TV-0000-0000/revoke", List.of("{\"reason\":[]}", "{\"reason\":5}"));
        List<String> failures = new ArrayList<>();
        calls.forEach((call, own) -> {
            String method = call.substring(0, call.indexOf(' '));
            String path = call.substring(call.indexOf(' ') + 1);
            for (String body : concat(ODD_BODIES, own)) {
                Api.Reply reply = method.equals("PUT") ? api.put(path, body) : api.post(path, body);
                String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
                if (reply.status() < 400 || reply.status() >= 500 || !reply.contentType().startsWith("application/problem+json")
                        || reply.problemCode() == null) {
                    failures.add(call + " " + shown + " → " + reply.status() + " " + reply.contentType() + " "
                            + reply.body().substring(0, Math.min(200, reply.body().length())));
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(before, api.get("api/console/contests/" + id).expect(200).body());
        assertEquals(contests, api.get("api/console/contests").expect(200).array().size());
    }

    /**
     * Every PUT and POST the OpenAPI document lists, candidates' and the console's, with every odd
     * body, by a caller allowed to make it on things that exist: none is answered with a 5xx, and
     * every refusal is a problem a person can read.
     */
    @Test
    void noOddBodyOnAnyEndpointReachesA5xx() {
        Started started = started();
        Organizer organizer = new Organizer(base);
        Api staff = organizer.api();
        long draft = organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 5).draft();
        Map<String, String> candidates = Map.of("attemptId", String.valueOf(started.attempt()), "contestId",
                String.valueOf(started.contest()), "position", "1");
        Map<String, String> console = Map.of("contestId", String.valueOf(draft), "id", String.valueOf(draft), "board", "SINH_VIEN");
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (Api.Operation operation : Api.operations(base)) {
            if (!operation.method().equals("PUT") && !operation.method().equals("POST")) {
                continue;
            }
            asked++;
            boolean ofConsole = operation.path().startsWith("/api/console/");
            String path = operation.path().substring(1);
            for (Map.Entry<String, String> parameter : (ofConsole ? console : candidates).entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            path = path.replaceAll("\\{[^}]+}", "1");
            Api caller = ofConsole ? staff : started.candidate();
            for (String body : ODD_BODIES) {
                Api.Reply reply = operation.method().equals("PUT") ? caller.put(path, body) : caller.post(path, body);
                if (reply.status() >= 500 || reply.status() >= 400 && (!reply.contentType().startsWith("application/problem+json")
                        || reply.problemCode() == null)) {
                    String shown = body.length() > 40 ? body.substring(0, 40) + "…" : body;
                    failures.add(operation.method() + " " + path + " " + shown + " → " + reply.status() + " " + reply.contentType() + " "
                            + reply.body().substring(0, Math.min(160, reply.body().length())));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(asked >= 20, "the OpenAPI document lists the writes: " + asked);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() {
        Organizer organizer = new Organizer(base);
        long id = organizer.contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 5).draft();
        Api.Reply rules = organizer.api().put("api/console/contests/" + id, "{\"rules\":[]}").expect(400);
        assertEquals("rules", rules.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply draw = organizer.api().put("api/console/contests/" + id + "/boards/SINH_VIEN", "{\"draw\":\"x\"}").expect(400);
        assertEquals("draw", draw.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply year = organizer.api().put("api/console/contests/" + id,
                "{\"closesAt\":\"+1000000000-01-01T00:00:00Z\"}").expect(400);
        assertEquals("closesAt", year.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply deep = organizer.api().put("api/console/contests/" + id, DEEP_OBJECT).expect(400);
        assertEquals("request.too-deep", deep.problemCode());
        assertEquals("request.body-not-object", organizer.api().put("api/console/contests/" + id, "[]").expect(400).problemCode());
    }

    @Test
    void registrationRefusesBirthDatesOutOfRange() {
        for (String date : List.of(LocalDate.now().plusDays(1).toString(), "2999-01-01", "+1000000000-01-01", "1850-06-01")) {
            JsonObject form = Json.createObjectBuilder(new CandidateBuilder(base).form()).add("birthDate", date).build();
            Api api = new Api(base);
            Api.Reply reply = api.post("api/candidates", form).expect(400);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertEquals("birthDate", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.body());
            // not registered: the e-mail cannot log in
            new Api(base).post("api/session", Json.createObjectBuilder().add("email", form.getString("email"))
                    .add("password", form.getString("password")).build()).expect(401);
        }
    }

    /** A candidate who has started an attempt on a fresh five-question contest. */
    private record Started(Api candidate, long contest, long attempt) {
    }

    private Started started() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 5)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 5).published();
        Api candidate = new CandidateBuilder(base).register();
        return new Started(candidate, contest, Papers.start(candidate, contest).getJsonNumber("attemptId").longValue());
    }

    @Test
    void answersTakeOnlyWholeNumbersAndSeqsJavaScriptCanCount() {
        Started started = started();
        Api candidate = started.candidate();
        long attempt = started.attempt();
        String path = "api/attempts/" + attempt + "/answers/1";
        List<String> refused = List.of("{\"option\":1.5,\"seq\":1}", "{\"option\":\"1\",\"seq\":1}", "{\"option\":1,\"seq\":1e30}",
                "{\"option\":1,\"seq\":1.0}", "{\"option\":1,\"seq\":\"2\"}", "{\"option\":1,\"seq\":9223372036854775807}",
                "{\"option\":1,\"seq\":9007199254740992}", "{\"option\":1,\"seq\":-1}", "{\"option\":true,\"seq\":1}",
                "[]", "null", "\"str\"", DEEP_ARRAY);
        for (String body : refused) {
            Api.Reply reply = candidate.put(path, body);
            assertEquals(400, reply.status(), body + " → " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
        // nothing was saved: the first real save, with the smallest seq, still counts
        JsonObject saved = candidate.put(path, "{\"option\":1,\"seq\":1}").expect(200).json();
        assertTrue(saved.getBoolean("saved"), saved.toString());
        assertTrue(candidate.put(path, "{\"option\":2,\"seq\":9007199254740991}").expect(200).json().getBoolean("saved"));
    }

    @Test
    void aQueueOfAnswersIsRefusedWholeForAnyOddElement() {
        Started started = started();
        Api candidate = started.candidate();
        long attempt = started.attempt();
        String path = "api/attempts/" + attempt + "/answers";
        String good = "{\"position\":2,\"option\":1,\"seq\":1}";
        List<String> refused = new ArrayList<>(List.of("[]", "null", "\"str\"", "42", "{", DEEP_ARRAY, DEEP_OBJECT,
                "{\"answers\":\"x\"}", "{\"answers\":null}", "{\"answers\":{\"position\":1}}", "{\"answers\":[" + DEEP_ARRAY + "]}"));
        for (String odd : List.of("1", "null", "[]", "\"x\"", "{\"position\":\"1\",\"option\":1,\"seq\":2}",
                "{\"position\":1.5,\"option\":1,\"seq\":2}", "{\"position\":1e30,\"option\":1,\"seq\":2}",
                "{\"position\":1,\"option\":1.5,\"seq\":2}", "{\"position\":1,\"option\":1,\"seq\":9007199254740992}",
                "{\"position\":1,\"option\":[],\"seq\":2}", "{\"position\":1,\"option\":1,\"seq\":0}")) {
            refused.add("{\"answers\":[" + good + "," + odd + "]}");
        }
        for (String body : refused) {
            Api.Reply reply = candidate.put(path, body);
            assertTrue(reply.status() >= 400 && reply.status() < 500, body + " → " + reply.status() + " " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), body + " → " + reply.contentType());
        }
        // nothing was saved, not even the good answer before each odd one
        JsonObject paper = candidate.get("api/attempts/" + attempt).expect(200).json();
        assertTrue(paper.getJsonArray("questions").getValuesAs(JsonObject.class).stream().noneMatch(q -> q.containsKey("chosen")
                && !q.isNull("chosen")), paper.toString());
        JsonObject saved = candidate.put(path, "{\"answers\":[" + good + "]}").expect(200).json();
        assertTrue(saved.getJsonArray("answers").getJsonObject(0).getBoolean("saved"), saved.toString());
    }

    @Test
    void theServletThatSavesAnswersRefusesWhatTheRestOfTheApiRefuses() {
        Started started = started();
        Api candidate = started.candidate();
        long attempt = started.attempt();
        String path = "api/attempts/" + attempt + "/answers/1";
        String tooLarge = "{\"option\":1,\"seq\":1,\"note\":\"" + "a".repeat(20 * 1024) + "\"}";
        Api.Reply large = candidate.put(path, tooLarge).expect(413);
        assertTrue(large.contentType().startsWith("application/problem+json"), large.contentType());
        assertEquals("attempt.seq-invalid", candidate.put(path, "").expect(400).problemCode());
        String device = "device-" + java.util.UUID.randomUUID();
        Api.Reply resumed = candidate.header("X-Device-Id", device).post("api/contests/" + started.contest() + "/attempts", "{}").expect(200);
        assertTrue(resumed.json().getBoolean("tookOver"), "this test's device holds the attempt: " + resumed.body());
        assertEquals("attempt.device-invalid", candidate.header("X-Device-Id", "<script>").put(path, "{\"option\":1,\"seq\":1}")
                .expect(400).problemCode());
        candidate.header("X-Device-Id", device);
        assertEquals("auth.csrf-header-missing", candidate.header("X-Examcert-Csrf", null)
                .put(path, "{\"option\":1,\"seq\":1}").expect(403).problemCode());
        candidate.header("X-Examcert-Csrf", "1");
        assertEquals("auth.required", new Api(base).put(path, "{\"option\":1,\"seq\":1}").expect(401).problemCode());
        Api.Reply english = new Api(base).header("Accept-Language", "en").put(path, "{\"option\":1,\"seq\":1}").expect(401);
        assertTrue(english.json().getString("title").matches("[\\x20-\\x7E]+"), "in English: " + english.body());
        // nothing above was saved: the first real save, with the smallest seq, still counts
        JsonObject saved = candidate.put(path, "{\"option\":3,\"seq\":1}").expect(200).json();
        assertEquals(3, saved.getInt("option"));
        assertTrue(saved.getBoolean("saved"), saved.toString());
        JsonObject cleared = candidate.put(path, "{\"option\":null,\"seq\":2}").expect(200).json();
        assertTrue(!cleared.containsKey("option") && cleared.getBoolean("saved"), cleared.toString());
    }

    /**
     * The save addresses are the save filter's alone, whatever the method: JAX-RS never gets them
     * (CDI's request context, which it needs, is not started there), so the filter answers as JAX-RS did.
     */
    @Test
    void otherMethodsOnTheSaveAddressesAre405() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("api/attempts/7/answers/1", "api/attempts/7/answers")) {
            for (String method : List.of("GET", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, response.statusCode(), method + " " + path + " " + response.body());
                assertEquals("PUT", response.headers().firstValue("Allow").orElse(null), method + " " + path);
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                if (!method.equals("HEAD")) {
                    assertTrue(response.body().contains("http.method-not-allowed"), response.body());
                }
            }
        }
    }

    @Test
    void badNumericParametersAre400NamingTheParameter() {
        Organizer organizer = new Organizer(base);
        Api candidate = new CandidateBuilder(base).register();
        for (String path : List.of("api/attempts/abc", "api/attempts/1.5", "api/attempts/99999999999999999999", "api/contests/1e3")) {
            Api.Reply reply = candidate.get(path).expect(400);
            assertEquals("request.param-invalid", reply.problemCode(), path);
            assertTrue(reply.json().getString("title").contains("\""), reply.body());
        }
        Api.Reply limit = organizer.api().get("api/console/contests/1/rankings?limit=many").expect(400);
        assertTrue(limit.json().getString("title").contains("limit"), limit.body());
        Api.Reply answer = candidate.put("api/attempts/1/answers/x", "{\"option\":1,\"seq\":1}").expect(400);
        assertTrue(answer.json().getString("title").contains("position"), answer.body());
    }

    /**
     * Refused by Payara's connector (CoyoteAdapter.postParseRequest) before any application code or
     * web.xml error page runs, so the body is the container's (empty); the status at least is right.
     */
    @Test
    void undecodablePathsAre400() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("api/contests/%00", "api/contests/a%00b", "%00", "api/attempts/1%00/answers/1")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), path + " " + response.body());
        }
    }

    @Test
    void largeJsonBodiesAreRefusedWhileReading() throws Exception {
        String big = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        Api.Reply session = new Api(base).post("api/session", big);
        assertEquals(413, session.status(), session.body());
        assertEquals("request.too-large", session.problemCode());
        assertTrue(session.json().getString("title").contains("16"), session.body());

        // the same without a Content-Length (chunked): counted while read
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(base + "api/session"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());

        // the console takes more (1 MiB), but not 2 MiB
        Organizer organizer = new Organizer(base);
        Api.Reply console = organizer.api().post("api/console/contests", "{\"description\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
        assertEquals(413, console.status(), console.body());
        assertEquals("request.too-large", console.problemCode());
    }

    @Test
    void tenMegabyteUploadsOfAnyContentAreAnsweredQuicklyWithABoundedBody() {
        Api api = new Organizer(base).api();
        byte[] random = new byte[10_000_000];
        new Random(7).nextBytes(random);
        byte[] xLines = "x\n".repeat(3_500_000).getBytes(StandardCharsets.UTF_8);
        byte[] aikenOptions = "A. x\n".repeat(2_000_000).getBytes(StandardCharsets.UTF_8);
        byte[] giftQuestions = "x\n\n".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
        String bank = "api/console/banks/import?bank=thu-tan-cong&title=T&dryRun=true&format=";
        record Upload(String path, byte[] file) {
        }
        List<Upload> uploads = List.of(new Upload(bank + "gift", xLines), new Upload(bank + "aiken", xLines),
                new Upload(bank + "bank", xLines), new Upload(bank + "gift", giftQuestions),
                new Upload(bank + "aiken", aikenOptions), new Upload(bank + "xlsx", random), new Upload(bank + "gift", random),
                new Upload("api/console/units/import?dryRun=true", random));
        for (Upload upload : uploads) {
            long started = System.nanoTime();
            Api.Reply reply = api.upload(upload.path(), upload.file());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(reply.status() >= 400 && reply.status() < 500, upload.path() + " → " + reply.status() + " " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(reply.body().length() < 64 * 1024, upload.path() + ": " + reply.body().length() + " characters");
            System.out.printf("upload %s (%d bytes): %d in %d ms, %d characters%n", upload.path(), upload.file().length,
                    reply.status(), millis, reply.body().length());
            assertTrue(millis < 30_000, upload.path() + " took " + millis + " ms");
            JsonObject problem = reply.json();
            if (problem.containsKey("errors")) {
                int listed = problem.getJsonArray("errors").size();
                assertTrue(listed <= 100, upload.path() + ": " + listed + " errors listed");
                assertTrue(problem.getInt("errorsTotal") >= listed);
            }
        }
        JsonObject gift = api.upload(bank + "gift", xLines).expect(422).json();
        assertEquals(1, gift.getInt("errorsTotal"), gift.toString());
        JsonObject many = api.upload(bank + "gift", giftQuestions).expect(422).json();
        assertEquals(100, many.getJsonArray("errors").size());
        assertEquals(3_000_000, many.getInt("errorsTotal"));
        assertTrue(many.getBoolean("errorsTruncated"));
        assertEquals("line 1", many.getJsonArray("errors").getJsonObject(0).getString("field"));

        byte[] tooLarge = new byte[11 * 1024 * 1024];
        Api.Reply refused = api.upload(bank + "gift", tooLarge);
        assertEquals(413, refused.status(), refused.body());
        assertEquals("upload.too-large", refused.problemCode());
    }
}
