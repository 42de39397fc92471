package org.examcert.questionbank;

import org.examcert.platform.problem.Problem;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * An organizer's edit of one question, checked field by field so that every mistake is shown at
 * once next to its field. Text is trimmed and normalized to NFC, as imports do.
 */
public record QuestionEdit(String topic, String difficulty, String stem, List<String> options, Integer correctOption,
                           String explanation, String source) {

    public static final int MAX_STEM = 5000;
    public static final int MAX_OPTION = 2000;

    /** The edited content for the question {@code externalId}; 400 with every field error otherwise. */
    public BankFile.Question validate(String externalId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String cleanTopic = clean(topic);
        if (cleanTopic.isEmpty() || cleanTopic.length() > 200) {
            errors.add(Problem.FieldError.of("topic", "question.topic-invalid", 200));
        }
        Difficulty level = Difficulty.fromBankValue(clean(difficulty).toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (level == null) {
            errors.add(Problem.FieldError.of("difficulty", "question.difficulty-invalid"));
        }
        String cleanStem = clean(stem);
        if (cleanStem.isEmpty() || cleanStem.length() > MAX_STEM) {
            errors.add(Problem.FieldError.of("stem", "question.stem-invalid", MAX_STEM));
        }
        List<String> cleanOptions = options == null ? List.of() : options.stream().map(QuestionEdit::clean).toList();
        if (cleanOptions.size() < BankFile.Question.MIN_OPTIONS || cleanOptions.size() > BankFile.Question.MAX_OPTIONS
                || cleanOptions.stream().anyMatch(o -> o.isEmpty() || o.length() > MAX_OPTION)) {
            errors.add(Problem.FieldError.of("options", "question.options-invalid", BankFile.Question.MIN_OPTIONS,
                    BankFile.Question.MAX_OPTIONS, MAX_OPTION));
        } else if (cleanOptions.stream().distinct().count() < cleanOptions.size()) {
            errors.add(Problem.FieldError.of("options", "question.options-repeated"));
        }
        if (correctOption == null || correctOption < 1 || correctOption > Math.max(cleanOptions.size(), 1)) {
            errors.add(Problem.FieldError.of("correctOption", "question.correct-option-invalid"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(400, "question.invalid", List.of(), errors);
        }
        String cleanExplanation = clean(explanation);
        String cleanSource = clean(source);
        return new BankFile.Question(externalId, cleanTopic, level, cleanStem, cleanOptions, correctOption,
                cleanExplanation.isEmpty() ? null : cleanExplanation, cleanSource.isEmpty() ? null : cleanSource, 1);
    }

    private static String clean(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
