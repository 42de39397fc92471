package org.examcert.questionbank;

import java.util.List;

import org.examcert.platform.Problem;

/**
 * An imported file (question bank or units) was refused: carries the first
 * {@link CappedErrors#LISTED} errors found and how many there were in all, each a
 * {@link Problem.FieldError} whose {@code field} is the place ({@code "line 12"}, {@code "row 7"},
 * {@code "row 7, column Đáp án đúng"} or {@code "file"}) and whose {@code code} is a message key.
 * Thrown before anything is saved, so an import is all or nothing.
 */
public final class ImportRejected extends RuntimeException {

    private final List<Problem.FieldError> errors;
    private final int total;

    public ImportRejected(List<Problem.FieldError> errors) {
        this(capped(errors));
    }

    public ImportRejected(CappedErrors errors) {
        super(summary(errors));
        this.errors = errors.listed();
        this.total = errors.total();
    }

    /** The errors listed: the first {@link CappedErrors#LISTED} in the file's order. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** How many errors the file has, listed or not. */
    public int total() {
        return total;
    }

    /**
     * The same errors as a 422 problem for a boundary to throw, e.g. with {@code bank.import-invalid}
     * or {@code unit.import-invalid} (docs/console-api.md); the one argument is the number of errors.
     */
    public Problem toProblem(String code) {
        return new Problem(422, code, List.of(total), errors, total);
    }

    private static CappedErrors capped(List<Problem.FieldError> errors) {
        CappedErrors capped = new CappedErrors();
        if (errors != null) {
            errors.forEach(capped::add);
        }
        return capped;
    }

    private static String summary(CappedErrors errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an ImportRejected needs at least one error");
        }
        StringBuilder s = new StringBuilder().append(errors.total())
                .append(errors.total() == 1 ? " error" : " errors").append(" in imported file:");
        for (Problem.FieldError e : errors.listed()) {
            s.append("\n").append(e.field()).append(": ").append(e.code()).append(' ').append(e.args());
        }
        return s.toString();
    }
}
