package org.examcert.platform.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * While the database is away, a request fails at once into 503 + Retry-After (the app retries by
 * itself) instead of EclipseLink's default: three more tries a second apart, each after checking
 * the connection's health, which hold a request thread for seconds. The pool, not EclipseLink,
 * replaces dead connections (see {@link Database}).
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
