package org.examcert.platform.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Tells a failure caused by the database being away (restarting, unreachable, its connections cut)
 * from a real error, so that callers get 503 + Retry-After and try again instead of a 500. Pure
 * Java: it reads only the cause chain.
 */
public final class DatabaseUnavailable {

    /** What clients are told to wait: the pool revalidates connections every 2 s and the watch pings every second. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    public static boolean explains(Throwable failure) {
        return Causes.find(failure, DatabaseUnavailable::away) != null;
    }

    private static boolean away(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true; // SQLSTATE class 08: connection exception
        }
        // The container's pool could not hand out a connection (it failed to open one); it names
        // itself only by its resource-adapter type, which this pure class must not import.
        return t.getClass().getName().startsWith("jakarta.resource.") || t.getClass().getName().contains("PoolingException");
    }
}
