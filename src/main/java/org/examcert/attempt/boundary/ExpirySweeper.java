package org.examcert.attempt.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.examcert.attempt.control.AttemptClosing;
import org.examcert.platform.database.DatabaseWatch;
import org.examcert.platform.database.OwnTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finalizes attempts whose time (and grace) ran out, also when the candidate never comes back.
 * Safe with several instances: each attempt is taken with FOR UPDATE SKIP LOCKED, in a transaction
 * of its own, so one failing attempt never holds back the others.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class ExpirySweeper {

    private static final Logger LOG = Logger.getLogger(ExpirySweeper.class.getName());
    private static final int BATCH = 200;

    @Inject
    AttemptClosing closing;

    @Inject
    Clock clock;

    @Inject
    DatabaseWatch database;

    @Resource
    UserTransaction transaction;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void sweep() {
        if (!database.isSettled()) {
            return; // an outage's time is given back before anything expires on it
        }
        Instant now = clock.instant();
        int expired = 0;
        for (long attemptId : closing.overdue(now, BATCH)) {
            try {
                if (OwnTransaction.run(transaction, () -> closing.expireIfOverdue(attemptId, now))) {
                    expired++;
                }
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "event=attempt.expiry-failed attempt=" + attemptId, e);
            }
        }
        if (expired > 0) {
            int count = expired;
            LOG.info(() -> "event=attempts.expired count=" + count);
        }
    }
}
