package org.examcert.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.examcert.platform.security.Role;
import org.examcert.platform.security.SessionToken;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the load benchmarks set up before they measure: a published contest, and candidates with signed sessions. */
final class BenchData {

    private BenchData() {
    }

    /** A fresh published contest: 30 questions from the shipped sinh-vien bank, 1 hour, unlimited attempts. */
    static long contest(URI base, String email, String password) throws Exception {
        HttpClient organizer = organizer(base, email, password);
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject created;
        HttpResponse<String> r = send(organizer, post(base, "api/console/contests", Json.createObjectBuilder()
                .add("code", code).add("title", "Benchmark " + code).add("kind", "CERTIFICATION")
                .add("opensAt", Instant.now().minusSeconds(60).toString())
                .add("closesAt", Instant.now().plus(Duration.ofDays(1)).toString())
                .add("rules", Json.createObjectBuilder().add("timeLimitSeconds", 3600)).build()), 201);
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            created = reader.readObject();
        }
        long id = created.getJsonNumber("id").longValue();
        send(organizer, HttpRequest.newBuilder(base.resolve("api/console/contests/" + id + "/boards/SINH_VIEN"))
                .header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("name", "Bảng sinh viên").add("draw", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("bank", "sinh-vien").add("count", 30))).build().toString())).build(), 200);
        send(organizer, post(base, "api/console/contests/" + id + "/publish", Json.createObjectBuilder().build()), 200);
        return id;
    }

    /**
     * Inserts {@code count} candidates of the board SINH_VIEN straight into the database (registration's
     * deliberately slow password hash is not what is measured) and signs a session for each with the
     * service's key; returns the session tokens in insertion order.
     */
    static List<String> candidates(String jdbcUrl, byte[] key, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
            return candidates(c, key, count, "bench-" + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    /** The same on a given connection; the candidates' e-mail addresses are {@code prefix-i@examcert.test}. */
    static List<String> candidates(Connection c, byte[] key, int count, String prefix) throws Exception {
        List<String> tokens = new ArrayList<>(count);
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO candidate (full_name, birth_date, email, phone, unit,"
                + " board, password_hash, registered_at) VALUES (?, ?, ?, '0912345678', 'Đơn vị thử tải', 'SINH_VIEN', 'x', NOW(3))",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "Thí sinh thử tải " + i);
                insert.setObject(2, LocalDate.now().minusYears(20 + i % 15));
                insert.setString(3, prefix + "-" + i + "@examcert.test");
                insert.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            tokens.add(SessionToken.issue(Role.CANDIDATE, keys.getLong(1), 0, Instant.now(), Duration.ofHours(6)).sign(key));
                        }
                    }
                }
            }
        }
        c.commit();
        return tokens;
    }

    /** An organizer's logged-in client (its session is a cookie). */
    static HttpClient organizer(URI base, String email, String password) throws Exception {
        HttpClient organizer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
        send(organizer, post(base, "api/console/session", Json.createObjectBuilder().add("email", email).add("password", password).build()), 200);
        return organizer;
    }

    /** What GET /api/console/audit/scores says: graded attempts recomputed from their stored answers, and mismatches. */
    static JsonObject scoreAudit(HttpClient organizer, URI base) throws Exception {
        HttpResponse<String> r = send(organizer, HttpRequest.newBuilder(base.resolve("api/console/audit/scores"))
                .timeout(Duration.ofMinutes(5)).GET().build(), 200);
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** The password of the candidates made by {@link #withPassword}. */
    static final String PASSWORD = "mat-khau-thu-tai-123";

    /**
     * Registers one candidate through the API (so the service hashes {@link #PASSWORD} as it does
     * for anyone) and inserts {@code count} more with that same stored hash; returns their emails.
     * Log-ins then cost exactly what a real log-in costs: one verification of that hash.
     */
    static List<String> withPassword(URI base, String jdbcUrl, int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "bench-login-" + run + "@examcert.test";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        send(http, post(base, "api/candidates", Json.createObjectBuilder().add("fullName", "Thí sinh đăng nhập thử")
                .add("birthDate", LocalDate.now().minusYears(22).toString()).add("email", first).add("phone", "0912345678")
                .add("unit", "Đơn vị thử tải").add("board", "SINH_VIEN").add("password", PASSWORD).build()), 201);
        List<String> emails = new ArrayList<>(List.of(first));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "")) {
            String hash;
            try (PreparedStatement q = c.prepareStatement("SELECT password_hash FROM candidate WHERE email = ?")) {
                q.setString(1, first);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    hash = r.getString(1);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO candidate (full_name, birth_date, email, phone, unit,"
                    + " board, password_hash, registered_at) VALUES ('Thí sinh đăng nhập thử', ?, ?, '0912345678', 'Đơn vị thử tải',"
                    + " 'SINH_VIEN', ?, NOW(3))")) {
                for (int i = 1; i < count; i++) {
                    String email = "bench-login-" + run + "-" + i + "@examcert.test";
                    insert.setObject(1, LocalDate.now().minusYears(22));
                    insert.setString(2, email);
                    insert.setString(3, hash);
                    insert.addBatch();
                    emails.add(email);
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return emails;
    }

    private static HttpRequest post(URI base, String path, JsonObject body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Examcert-Csrf", "1")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
