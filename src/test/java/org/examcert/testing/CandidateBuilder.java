package org.examcert.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.URL;
import java.time.LocalDate;
import java.util.UUID;

/** Registers a candidate through the API; the returned client carries their session. */
public final class CandidateBuilder {

    private final URL base;
    private String fullName = "Trần Văn Thử";
    private LocalDate birthDate = LocalDate.now().minusYears(22);
    private String board = "SINH_VIEN";
    private String unit = "Đoàn trường Đại học Trà Vinh";

    public CandidateBuilder(URL base) {
        this.base = base;
    }

    public CandidateBuilder named(String name) {
        this.fullName = name;
        return this;
    }

    public CandidateBuilder born(LocalDate date) {
        this.birthDate = date;
        return this;
    }

    public CandidateBuilder board(String code) {
        this.board = code;
        return this;
    }

    public CandidateBuilder unit(String unit) {
        this.unit = unit;
        return this;
    }

    public JsonObject form() {
        return Json.createObjectBuilder()
                .add("fullName", fullName).add("birthDate", birthDate.toString())
                .add("email", "ts-" + UUID.randomUUID().toString().substring(0, 12) + "@examcert.test")
                .add("phone", "0912345678").add("unit", unit).add("board", board).add("password", "mat-khau-123")
                .build();
    }

    /** A registered, logged-in candidate with a device id of their own. */
    public Api register() {
        return register(form());
    }

    public Api register(JsonObject form) {
        Api api = new Api(base).header("X-Device-Id", "device-" + UUID.randomUUID());
        api.post("api/candidates", form).expect(201);
        return api;
    }
}
