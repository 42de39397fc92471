package org.examcert.platform.security;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every ten minutes, forgets failed log-ins that no longer count (one indexed DELETE, any instance). */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class LoginThrottleSweeper {

    private static final Logger LOG = Logger.getLogger(LoginThrottleSweeper.class.getName());

    @Inject
    LoginThrottling throttling;
    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int purged = throttling.purge(clock.instant());
            if (purged > 0) {
                LOG.fine(() -> "event=login-throttle.purged rows=" + purged);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=login-throttle.purge-failed", e);
        }
    }
}
