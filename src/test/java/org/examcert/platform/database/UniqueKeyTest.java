package org.examcert.platform.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UniqueKeyTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> failures() {
        return Stream.of(
                arguments("the e-mail taken, wrapped twice", wrap(duplicate("Duplicate entry 'a@b.vn' for key 'uq_candidate_email'")), true),
                arguments("the e-mail taken, unwrapped", duplicate("(conn=7) Duplicate entry 'a@b.vn' for key 'uq_candidate_email'"), true),
                arguments("another key", wrap(duplicate("Duplicate entry '5' for key 'PRIMARY'")), false),
                arguments("a key whose name contains this one's", wrap(duplicate("Duplicate entry 'x' for key 'uq_candidate_email_2'")), false),
                arguments("a foreign key, same SQLSTATE", wrap(new SQLIntegrityConstraintViolationException(
                        "Cannot add or update a child row: uq_candidate_email", "23000", 1452)), false),
                arguments("no SQL cause", new IllegalStateException("uq_candidate_email"), false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void tellsTheNamedKeyFromAnyOtherFailure(String description, Throwable failure, boolean violated) {
        assertEquals(violated, UniqueKey.violated(failure, "uq_candidate_email"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void tellsAnyUniqueKeyFromOtherFailures(String description, Throwable failure, boolean violated) {
        boolean anyKey = violated || description.startsWith("another key") || description.startsWith("a key whose");
        assertEquals(anyKey, UniqueKey.violated(failure));
    }

    private static SQLException duplicate(String message) {
        return new SQLIntegrityConstraintViolationException(message, "23000", 1062);
    }

    private static RuntimeException wrap(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("middle", cause));
    }
}
