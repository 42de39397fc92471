package org.examcert.questionbank;

import java.util.List;

/** A {@code .bank} file is invalid; carries every error found, each as {@code fileName:line: message}. */
public final class BankFileException extends RuntimeException {

    private final List<String> errors;

    public BankFileException(List<String> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }

    private static String summary(List<String> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a BankFileException needs at least one error");
        }
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in bank file:\n"
                + String.join("\n", errors);
    }
}
