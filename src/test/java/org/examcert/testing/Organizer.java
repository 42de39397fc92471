package org.examcert.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An organizer at the console API (the administrator that arquillian.xml configures), with a small
 * builder for contests: each test builds the contest it needs, with a unique code.
 */
public final class Organizer {

    public static final String EMAIL = "admin@examcert.test";
    public static final String PASSWORD = "quan-tri-vien-thu-nghiem";

    private final Api api;

    public Organizer(URL base) {
        this.api = new Api(base);
        api.post("api/console/session", Json.createObjectBuilder().add("email", EMAIL).add("password", PASSWORD).build())
                .expect(200);
    }

    public Api api() {
        return api;
    }

    public ContestBuilder contest() {
        return new ContestBuilder();
    }

    /** A contest to be created (as a draft) and, unless told otherwise, published. */
    public final class ContestBuilder {
        private String kind = "CERTIFICATION";
        private Instant opensAt = Instant.now().minus(Duration.ofHours(1));
        private Instant closesAt = Instant.now().plus(Duration.ofDays(1));
        private final JsonObjectBuilder rules = Json.createObjectBuilder();
        private final Map<String, JsonObject> boards = new LinkedHashMap<>();

        public ContestBuilder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public ContestBuilder window(Instant opens, Instant closes) {
            this.opensAt = opens;
            this.closesAt = closes;
            return this;
        }

        public ContestBuilder rule(String name, int value) {
            rules.add(name, value);
            return this;
        }

        public ContestBuilder rule(String name, String value) {
            rules.add(name, value);
            return this;
        }

        public ContestBuilder rule(String name, java.math.BigDecimal value) {
            rules.add(name, value);
            return this;
        }

        public ContestBuilder rule(String name, boolean value) {
            rules.add(name, value);
            return this;
        }

        /** A board drawing {@code count} questions from one bank. */
        public ContestBuilder board(String code, String name, String bank, int count) {
            JsonArrayBuilder draw = Json.createArrayBuilder().add(Json.createObjectBuilder().add("bank", bank).add("count", count));
            boards.put(code, Json.createObjectBuilder().add("name", name).add("draw", draw).build());
            return this;
        }

        public long draft() {
            String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
            JsonObject created = api.post("api/console/contests", Json.createObjectBuilder()
                    .add("code", code).add("title", "Cuộc thi thử nghiệm " + code).add("kind", kind)
                    .add("opensAt", opensAt.toString()).add("closesAt", closesAt.toString())
                    .add("rules", rules).build()).expect(201).json();
            long id = created.getJsonNumber("id").longValue();
            boards.forEach((board, body) -> api.put("api/console/contests/" + id + "/boards/" + board, body).expect(200));
            return id;
        }

        public long published() {
            long id = draft();
            api.post("api/console/contests/" + id + "/publish", "{}").expect(200);
            return id;
        }
    }
}
