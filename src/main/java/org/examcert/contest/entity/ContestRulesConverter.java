package org.examcert.contest.entity;

import jakarta.json.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.examcert.contest.ContestRules;

import java.io.StringReader;

/** Stores the rules value object as its JSON document. */
@Converter
public class ContestRulesConverter implements AttributeConverter<ContestRules, String> {

    @Override
    public String convertToDatabaseColumn(ContestRules rules) {
        return rules == null ? null : ContestRulesJson.write(rules).toString();
    }

    @Override
    public ContestRules convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return ContestRulesJson.read(reader.readObject(), ContestRules.certificationDefaults());
        }
    }
}
