package org.examcert.questionbank;

import java.util.Locale;
import java.util.Optional;

/** How hard a question is, as written in a bank file ({@code easy}, {@code medium}, {@code hard}). */
public enum Difficulty {
    EASY, MEDIUM, HARD;

    /** The value as written in a {@code .bank} file. */
    public String bankValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The difficulty for an exact bank-file value, or empty when the value is not one of them. */
    public static Optional<Difficulty> fromBankValue(String value) {
        for (Difficulty d : values()) {
            if (d.bankValue().equals(value)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
