package org.examcert.questionbank;

import java.util.List;
import java.util.Objects;

/** A parsed, validated {@code .bank} file: the bank's header and its questions in file order. */
public record BankFile(String code, String title, String description, List<Question> questions) {

    public BankFile {
        requireText(code, "bank code");
        requireText(title, "bank title");
        Objects.requireNonNull(questions, "questions are required");
        questions = List.copyOf(questions);
    }

    /**
     * One question of a bank.
     *
     * @param correctOption 1-based index into {@code options}
     * @param line the line of the question's {@code @ <id>} in the file
     */
    public record Question(String id, String topic, Difficulty difficulty, String stem, List<String> options,
            int correctOption, String explanation, String source, int line) {

        public static final int MIN_OPTIONS = 2;
        public static final int MAX_OPTIONS = 6;

        public Question {
            requireText(id, "question id");
            requireText(topic, "topic of question " + id);
            Objects.requireNonNull(difficulty, "difficulty of question " + id + " is required");
            requireText(stem, "stem of question " + id);
            Objects.requireNonNull(options, "options of question " + id + " are required");
            options = List.copyOf(options);
            if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
                throw new IllegalArgumentException("question " + id + " needs " + MIN_OPTIONS + " to "
                        + MAX_OPTIONS + " options, got " + options.size());
            }
            if (correctOption < 1 || correctOption > options.size()) {
                throw new IllegalArgumentException("question " + id + ": correctOption must be between 1 and "
                        + options.size() + ", got " + correctOption);
            }
            if (line < 1) {
                throw new IllegalArgumentException("question " + id + ": line must be >= 1, got " + line);
            }
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
