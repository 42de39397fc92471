package org.examcert.contest.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.examcert.contest.DrawRule;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.json.StrictJson;
import org.examcert.questionbank.Difficulty;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** A board's draw specification as JSON: [{"bank":…, "topic":…, "difficulty":…, "count":…}]. */
@Converter
public class DrawSpecConverter implements AttributeConverter<List<DrawRule>, String> {

    @Override
    public String convertToDatabaseColumn(List<DrawRule> rules) {
        return write(rules).toString();
    }

    @Override
    public List<DrawRule> convertToEntityAttribute(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return read(reader.readArray());
        }
    }

    public static JsonArray write(List<DrawRule> rules) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DrawRule rule : rules) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("bank", rule.bank()).add("count", rule.count());
            if (rule.topic() != null) {
                json.add("topic", rule.topic());
            }
            if (rule.difficulty() != null) {
                json.add("difficulty", rule.difficulty().name());
            }
            array.add(json);
        }
        return array.build();
    }

    public static List<DrawRule> read(JsonArray array) {
        List<DrawRule> rules = new ArrayList<>();
        try {
            for (JsonValue value : array) {
                JsonObject json = value.asJsonObject();
                String difficulty = StrictJson.text(json, "difficulty");
                rules.add(new DrawRule(StrictJson.text(json, "bank"), StrictJson.text(json, "topic"),
                        difficulty == null ? null : Difficulty.valueOf(difficulty), StrictJson.integer(json, "count", 0)));
            }
        } catch (ClassCastException | IllegalArgumentException e) {
            throw Problem.badRequest("contest.draw-spec-invalid", String.valueOf(e.getMessage()));
        }
        return List.copyOf(rules);
    }
}
