package org.examcert.platform.problem;

import org.examcert.platform.database.DatabaseConflict;
import org.examcert.platform.database.DatabaseUnavailable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
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
                arguments("a duplicate key", wrap(new SQLIntegrityConstraintViolationException("Duplicate entry 'x' for key 'uq_contest_code'", "23000", 1062)), false),
                arguments("bad SQL", wrap(new SQLSyntaxErrorException("syntax", "42000")), false),
                arguments("a bug", new NullPointerException("x"), false),
                arguments("a deadlock's victim, rolled back", wrap(new SQLTransactionRollbackException("Deadlock found", "40001", 1213)), false),
                arguments("a lock wait timed out", wrap(new SQLException("Lock wait timeout exceeded", "HY000", 1205)), false),
                arguments("a bug with an SQL cause of another kind", wrap(new SQLException("Data too long", "22001", 1406)), false));
    }

    /** Rolled back for another transaction's sake: nothing was kept, so the request may be made again. */
    private static boolean conflict(String description) {
        return description.startsWith("a deadlock") || description.startsWith("a lock wait");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void tellsATransactionRolledBackForAnotherFromABug(String description, Throwable failure, boolean away) {
        assertEquals(conflict(description), DatabaseConflict.explains(failure));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void tellsADatabaseThatIsAwayFromABug(String description, Throwable failure, boolean away) {
        assertEquals(away, DatabaseUnavailable.explains(failure));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void theMapperAnswers503WithRetryAfterOnlyWhenTheDatabaseIsAwayOrChoseAnotherTransactionAnd409ForARivalsKey(String description, Throwable failure, boolean away) {
        Problem problem = ProblemMapper.asProblem(failure);
        boolean retry = away || conflict(description);
        boolean taken = description.equals("a duplicate key");
        assertEquals(retry ? 503 : taken ? 409 : 500, problem.status());
        assertEquals(away ? "service.reconnecting" : conflict(description) ? "database.conflict"
                : taken ? "data.taken-meanwhile" : "server.error", problem.code());
        assertTrue(problem.retryAfterSeconds().isPresent() == retry);
    }

    private static RuntimeException wrap(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("middle", cause));
    }
}
