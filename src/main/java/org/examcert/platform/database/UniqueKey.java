package org.examcert.platform.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Tells that a write failed because a row with the same value of a named unique key exists
 * (MariaDB error 1062, "Duplicate entry … for key 'name'"). A check before the write cannot see a
 * rival that commits in between (two tabs registering one e-mail), so the key is the last word and
 * its violation is the same refusal as the check's.
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

    /**
     * Flushes what the persistence context holds; should the unique key {@code key} refuse it (a
     * rival wrote the same value since the check), throws {@code refusal}, the check's own.
     */
    public static void flush(EntityManager em, String key, Supplier<? extends RuntimeException> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (violated(e, key)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    private static SQLException duplicate(Throwable failure) {
        return (SQLException) Causes.find(failure, t -> t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY);
    }
}
