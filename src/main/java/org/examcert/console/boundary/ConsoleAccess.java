package org.examcert.console.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.examcert.console.entity.StaffAccount;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;

/**
 * A staff session is a signed token that names a role; an administrator may since have disabled
 * the account or changed its role. Every staff request is checked against the account as stored,
 * so such a change takes effect at once rather than when the token expires.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ConsoleAccess implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.session().filter(s -> s.role().isStaff()).ifPresent(session -> {
            StaffAccount account = em.find(StaffAccount.class, session.subject());
            if (account == null || !account.active() || account.role() != session.role()) {
                throw Problem.unauthorized("auth.session-outdated");
            }
        });
    }
}
