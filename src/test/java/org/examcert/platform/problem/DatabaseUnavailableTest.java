package org.examcert.platform.problem;

import org.examcert.platform.database.DatabaseUnavailable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class DatabaseUnavailableTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> failures() {
        return Stream.of(
                arguments("connection closed, wrapped twice", wrap(new SQLNonTransientConnectionException("(conn=4) Connection is closed")), true),
                arguments("pool could not connect", wrap(new SQLTransientConnectionException("cannot connect")), true),
                arguments("socket refused", wrap(new SQLException("Could not connect", new ConnectException("Connection refused"))), true),
                arguments("SQLSTATE 08S01", wrap(new SQLException("Communications link failure", "08S01")), true),
                arguments("duplicate key", wrap(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")), false),
                arguments("bad SQL", wrap(new SQLSyntaxErrorException("syntax", "42000")), false),
                arguments("a bug", new NullPointerException("x"), false),
                arguments("a bug with an SQL cause of another kind", wrap(new SQLException("deadlock", "40001")), false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void tellsADatabaseThatIsAwayFromABug(String description, Throwable failure, boolean away) {
        assertEquals(away, DatabaseUnavailable.explains(failure));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void theMapperAnswers503WithRetryAfterOnlyWhenTheDatabaseIsAway(String description, Throwable failure, boolean away) {
        Problem problem = ProblemMapper.asProblem(failure);
        assertEquals(away ? 503 : 500, problem.status());
        assertTrue(problem.retryAfterSeconds().isPresent() == away);
    }

    private static RuntimeException wrap(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("middle", cause));
    }
}
