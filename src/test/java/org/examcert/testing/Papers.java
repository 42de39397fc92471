package org.examcert.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.List;

/** Answering a paper on purpose: exactly {@code right} questions correct, the others wrong. */
public final class Papers {

    private final Banks banks;

    public Papers(Banks banks) {
        this.banks = banks;
    }

    public void answer(Api candidate, JsonObject paper, int right) {
        long attempt = paper.getJsonNumber("attemptId").longValue();
        List<JsonObject> questions = paper.getJsonArray("questions").getValuesAs(JsonObject.class);
        int seq = 1;
        for (int i = 0; i < questions.size(); i++) {
            JsonObject q = questions.get(i);
            String correct = banks.correctText(q.getString("stem"), q.getJsonArray("options").getValuesAs(JsonObject.class)
                    .stream().map(o -> o.getString("text")).collect(java.util.stream.Collectors.toSet()));
            boolean answerRight = i < right;
            int option = q.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                    .filter(o -> answerRight == o.getString("text").equals(correct))
                    .findFirst().orElseThrow().getInt("number");
            candidate.put("api/attempts/" + attempt + "/answers/" + q.getInt("position"),
                    Json.createObjectBuilder().add("option", option).add("seq", seq++).build()).expect(200);
        }
    }

    public static JsonObject start(Api candidate, long contestId) {
        return candidate.post("api/contests/" + contestId + "/attempts", "{}").json().getJsonObject("paper");
    }

    public static JsonObject submit(Api candidate, JsonObject paper) {
        return candidate.post("api/attempts/" + paper.getJsonNumber("attemptId").longValue() + "/submit", "{}")
                .expect(200).json();
    }
}
