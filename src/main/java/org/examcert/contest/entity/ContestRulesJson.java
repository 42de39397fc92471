package org.examcert.contest.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.examcert.candidate.EligibilityRule;
import org.examcert.contest.CertificateIssue;
import org.examcert.contest.ContestRules;
import org.examcert.contest.GradingBand;
import org.examcert.contest.GradingBandTable;
import org.examcert.contest.OfficialAttemptPolicy;
import org.examcert.contest.ReviewPolicy;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON shape of contest rules: stored in the contest row and in published versions, and
 * sent and received by the organizer API. Reading starts from a base (the defaults, or the
 * current rules) and takes only the fields present, so an edit may send just what changes.
 */
public final class ContestRulesJson {

    private ContestRulesJson() {
    }

    public static JsonObject write(ContestRules rules) {
        JsonArrayBuilder bands = Json.createArrayBuilder();
        for (GradingBand band : rules.bands().bands()) {
            bands.add(Json.createObjectBuilder().add("key", band.key()).add("labelVi", band.labelVi())
                    .add("labelEn", band.labelEn()).add("minScore", band.minScore()));
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("timeLimitSeconds", rules.timeLimit().toSeconds())
                .add("questionsPerAttempt", rules.questionsPerAttempt())
                .add("pointsPerQuestion", rules.pointsPerQuestion())
                .add("maxScore", rules.maxScore())
                .add("officialAttempt", rules.officialAttempt().name())
                .add("bands", Json.createObjectBuilder().add("referenceMax", rules.bands().referenceMax()).add("bands", bands))
                .add("passingBand", rules.passingBand())
                .add("shuffleQuestions", rules.shuffleQuestions())
                .add("shuffleOptions", rules.shuffleOptions())
                .add("review", rules.review().name())
                .add("minAge", rules.eligibility().minAge())
                .add("maxAge", rules.eligibility().maxAge())
                .add("graceSeconds", rules.grace().toSeconds())
                .add("certificates", rules.certificates().name())
                .add("certificateTemplate", rules.certificateTemplate());
        if (rules.maxAttempts() == null) {
            json.addNull("maxAttempts");
        } else {
            json.add("maxAttempts", rules.maxAttempts());
        }
        if (rules.tieBreakQuestion() == null) {
            json.addNull("tieBreakQuestion");
        } else {
            json.add("tieBreakQuestion", rules.tieBreakQuestion());
        }
        return json.build();
    }

    public static ContestRules read(JsonObject json, ContestRules base) {
        try {
            Integer maxAttempts = base.maxAttempts();
            if (json.containsKey("maxAttempts")) {
                maxAttempts = json.isNull("maxAttempts") ? null : integer(json, "maxAttempts", 0);
            }
            EligibilityRule eligibility = base.eligibility();
            if (json.containsKey("minAge") || json.containsKey("maxAge")) {
                eligibility = new EligibilityRule(integer(json, "minAge", eligibility.minAge()),
                        integer(json, "maxAge", eligibility.maxAge()));
            }
            return new ContestRules(
                    Duration.ofSeconds(integer(json, "timeLimitSeconds", (int) base.timeLimit().toSeconds())),
                    integer(json, "questionsPerAttempt", base.questionsPerAttempt()),
                    decimal(json, "pointsPerQuestion", base.pointsPerQuestion()),
                    maxAttempts,
                    json.containsKey("officialAttempt") ? OfficialAttemptPolicy.valueOf(text(json, "officialAttempt")) : base.officialAttempt(),
                    json.containsKey("bands") ? bands(json.getJsonObject("bands")) : base.bands(),
                    json.containsKey("passingBand") ? text(json, "passingBand") : base.passingBand(),
                    bool(json, "shuffleQuestions", base.shuffleQuestions()),
                    bool(json, "shuffleOptions", base.shuffleOptions()),
                    json.containsKey("review") ? ReviewPolicy.valueOf(text(json, "review")) : base.review(),
                    eligibility,
                    Duration.ofSeconds(integer(json, "graceSeconds", (int) base.grace().toSeconds())),
                    certificates(json, base.certificates()),
                    json.containsKey("certificateTemplate") ? text(json, "certificateTemplate") : base.certificateTemplate(),
                    json.containsKey("tieBreakQuestion")
                            ? (json.isNull("tieBreakQuestion") ? null : text(json, "tieBreakQuestion")) : base.tieBreakQuestion());
        } catch (Problem p) {
            throw p;
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("contest.rules-invalid", String.valueOf(e.getMessage()));
        }
    }

    /** ON_PASS, AT_CLOSE or NONE; true and false are read as ON_PASS and NONE. */
    private static CertificateIssue certificates(JsonObject json, CertificateIssue fallback) {
        JsonValue value = json.get("certificates");
        if (value == null) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE ? CertificateIssue.ON_PASS : CertificateIssue.NONE;
        }
        return CertificateIssue.valueOf(text(json, "certificates"));
    }

    private static GradingBandTable bands(JsonObject json) {
        List<GradingBand> bands = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("bands")) {
            JsonObject band = value.asJsonObject();
            bands.add(new GradingBand(band.getString("key"), band.getString("labelVi"), band.getString("labelEn"),
                    band.getJsonNumber("minScore").bigDecimalValue()));
        }
        return new GradingBandTable(decimal(json, "referenceMax", GradingBandTable.DEFAULT_REFERENCE_MAX), bands);
    }

    private static int integer(JsonObject json, String key, int fallback) {
        JsonNumber number = number(json, key);
        return number == null ? fallback : number.intValueExact();
    }

    private static BigDecimal decimal(JsonObject json, String key, BigDecimal fallback) {
        JsonNumber number = number(json, key);
        return number == null ? fallback : number.bigDecimalValue();
    }

    /** The member as a number, {@code null} when absent; 400 when it is there but not a number. */
    private static JsonNumber number(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw Problem.badRequest("contest.rules-field-invalid", key);
        }
        return number;
    }

    private static boolean bool(JsonObject json, String key, boolean fallback) {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw Problem.badRequest("contest.rules-field-invalid", key);
        }
        return value == JsonValue.TRUE;
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (!(value instanceof JsonString string)) {
            throw Problem.badRequest("contest.rules-field-invalid", key);
        }
        return string.getString();
    }
}
