package org.examcert.platform.database;

import java.sql.SQLException;

/**
 * Tells that a write failed because a row with the same value of a named unique key exists
 * (MariaDB error 1062, "Duplicate entry … for key 'name'"). A check before the write cannot see a
 * rival that commits in between (two tabs registering one e-mail), so the key is the last word and
 * its violation is the same refusal as the check's. Pure Java: it reads only the cause chain.
 */
public final class UniqueKey {

    private static final int DUPLICATE_ENTRY = 1062;

    private UniqueKey() {
    }

    /** Whether the failure is the violation of the unique key with this name. */
    public static boolean violated(Throwable failure, String key) {
        SQLException duplicate = duplicate(failure);
        return duplicate != null && duplicate.getMessage() != null && duplicate.getMessage().contains("'" + key + "'");
    }

    /** Whether the failure is the violation of any unique key (for the refusal of a race no check named). */
    public static boolean violated(Throwable failure) {
        return duplicate(failure) != null;
    }

    private static SQLException duplicate(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
