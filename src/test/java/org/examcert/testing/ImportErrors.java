package org.examcert.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;

import org.examcert.platform.problem.Messages;
import org.examcert.platform.files.ImportError;
import org.examcert.platform.files.ImportRejected;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the errors of a refused import. */
public final class ImportErrors {

    private ImportErrors() {
    }

    /**
     * Runs the import, expects it refused, and compares its errors as {@code "place | code"}
     * lines; also checks that every error reads as a sentence in Vietnamese and English.
     */
    public static List<ImportError> assertRejected(List<String> expected, Executable importing) {
        ImportRejected rejected = assertThrows(ImportRejected.class, importing);
        List<String> actual = rejected.errors().stream().map(e -> e.field() + " | " + e.code()).toList();
        assertEquals(expected, actual);
        for (ImportError e : rejected.errors()) {
            for (Locale locale : List.of(Messages.VIETNAMESE, Locale.ENGLISH)) {
                String message = Messages.format(locale, e.code(), e.args());
                assertNotEquals(e.code(), message, "message for " + e.code() + " in " + locale);
                assertFalse(message.matches(".*\\{\\d.*"), "unformatted argument in " + message);
            }
        }
        return rejected.errors();
    }
}
