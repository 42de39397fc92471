package org.examcert.platform.security;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, one small indexed query brings the revocations committed on other instances into this
 * instance's cache of session generations, so no authenticated request pays a round trip for them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class SessionRevocationWatch {

    private static final Logger LOG = Logger.getLogger(SessionRevocationWatch.class.getName());

    @Inject
    SessionGenerations generations;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        try {
            generations.applyRecentRevocations();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=sessions.revocation-poll-failed", e);
        }
    }
}
