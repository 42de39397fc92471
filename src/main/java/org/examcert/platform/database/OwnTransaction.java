package org.examcert.platform.database;

import jakarta.transaction.UserTransaction;

import java.util.concurrent.Callable;

/**
 * Runs one unit of work in a transaction of its own, for the start-up and timer beans that manage
 * transactions themselves (one bad item must not roll back the others): commit, or roll back and
 * rethrow.
 */
public final class OwnTransaction {

    private OwnTransaction() {
    }

    public static <T> T run(UserTransaction transaction, Callable<T> work) throws Exception {
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            // an Error too: a transaction left on a pooled request thread would be the next request's
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // already rolled back (a failed commit does that); nothing was committed either way
            }
            throw e;
        }
    }
}
