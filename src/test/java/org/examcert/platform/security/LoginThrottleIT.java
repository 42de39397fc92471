package org.examcert.platform.security;

import jakarta.json.Json;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log-in guessing is throttled per account with the default settings (5 free failures, then a wait of
 * 5 s that doubles): the test waits out the first wait, which is short by design.
 */
@ExamcertIT
class LoginThrottleIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void twentyWrongPasswordsAreThrottledAndTheRightOneWaitsTooThenGetsIn() throws InterruptedException {
        JsonObject form = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(form);
        String email = form.getString("email");
        Api guesser = new Api(base);

        List<Integer> statuses = new ArrayList<>();
        Api.Reply last = null;
        for (int i = 0; i < 20; i++) {
            last = guesser.post("api/session", credentials(email, "sai-mat-khau-" + i));
            statuses.add(last.status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5), "five free failures: " + statuses);
        assertTrue(statuses.subList(5, 20).stream().allMatch(s -> s == 429), "then throttled: " + statuses);
        assertEquals("auth.throttled", last.problemCode());
        assertTrue(last.contentType().startsWith("application/problem+json"), last.contentType());
        long retryAfter = Long.parseLong(last.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
        assertTrue(retryAfter >= 1 && retryAfter <= 5, "the first wait is a few seconds: " + retryAfter);
        assertTrue(last.json().getString("title").startsWith("Bạn đã nhập sai quá nhiều lần, vui lòng thử lại sau "), last.body());

        // the right password is refused too while the account waits, unchecked
        Api.Reply right = new Api(base).post("api/session", credentials(email, "mat-khau-123")).expect(429);
        assertTrue(Long.parseLong(right.header("Retry-After").orElseThrow()) <= retryAfter);

        Thread.sleep(retryAfter * 1000 + 300);
        Api candidate = new Api(base);
        assertEquals(email, candidate.post("api/session", credentials(email, "mat-khau-123")).expect(200)
                .json().getJsonObject("candidate").getString("email"));
        candidate.get("api/me").expect(200);
        // a success starts the account afresh: the next mistake is a plain 401, not a longer wait
        assertEquals("auth.bad-credentials", guesser.post("api/session", credentials(email, "sai-nua")).expect(401).problemCode());
    }

    @Test
    void oneThrottledAccountDoesNotKeepAnotherOut() {
        JsonObject victim = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(victim);
        JsonObject other = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(other);
        for (int i = 0; i < 6; i++) {
            new Api(base).post("api/session", credentials(victim.getString("email"), "sai-" + i));
        }
        new Api(base).post("api/session", credentials(victim.getString("email"), "mat-khau-123")).expect(429);

        new Api(base).post("api/session", credentials(other.getString("email"), "mat-khau-123")).expect(200);
        assertEquals("auth.bad-credentials", new Api(base).post("api/session",
                credentials(other.getString("email"), "sai")).expect(401).problemCode());
        // candidates and staff are separate doors; the administrator still logs in from the same address
        new Organizer(base);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String unknown = "khong-co-" + UUID.randomUUID().toString().substring(0, 8) + "@examcert.test";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(new Api(base).post("api/session", credentials(unknown, "sai-" + i)).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429), statuses);
    }

    @Test
    void staffLogInIsThrottledPerAccountToo() {
        String email = "bto-" + UUID.randomUUID().toString().substring(0, 8) + "@examcert.test";
        new Organizer(base).api().post("api/console/staff", Json.createObjectBuilder().add("email", email)
                .add("fullName", "Cán bộ Thử").add("role", "ORGANIZER").add("password", "mat-khau-can-bo").build()).expect(201);
        for (int i = 0; i < 5; i++) {
            new Api(base).post("api/console/session", credentials(email, "sai-" + i)).expect(401);
        }
        Api.Reply throttled = new Api(base).header("Accept-Language", "en")
                .post("api/console/session", credentials(email, "mat-khau-can-bo")).expect(429);
        assertTrue(throttled.json().getString("title").startsWith("Too many failed log-ins. Please try again in "), throttled.body());
        assertTrue(throttled.header("Retry-After").isPresent());
        // the same e-mail at the candidates' door is another account
        assertEquals("auth.bad-credentials", new Api(base).post("api/session", credentials(email, "sai")).expect(401).problemCode());
    }

    private static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }
}
