package org.examcert.attempt.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.examcert.attempt.control.TimeCredits;
import org.examcert.platform.database.DatabaseOutage;

import java.time.Clock;

/**
 * When the database is back after an outage, gives its time back to the attempts that were running
 * through it, in a transaction of its own; a failure is thrown back to the watch, which tries again.
 */
@ApplicationScoped
public class OutageCompensation {

    @Inject
    TimeCredits credits;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void onDatabaseBack(@Observes DatabaseOutage outage) {
        credits.giveBack(outage, clock.instant());
    }
}
