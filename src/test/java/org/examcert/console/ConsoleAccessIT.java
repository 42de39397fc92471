package org.examcert.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may use the console. The endpoints are read from the OpenAPI document, so an endpoint added
 * later is checked without anyone remembering to list it here.
 */
@ExamcertIT
class ConsoleAccessIT {

    /** Endpoints for staff administration: administrators only. */
    private static final String STAFF = "/api/console/staff";
    /** Logging in and out is for everyone. */
    private static final Set<String> OPEN = Set.of("POST /api/console/session", "DELETE /api/console/session");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.examcert();
    }

    @ArquillianResource
    URL base;

    record Endpoint(String method, String path) {
        String concrete() {
            return path.replaceAll("\\{id}", "999999").replaceAll("\\{[a-zA-Z]+}", "khong-co").substring(1);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Endpoint> consoleEndpoints() {
        return Api.operations(base).stream()
                .filter(o -> o.path().startsWith("/api/console/"))
                .map(o -> new Endpoint(o.method(), o.path()))
                .filter(e -> Set.of("GET", "POST", "PUT", "DELETE").contains(e.method()) && !OPEN.contains(e.toString()))
                .toList();
    }

    @Test
    void everyConsoleEndpointRefusesStrangersCandidatesAndTheWrongRole() {
        List<Endpoint> endpoints = consoleEndpoints();
        assertTrue(endpoints.size() >= 35, "the OpenAPI document lists the console: " + endpoints);
        Api stranger = new Api(base);
        Api candidate = new CandidateBuilder(base).register();
        Api organizer = newStaff("ORGANIZER");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            expect(wrong, endpoint, "stranger", stranger.call(endpoint.method(), endpoint.concrete()), 401, "auth.required");
            expect(wrong, endpoint, "candidate", candidate.call(endpoint.method(), endpoint.concrete()), 403, "auth.forbidden");
            Api.Reply asOrganizer = organizer.call(endpoint.method(), endpoint.concrete());
            if (endpoint.path().startsWith(STAFF)) {
                expect(wrong, endpoint, "organizer", asOrganizer, 403, "auth.forbidden");
            } else if (asOrganizer.status() == 401 || asOrganizer.status() == 403) {
                wrong.add(endpoint + " refused an organizer: " + asOrganizer.status() + " " + asOrganizer.body());
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, Endpoint endpoint, String who, Api.Reply reply, int status, String code) {
        if (reply.status() != status || !reply.body().contains("\"" + code + "\"")) {
            wrong.add(endpoint + " as " + who + ": expected " + status + " " + code + ", got " + reply.status() + " " + reply.body());
        }
    }

    @Test
    void anAdministratorManagesOrganizersAndADisabledAccountIsLockedOutAtOnce() {
        Api admin = new Organizer(base).api();
        String email = "bto-" + UUID.randomUUID().toString().substring(0, 8) + "@examcert.test";
        JsonObject created = admin.post("api/console/staff", Json.createObjectBuilder().add("email", email)
                .add("fullName", "Nguyễn Thị Tổ Chức").add("role", "ORGANIZER").add("password", "mat-khau-to-chuc").build())
                .expect(201).json();
        assertFalse(created.containsKey("passwordHash"));
        long id = created.getJsonNumber("id").longValue();

        Api organizer = new Api(base);
        organizer.post("api/console/session", Json.createObjectBuilder().add("email", email).add("password", "mat-khau-to-chuc").build()).expect(200);
        assertEquals("ORGANIZER", organizer.get("api/console/session").expect(200).json().getString("role"));
        organizer.get("api/console/contests").expect(200);
        assertEquals("auth.forbidden", organizer.get("api/console/staff").expect(403).problemCode());

        // refused input changes nothing
        assertEquals("staff.password-too-short", admin.post("api/console/staff", Json.createObjectBuilder().add("email", "x-" + email)
                .add("fullName", "A").add("role", "ORGANIZER").add("password", "ngan").build()).expect(400).problemCode());
        assertEquals("staff.email-taken", admin.post("api/console/staff", Json.createObjectBuilder().add("email", email)
                .add("fullName", "B").add("role", "ORGANIZER").add("password", "mat-khau-khac-dai").build()).expect(409).problemCode());

        admin.put("api/console/staff/" + id, Json.createObjectBuilder().add("active", false).build()).expect(200);
        assertEquals("auth.session-outdated", organizer.get("api/console/contests").expect(401).problemCode());
        assertEquals("auth.bad-credentials", new Api(base).post("api/console/session", Json.createObjectBuilder()
                .add("email", email).add("password", "mat-khau-to-chuc").build()).expect(401).problemCode());

        long adminId = admin.get("api/console/session").expect(200).json().getJsonNumber("id").longValue();
        assertEquals("staff.cannot-demote-self", admin.put("api/console/staff/" + adminId,
                Json.createObjectBuilder().add("role", "ORGANIZER").build()).expect(409).problemCode());

        JsonObject log = admin.get("api/console/audit-log?limit=20").expect(200).json();
        assertTrue(log.getJsonArray("items").stream().map(JsonValue::asJsonObject).anyMatch(e ->
                e.getString("action").equals("staff.change") && e.getString("target").equals("staff:" + email)
                        && e.getJsonObject("before").getBoolean("active") && !e.getJsonObject("after").getBoolean("active")),
                "the audit log has the change with before and after: " + log);
    }

    private Api newStaff(String role) {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@examcert.test";
        new Organizer(base).api().post("api/console/staff", Json.createObjectBuilder().add("email", email)
                .add("fullName", "Cán bộ Thử").add("role", role).add("password", "mat-khau-can-bo").build()).expect(201);
        Api api = new Api(base);
        api.post("api/console/session", Json.createObjectBuilder().add("email", email).add("password", "mat-khau-can-bo").build()).expect(200);
        return api;
    }
}
