package org.examcert.platform.files;

import java.util.List;

import org.examcert.platform.problem.Problem;

/**
 * An imported file (question bank or units) was refused: carries the first
 * {@link CappedErrors#LISTED} {@link ImportError}s found, in the file's order, and how many there
 * were in all. Thrown before anything is saved, so an import is all or nothing.
 */
public final class ImportRejected extends RuntimeException {

    private final List<ImportError> errors;
    private final int total;

    public ImportRejected(List<ImportError> errors) {
        this(capped(errors));
    }

    public ImportRejected(CappedErrors errors) {
        this(null, errors);
    }

    /** The errors of the named file (a {@code .bank} file at start-up), each then naming it. */
    public ImportRejected(String file, CappedErrors errors) {
        super(summary(errors));
        this.errors = file == null ? errors.listed() : errors.listed().stream().map(e -> e.in(file)).toList();
        this.total = errors.total();
    }

    /** The errors listed: the first {@link CappedErrors#LISTED} in the file's order. */
    public List<ImportError> errors() {
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
        return new Problem(422, code, List.of(total), errors.stream().map(ImportError::toFieldError).toList(), total);
    }

    private static CappedErrors capped(List<ImportError> errors) {
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
        for (ImportError e : errors.listed()) {
            s.append("\n").append(e);
        }
        return s.toString();
    }
}
