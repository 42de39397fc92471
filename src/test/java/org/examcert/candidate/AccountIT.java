package org.examcert.candidate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.examcert.testing.Api;
import org.examcert.testing.CandidateBuilder;
import org.examcert.testing.Deployments;
import org.examcert.testing.ExamcertIT;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and sessions through HTTP → JAX-RS → JPA → MariaDB and back. */
@ExamcertIT
class AccountIT {

    /** Every Vietnamese tone mark on every vowel that takes one, and đ. */
    static final String EVERY_DIACRITIC = "Đặng Thị Ấu Ầu Ẩu Ẫu Ậu Ắc Ằc Ẳc Ẵc Ặc Ếch Ềch Ểch Ễch Ệch Ốc Ồc Ổc Ỗc Ộc Ớc Ờc Ởc Ỡc Ợc Ứng Ừng Ửng Ững Ựng Ýến Ỳến Ỷến Ỹến Ỵến";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void oneEmailRegisteredFromSeveralTabsAtOnceMakesOneAccountAndNo5xx() {
        JsonObject form = new CandidateBuilder(base).form();
        List<CompletableFuture<Api.Reply>> pressed = new ArrayList<>();
        for (int tab = 0; tab < 6; tab++) {
            pressed.add(CompletableFuture.supplyAsync(() -> new Api(base).post("api/candidates", form)));
        }
        List<Integer> statuses = pressed.stream().map(CompletableFuture::join)
                .map(reply -> reply.status() == 409 && !"candidate.email-taken".equals(reply.problemCode()) ? -409 : reply.status())
                .sorted().toList();
        // the door may turn a tab away (503); the others: one account, the rest told the e-mail is taken
        assertEquals(1, statuses.stream().filter(s -> s / 100 == 2).count(), "one account: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s / 100 == 2 || s == 409 || s == 503), "statuses: " + statuses);
        new Api(base).post("api/session", Json.createObjectBuilder().add("email", form.getString("email"))
                .add("password", form.getString("password")).build()).expect(200);
    }

    @Test
    void aVietnameseNameRoundTripsUnchangedThroughMariaDb() {
        Api candidate = new Api(base);
        JsonObject form = new CandidateBuilder(base).named(EVERY_DIACRITIC).form();
        candidate.post("api/candidates", form).expect(201);
        JsonObject me = candidate.get("api/me").expect(200).json();
        assertEquals(EVERY_DIACRITIC, me.getString("fullName"));
        assertEquals("Đoàn trường Đại học Trà Vinh", me.getString("unit"));

        Api again = new Api(base);
        again.post("api/session", Json.createObjectBuilder().add("email", form.getString("email"))
                .add("password", "mat-khau-123").build()).expect(200);
        assertEquals(EVERY_DIACRITIC, again.get("api/me").expect(200).json().getString("fullName"));
    }

    @Test
    void aNameTypedDecomposedIsStoredComposed() {
        String composed = "Nguyễn Thị Hồng Nhung";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertNotEquals(composed, decomposed);
        Api candidate = new Api(base);
        candidate.post("api/candidates", new CandidateBuilder(base).named(decomposed).form()).expect(201);
        assertEquals(composed, candidate.get("api/me").expect(200).json().getString("fullName"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceInVietnameseAndNothingIsSaved() {
        JsonObject bad = Json.createObjectBuilder().add("fullName", "A").add("birthDate", "2015-01-01")
                .add("email", "not-an-email").add("phone", "12345").add("unit", " ").add("board", "KHAC")
                .add("password", "short").build();
        var reply = new Api(base).post("api/candidates", bad).expect(400);
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertEquals("request.invalid-fields", reply.problemCode());
        Set<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("fullName", "birthDate", "email", "phone", "unit", "board", "password"), fields);
        String birthMessage = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("field").equals("birthDate")).findFirst().orElseThrow().getString("message");
        assertEquals("Thí sinh phải từ 16 đến 40 tuổi; bạn chưa đủ 16 tuổi.", birthMessage);
    }

    @Test
    void theAgeRuleHoldsAtBothEnds() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        new Api(base).post("api/candidates", new CandidateBuilder(base).born(today.minusYears(16)).form()).expect(201);
        new Api(base).post("api/candidates", new CandidateBuilder(base).born(today.minusYears(41).plusDays(1)).form()).expect(201);
        var tooOld = new Api(base).header("Accept-Language", "en").post("api/candidates",
                new CandidateBuilder(base).born(today.minusYears(41)).form()).expect(400);
        assertTrue(tooOld.body().contains("you are over 40"), tooOld.body());
        new Api(base).post("api/candidates", new CandidateBuilder(base).born(today.minusYears(16).plusDays(1)).form()).expect(400);
    }

    @Test
    void aCookieSessionCannotChangeAnythingWithoutTheAppsHeader() {
        Api candidate = new CandidateBuilder(base).register();
        // what a cross-site form would send: the cookie, but not the app's header
        var refused = candidate.header("X-Examcert-Csrf", null).delete("api/session").expect(403);
        assertEquals("auth.csrf-header-missing", refused.problemCode());
        candidate.get("api/me").expect(200);
    }

    @Test
    void anEmailRegistersOnce() {
        JsonObject form = new CandidateBuilder(base).form();
        new Api(base).post("api/candidates", form).expect(201);
        assertEquals("candidate.email-taken", new Api(base).post("api/candidates", form).expect(409).problemCode());
    }

    @Test
    void wrongPasswordsAndLoggedOutSessionsAreRefused() {
        JsonObject form = new CandidateBuilder(base).form();
        Api candidate = new Api(base);
        candidate.post("api/candidates", form).expect(201);
        assertEquals("auth.bad-credentials", new Api(base).post("api/session", Json.createObjectBuilder()
                .add("email", form.getString("email")).add("password", "sai-mat-khau").build()).expect(401).problemCode());
        candidate.delete("api/session").expect(204);
        assertEquals("auth.required", candidate.get("api/me").expect(401).problemCode());
        assertEquals("auth.required", new Api(base).header("Authorization", "Bearer forged.token").get("api/me").expect(401).problemCode());
    }
}
