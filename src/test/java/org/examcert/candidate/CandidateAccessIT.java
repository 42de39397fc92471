package org.examcert.candidate;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may use the candidates' API. Every operation outside the console is read from the OpenAPI
 * document: all but the public ones need a candidate's session (strangers get 401, staff 403), and
 * those naming a person's attempt or certificate refuse every other candidate. An endpoint added
 * later is checked without anyone listing it here; one with a new kind of path parameter fails
 * until someone says whose thing it names.
 */
@ExamcertIT
class CandidateAccessIT {

    /** Operations for anyone: the catalogue, registration and log-in, verification, the service's info. */
    private static final Set<String> OPEN = Set.of("GET /api/contests", "GET /api/contests/{id}", "GET /api/units",
            "GET /api/verify/{serial}", "GET /api/info", "POST /api/candidates", "POST /api/session", "DELETE /api/session");

    /** Path parameters that name one candidate's own thing, and those that name something public. */
    private static final Set<String> OWNED = Set.of("attemptId", "serial");
    private static final Set<String> PUBLIC = Set.of("contestId", "id", "position");

    /** Well-formed bodies for the calls that take one (others get an empty object). */
    private static final Map<String, String> BODIES = Map.of(
            "PUT /api/attempts/{attemptId}/answers/{position}", "{\"option\":1,\"seq\":1000}",
            "PUT /api/attempts/{attemptId}/answers", "{\"answers\":[{\"position\":1,\"option\":1,\"seq\":1001}]}");

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    private final Papers papers = new Papers(new Banks());

    record Endpoint(String method, String path) {
        /** The path with these values for its parameters. */
        String with(Map<String, String> values) {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "999999")));
            }
            return m.appendTail(out).substring(1);
        }

        Set<String> parameters() {
            Set<String> names = new java.util.HashSet<>();
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Endpoint> candidateEndpoints() {
        return Api.operations(base).stream()
                .filter(o -> o.path().startsWith("/api/") && !o.path().startsWith("/api/console/"))
                .map(o -> new Endpoint(o.method(), o.path()))
                .filter(e -> Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(e.method()) && !OPEN.contains(e.toString()))
                .toList();
    }

    @Test
    void everyCandidateEndpointRefusesStrangersStaffAndOtherCandidates() {
        List<Endpoint> endpoints = candidateEndpoints();
        assertTrue(endpoints.size() >= 8, "the OpenAPI document lists the candidates' API: " + endpoints);

        // the owner: an attempt taken to a certificate
        long contest = new Organizer(base).contest().board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 30).published();
        Api owner = new CandidateBuilder(base).register();
        JsonObject paper = Papers.start(owner, contest);
        papers.answer(owner, paper, 22);
        Papers.submit(owner, paper);
        String attempt = String.valueOf(paper.getJsonNumber("attemptId").longValue());
        String serial = owner.get("api/certificates").expect(200).array().getJsonObject(0).getString("serial");
        Map<String, String> owners = Map.of("attemptId", attempt, "serial", serial, "contestId", String.valueOf(contest),
                "position", "1");

        Api stranger = new Api(base);
        Api staff = new Organizer(base).api();
        Api other = new CandidateBuilder(base).register();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Set<String> unknown = new java.util.HashSet<>(endpoint.parameters());
            unknown.removeAll(OWNED);
            unknown.removeAll(PUBLIC);
            if (!unknown.isEmpty()) {
                wrong.add(endpoint + ": say whose thing " + unknown + " names (OWNED or PUBLIC in this test)");
                continue;
            }
            String path = endpoint.with(owners);
            expect(wrong, endpoint, "stranger", stranger.call(endpoint.method(), path), Set.of(401), "auth.required");
            expect(wrong, endpoint, "staff", staff.call(endpoint.method(), path), Set.of(403), "auth.candidates-only");
            if (endpoint.parameters().stream().anyMatch(OWNED::contains)) {
                // a well-formed request, so that only whose thing it is can refuse it
                String body = BODIES.getOrDefault(endpoint.toString(), "{}");
                Api.Reply reply = switch (endpoint.method()) {
                    case "PUT" -> other.put(path, body);
                    case "POST" -> other.post(path, body);
                    default -> other.call(endpoint.method(), path);
                };
                if (reply.status() != 403 && reply.status() != 404) {
                    wrong.add(endpoint + " as another candidate: expected 403 or 404, got " + reply.status() + " " + reply.body());
                }
            }
        }
        assertEquals(List.of(), wrong);

        // what has no owner in its path answers with the caller's own things only
        assertFalse(other.get("api/certificates").expect(200).body().contains(serial));
        assertFalse(other.get("api/contests/" + contest + "/result").expect(200).body().contains("\"id\":" + attempt));
        assertEquals(200, owner.get("api/attempts/" + attempt).status(), "the owner still reads it");
        owner.bytes("api/certificates/" + serial + "/pdf", 200);
    }

    private static void expect(List<String> wrong, Endpoint endpoint, String who, Api.Reply reply, Set<Integer> statuses, String code) {
        if (!statuses.contains(reply.status()) || !reply.body().contains("\"" + code + "\"")) {
            wrong.add(endpoint + " as " + who + ": expected " + statuses + " " + code + ", got " + reply.status() + " " + reply.body());
        }
    }
}
