package org.examcert.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;

/**
 * Tells a transaction the database gave up on because of another one (InnoDB chose it as a
 * deadlock's victim, SQLSTATE class 40, or a lock wait timed out, error 1205) from a real error.
 * Nothing of it was kept, so the request may simply be made again: callers get 503 + Retry-After
 * instead of a 500. Pure Java: it reads only the cause chain.
 */
public final class DatabaseConflict {

    /** A moment: the other transaction has usually committed by then. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private DatabaseConflict() {
    }

    public static boolean explains(Throwable failure) {
        return Causes.find(failure, t -> t instanceof SQLTransactionRollbackException || t instanceof SQLException sql
                && (sql.getSQLState() != null && sql.getSQLState().startsWith("40") || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)) != null;
    }
}
