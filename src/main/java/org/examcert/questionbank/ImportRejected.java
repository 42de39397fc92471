package org.examcert.questionbank;

import java.util.List;

import org.examcert.platform.Problem;

/**
 * An imported file (question bank or units) was refused: carries every error found, each a
 * {@link Problem.FieldError} whose {@code field} is the place ({@code "line 12"}, {@code "row 7"},
 * {@code "row 7, column Đáp án đúng"} or {@code "file"}) and whose {@code code} is a message key.
 * Thrown before anything is saved, so an import is all or nothing.
 */
public final class ImportRejected extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public ImportRejected(List<Problem.FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /**
     * The same errors as a 422 problem for a boundary to throw, e.g. with {@code bank.import-invalid}
     * or {@code unit.import-invalid} (docs/console-api.md); the one argument is the number of errors.
     */
    public Problem toProblem(String code) {
        return new Problem(422, code, List.of(errors.size()), errors);
    }

    private static String summary(List<Problem.FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an ImportRejected needs at least one error");
        }
        StringBuilder s = new StringBuilder().append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors").append(" in imported file:");
        for (Problem.FieldError e : errors) {
            s.append("\n").append(e.field()).append(": ").append(e.code()).append(' ').append(e.args());
        }
        return s.toString();
    }
}
