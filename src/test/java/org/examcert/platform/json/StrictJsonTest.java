package org.examcert.platform.json;

import org.examcert.platform.problem.Problem;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {

    public record Answer(Integer option, Long seq) {
    }

    public record Edit(String topic, List<String> options, boolean active) {
    }

    private static Object bind(String json, Class<?> type) {
        return StrictJson.bind(StrictJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), type);
    }

    /** The refusal as "code" or "code: field=code, …" for a table cell. */
    private static String refusal(String json, Class<?> type) {
        Problem p = assertThrows(Problem.class, () -> bind(json, type));
        return p.status() + " " + p.code() + (p.fieldErrors().isEmpty() ? ""
                : ": " + p.fieldErrors().stream().map(e -> e.field() + "=" + e.code()).collect(Collectors.joining(", ")));
    }

    @ParameterizedTest(name = "[{index}] {0} -> option {1}, seq {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"option\":1,\"seq\":1}                        | 1    | 1",
            "{\"option\":null,\"seq\":9007199254740991}      |      | 9007199254740991",
            "{\"seq\":-0}                                    |      | 0",
            "{\"seq\":9223372036854775807,\"extra\":[1,2]}   |      | 9223372036854775807",
    })
    void bindsExactIntegers(String json, Integer option, Long seq) {
        assertEquals(new Answer(option, seq), bind(json, Answer.class));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"option\":1.5,\"seq\":1}                 | 400 request.invalid-fields: option=json.integer-expected",
            "{\"option\":\"1\",\"seq\":1}               | 400 request.invalid-fields: option=json.integer-expected",
            "{\"option\":1,\"seq\":1e30}                | 400 request.invalid-fields: seq=json.integer-expected",
            "{\"option\":1,\"seq\":1E2}                 | 400 request.invalid-fields: seq=json.integer-expected",
            "{\"option\":1,\"seq\":1.0}                 | 400 request.invalid-fields: seq=json.integer-expected",
            "{\"option\":1,\"seq\":9223372036854775808} | 400 request.invalid-fields: seq=json.integer-out-of-range",
            "{\"option\":2147483648,\"seq\":1}          | 400 request.invalid-fields: option=json.integer-out-of-range",
            "{\"option\":true,\"seq\":[]}               | 400 request.invalid-fields: option=json.integer-expected, seq=json.integer-expected",
            "[]                                         | 400 request.body-not-object",
            "\"str\"                                    | 400 request.body-not-object",
            "42                                         | 400 request.body-not-object",
            "{                                          | 400 request.malformed-json",
            "{\"option\":1}x                            | 400 request.malformed-json",
            "{\"option\":1} {}                          | 400 request.malformed-json",
    })
    void refusesLooseTypesAndShapes(String json, String expected) {
        assertEquals(expected, refusal(json, Answer.class));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"topic\":5,\"options\":[\"a\"],\"active\":true}         | 400 request.invalid-fields: topic=json.string-expected",
            "{\"topic\":\"t\",\"options\":[\"a\",2],\"active\":true}   | 400 request.invalid-fields: options[1]=json.string-expected",
            "{\"topic\":\"t\",\"options\":\"a\",\"active\":true}       | 400 request.invalid-fields: options=json.array-expected",
            "{\"topic\":\"t\",\"options\":[null],\"active\":true}      | 400 request.invalid-fields: options[0]=json.value-required",
            "{\"topic\":\"t\",\"options\":[],\"active\":\"yes\"}       | 400 request.invalid-fields: active=json.boolean-expected",
            "{\"topic\":\"t\",\"options\":[]}                          | 400 request.invalid-fields: active=json.value-required",
    })
    void namesEveryWrongFieldByItsPath(String json, String expected) {
        assertEquals(expected, refusal(json, Edit.class));
    }

    @ParameterizedTest(name = "[{index}] depth {0} refused={1}")
    @CsvSource({"1, false", "32, false", "33, true", "100000, true"})
    void boundsTheNestingDepth(int depth, boolean refused) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String object = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        for (String json : List.of(deep, object)) {
            if (refused) {
                assertEquals("400 request.too-deep", refusal(json, JsonObject.class));
            } else {
                StrictJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"''", "null"})
    void anEmptyOrNullBodyIsNoBody(String json) {
        assertNull(bind(json, Answer.class));
        assertNull(bind(json, JsonObject.class));
    }

    @ParameterizedTest(name = "[{index}] {0}.{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"rules\":[]}     | rules | object | 400 request.invalid-fields: rules=json.object-expected",
            "{\"draw\":\"x\"}   | draw  | array  | 400 request.invalid-fields: draw=json.array-expected",
            "{\"title\":5}      | title | text   | 400 request.invalid-fields: title=json.string-expected",
            "{\"count\":1.5}    | count | int    | 400 request.invalid-fields: count=json.integer-expected",
    })
    void typedMemberReadsNameTheField(String json, String key, String kind, String expected) {
        JsonObject body = (JsonObject) bind(json, JsonObject.class);
        Problem p = assertThrows(Problem.class, () -> {
            switch (kind) {
                case "object" -> StrictJson.object(body, key);
                case "array" -> StrictJson.array(body, key);
                case "text" -> StrictJson.text(body, key);
                default -> StrictJson.integer(body, key, 0);
            }
        });
        assertEquals(expected, p.status() + " " + p.code() + ": " + p.fieldErrors().get(0).field() + "=" + p.fieldErrors().get(0).code());
    }
}
