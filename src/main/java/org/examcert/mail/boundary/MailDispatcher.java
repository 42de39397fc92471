package org.examcert.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.examcert.mail.control.MailOutbox;
import org.examcert.platform.database.OwnTransaction;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox every few seconds: each due mail in a transaction of its own, under its row
 * lock, so several instances may run this at once without sending a mail twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    @Inject
    MailOutbox outbox;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void dispatch() {
        for (long id : outbox.due(clock.instant(), 100)) {
            try {
                // on failure the mail stays pending for the next round
                OwnTransaction.run(transaction, () -> outbox.sendIfDue(id, clock.instant()));
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "event=mail.dispatch-failed id=" + id, e);
            }
        }
    }
}
