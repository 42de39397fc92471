package org.examcert.platform.http;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The headers that protect the apps and the API, the container's metrics kept for staff, and no
 * version of anything where strangers can read it (the findings of the external probe).
 */
@ExamcertIT
class SecurityHeadersIT {

    /** A product version as scanners read it: 6.2025.10, 10.11.5, 17.0.12, "Payara", "Java". */
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+|payara|glassfish|grizzly|java|jdk|mariadb \\d|\\bversion\\b",
            Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void bothAppsAndTheApiSendAStrictPolicyAndNoVersion() {
        Api stranger = new Api(base);
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("", "console/", "app/main.js", "console/console.css", "api/contests", "api/no-such-thing",
                "no-such-page.html", "health", "api/info")) {
            Api.Reply reply = stranger.get(path);
            String csp = reply.header("Content-Security-Policy").orElse(null);
            if (csp == null || !csp.contains("default-src 'self'") || !csp.contains("script-src 'self'")
                    || !csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'") || csp.contains("unsafe-")) {
                wrong.add(path + ": Content-Security-Policy " + csp);
            }
            expectHeader(wrong, path, reply, "X-Content-Type-Options", "nosniff");
            expectHeader(wrong, path, reply, "Referrer-Policy", "no-referrer");
            expectHeader(wrong, path, reply, "X-Frame-Options", "DENY");
            // the secure-cookie setting is off in tests (plain HTTP): no HSTS, which would lock browsers out of http://
            expectHeader(wrong, path, reply, "Strict-Transport-Security", null);
            expectHeader(wrong, path, reply, "X-Powered-By", null);
            String server = reply.header("Server").orElse(null);
            if (server != null && VERSION.matcher(server).find()) {
                wrong.add(path + ": Server " + server);
            }
            if (List.of("api/no-such-thing", "no-such-page.html", "health", "api/info").contains(path)) {
                if (VERSION.matcher(reply.body()).find()) {
                    wrong.add(path + ": a version in the body " + reply.body());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noVersionInHealthInfoOrErrorPages() {
        Api stranger = new Api(base);
        for (String path : List.of("health", "health/ready", "health/live", "api/info", "api/contests/not-a-number",
                "app/no-such.js", "WEB-INF/web.xml")) {
            Api.Reply reply = stranger.get(path);
            assertFalse(VERSION.matcher(reply.body()).find(), path + " tells a version: " + reply.body());
        }
        var info = stranger.get("api/info").expect(200).json();
        assertFalse(info.containsKey("version") || info.containsKey("java"), info.toString());
        Api.Reply refused = stranger.call("PATCH", "index.html");
        assertFalse(VERSION.matcher(refused.body()).find(), "a refused method tells a version: " + refused.body());
    }

    @Test
    void responsesCarryingATokenOrPersonalDataAreNotStored() {
        Api candidate = new Api(base);
        var form = new CandidateBuilder(base).form();
        List<String> wrong = new ArrayList<>();
        Map<String, Api.Reply> replies = new java.util.LinkedHashMap<>();
        replies.put("POST api/candidates", candidate.post("api/candidates", form).expect(201));
        replies.put("POST api/session", candidate.post("api/session", Json.createObjectBuilder()
                .add("email", form.getString("email")).add("password", form.getString("password")).build()).expect(200));
        replies.put("GET api/me", candidate.get("api/me").expect(200));
        replies.put("GET api/certificates", candidate.get("api/certificates").expect(200));
        Api staff = new Api(base);
        replies.put("POST api/console/session", staff.post("api/console/session", Json.createObjectBuilder()
                .add("email", Organizer.EMAIL).add("password", Organizer.PASSWORD).build()).expect(200));
        replies.put("GET api/console/session", staff.get("api/console/session").expect(200));
        replies.forEach((call, reply) -> expectHeader(wrong, call, reply, "Cache-Control", "no-store"));
        assertEquals(List.of(), wrong);
    }

    @Test
    void metricsAreForStaffOnly() {
        Api.Reply anonymous = new Api(base).get("metrics");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("auth.required", anonymous.problemCode());
        assertEquals(401, new Api(base).get("metrics/base").status());
        assertEquals(401, new Api(base).header("Authorization", "Bearer forged.token").get("metrics").status());
        for (String disguised : List.of("%6Detrics", "metrics;v=1", "app/../metrics", "metrics/")) {
            Api.Reply reply = new Api(base).get(disguised);
            assertFalse(reply.status() == 200, disguised + " is served to a stranger: " + reply.body());
        }

        Api.Reply candidate = new CandidateBuilder(base).register().get("metrics");
        assertEquals(403, candidate.status(), candidate.body());
        assertEquals("auth.forbidden", candidate.problemCode());

        Api.Reply staff = new Organizer(base).api().header("Accept", "text/plain").get("metrics");
        assertEquals(200, staff.status(), staff.body());
        assertFalse(staff.body().isBlank());
    }

    private static void expectHeader(List<String> wrong, String where, Api.Reply reply, String name, String expected) {
        String actual = reply.header(name).orElse(null);
        if (expected == null ? actual != null : !expected.equalsIgnoreCase(actual)) {
            wrong.add(where + ": " + name + " expected " + expected + ", got " + actual);
        }
    }
}
