package org.examcert.attempt.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The saved answer's JSON, written by hand on the hot path, is the JSON JSON-B writes for the API's record. */
class AnswerSavesTest {

    @ParameterizedTest(name = "position {0}, option {1}, seq {2}, saved {3}, at {4}")
    @CsvSource(nullValues = "none", value = {
            "1, 1, 1, true, 2026-12-02T16:49:40.918Z",
            "200, 6, 9007199254740991, true, 2026-12-02T16:49:40Z",
            "7, none, 3, true, 2026-12-02T16:49:40.918123456Z",      // cleared: no option member
            "7, 2, 12, false, 2026-01-01T00:00:00.000001Z",          // superseded by a newer save
    })
    void theHandWrittenAnswerIsJsonBsAnswer(int position, Integer option, long seq, boolean saved, String at) throws Exception {
        AttemptResource.AnswerSaved answer = new AttemptResource.AnswerSaved(position, option, seq, saved, Instant.parse(at));
        String written = AnswerSaves.body(answer);
        String jsonb;
        try (var json = JsonbBuilder.create()) {
            jsonb = json.toJson(answer);
        }
        assertEquals(parse(jsonb), parse(written));
        assertEquals(option != null, parse(written).containsKey("option"));
        assertEquals(at, parse(written).getString("serverNow"));
    }

    @Test
    void theHandWrittenQueueOfAnswersIsJsonBsToo() throws Exception {
        Instant at = Instant.parse("2026-12-02T16:49:40.918Z");
        for (List<AttemptResource.AnswerSaved> answers : List.of(List.<AttemptResource.AnswerSaved>of(),
                List.of(new AttemptResource.AnswerSaved(1, 2, 6, true, at)),
                List.of(new AttemptResource.AnswerSaved(1, 2, 6, true, at), new AttemptResource.AnswerSaved(2, null, 7, false, at)))) {
            AttemptResource.AnswersSaved saved = new AttemptResource.AnswersSaved(answers, at);
            String jsonb;
            try (var json = JsonbBuilder.create()) {
                jsonb = json.toJson(saved);
            }
            assertEquals(parse(jsonb), parse(AnswerSaves.body(saved)));
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
