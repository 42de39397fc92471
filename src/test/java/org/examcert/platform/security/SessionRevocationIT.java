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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A session ends when it is ended: log-out, a password reset, disabling or re-roling — not at its expiry. */
@ExamcertIT
class SessionRevocationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    @Test
    void aLoggedOutTokenNoLongerOpensAnythingOnAnyDevice() {
        long contest = new Organizer(base).contest().rule("questionsPerAttempt", 10)
                .board("SINH_VIEN", "Bảng sinh viên", "sinh-vien", 10).published();
        JsonObject form = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(form);
        Api laptop = bearer(logIn("api/session", form.getString("email"), "mat-khau-123"));
        Api phone = bearer(logIn("api/session", form.getString("email"), "mat-khau-123"));
        laptop.get("api/me").expect(200);
        phone.get("api/me").expect(200);

        laptop.delete("api/session").expect(204);

        assertEquals("auth.session-outdated", laptop.get("api/me").expect(401).problemCode());
        assertEquals("auth.session-outdated", laptop.post("api/contests/" + contest + "/attempts", "{}").expect(401).problemCode());
        assertEquals("auth.session-outdated", phone.get("api/me").expect(401).problemCode());
        // logging in again opens a working session
        Api again = bearer(logIn("api/session", form.getString("email"), "mat-khau-123"));
        again.post("api/contests/" + contest + "/attempts", "{}").expect(201);
    }

    @Test
    void aTokenIsAcceptedOnlyAsSigned() {
        JsonObject form = new CandidateBuilder(base).form();
        new CandidateBuilder(base).register(form);
        String token = logIn("api/session", form.getString("email"), "mat-khau-123");
        new Api(base).header("Authorization", "Bearer " + token).get("api/me").expect(200);
        for (String forged : new String[] {token + "=", token + "==", token + ".x", token + "A"}) {
            assertEquals("auth.required", new Api(base).header("Authorization", "Bearer " + forged).get("api/me")
                    .expect(401).problemCode(), forged);
        }
    }

    @Test
    void anAdministratorResettingAPasswordEndsTheOldSession() {
        Api admin = new Organizer(base).api();
        String email = newStaff(admin, "ORGANIZER");
        long id = staffId(admin, email);
        Api organizer = bearer(logIn("api/console/session", email, "mat-khau-can-bo"));
        organizer.get("api/console/contests").expect(200);

        admin.put("api/console/staff/" + id, Json.createObjectBuilder().add("password", "mat-khau-moi-dai-hon").build()).expect(200);

        assertEquals("auth.session-outdated", organizer.get("api/console/session").expect(401).problemCode());
        assertEquals("auth.session-outdated", organizer.get("api/console/contests").expect(401).problemCode());
        bearer(logIn("api/console/session", email, "mat-khau-moi-dai-hon")).get("api/console/contests").expect(200);
        // the administrator's own session is untouched
        admin.get("api/console/staff").expect(200);
    }

    @Test
    void disablingOrReRolingStaffEndsTheirSessionsAndLogOutEndsTheConsoleSession() {
        Api admin = new Organizer(base).api();
        String email = newStaff(admin, "ORGANIZER");
        long id = staffId(admin, email);

        Api beforePromotion = bearer(logIn("api/console/session", email, "mat-khau-can-bo"));
        admin.put("api/console/staff/" + id, Json.createObjectBuilder().add("role", "ADMINISTRATOR").build()).expect(200);
        assertEquals("auth.session-outdated", beforePromotion.get("api/console/session").expect(401).problemCode());

        Api administrator = bearer(logIn("api/console/session", email, "mat-khau-can-bo"));
        administrator.get("api/console/staff").expect(200);
        administrator.delete("api/console/session").expect(204);
        assertEquals("auth.session-outdated", administrator.get("api/console/staff").expect(401).problemCode());

        Api beforeDisabling = bearer(logIn("api/console/session", email, "mat-khau-can-bo"));
        admin.put("api/console/staff/" + id, Json.createObjectBuilder().add("active", false).build()).expect(200);
        assertEquals("auth.session-outdated", beforeDisabling.get("api/console/session").expect(401).problemCode());
        // re-enabling does not bring the ended session back
        admin.put("api/console/staff/" + id, Json.createObjectBuilder().add("active", true).build()).expect(200);
        assertEquals("auth.session-outdated", beforeDisabling.get("api/console/session").expect(401).problemCode());
    }

    /** A token as another client would hold it: no cookie jar, just the bearer header. */
    private Api bearer(String token) {
        return new Api(base).header("Authorization", "Bearer " + token).header("X-Device-Id", "device-" + UUID.randomUUID());
    }

    private String logIn(String path, String email, String password) {
        return new Api(base).post(path, Json.createObjectBuilder().add("email", email).add("password", password).build())
                .expect(200).json().getString("token");
    }

    private static String newStaff(Api admin, String role) {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@examcert.test";
        admin.post("api/console/staff", Json.createObjectBuilder().add("email", email)
                .add("fullName", "Cán bộ Thử").add("role", role).add("password", "mat-khau-can-bo").build()).expect(201);
        return email;
    }

    private static long staffId(Api admin, String email) {
        return admin.get("api/console/staff").expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("email").equals(email)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }
}
