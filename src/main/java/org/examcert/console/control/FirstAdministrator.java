package org.examcert.console.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.platform.security.Role;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first administrator from examcert.admin.email / .password (EXAMCERT_ADMIN_EMAIL,
 * EXAMCERT_ADMIN_PASSWORD) when no staff account exists yet. No default password ships.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    @ConfigProperty(name = "examcert.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "examcert.admin.password")
    Optional<String> password;

    @Inject
    StaffAccounts staff;

    @Inject
    Clock clock;

    @PostConstruct
    void createIfNone() {
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        if (password.get().length() < StaffAccounts.MIN_PASSWORD) {
            LOG.severe("event=admin.not-created reason=examcert.admin.password needs at least " + StaffAccounts.MIN_PASSWORD + " characters");
            return;
        }
        if (staff.count() == 0) {
            staff.create(email.get(), "Quản trị viên", Role.ADMINISTRATOR, password.get(), clock.instant());
            LOG.info(() -> "event=admin.created email=" + email.get());
        }
    }
}
