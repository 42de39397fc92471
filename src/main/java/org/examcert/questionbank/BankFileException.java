package org.examcert.questionbank;

import java.util.List;

/**
 * A {@code .bank} file is invalid; carries the first {@link CappedErrors#LISTED} errors by line, each
 * as {@code fileName:line: message}, and how many there were in all.
 */
public final class BankFileException extends RuntimeException {

    private final List<String> errors;
    private final int total;

    public BankFileException(List<String> errors) {
        this(errors, errors == null ? 0 : errors.size());
    }

    public BankFileException(List<String> errors, int total) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    public List<String> errors() {
        return errors;
    }

    /** How many errors the file has, listed or not. */
    public int total() {
        return total;
    }

    private static String summary(List<String> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a BankFileException needs at least one error");
        }
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in bank file:\n"
                + String.join("\n", errors);
    }
}
