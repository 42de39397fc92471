package org.examcert.platform.security;

import org.examcert.platform.problem.Problem;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The authenticated caller of the current request, as the session filter found it. */
@RequestScoped
public class Caller {

    private Identity identity = Identity.ANONYMOUS;

    void identified(Identity identity) {
        this.identity = identity;
    }

    public Optional<SessionToken> session() {
        return identity.live();
    }

    /** The calling candidate's id; 401 when nobody is logged in, 403 for staff. */
    public long candidateId() {
        return identity.candidateId();
    }

    /** The calling staff member's id, if their role is at least {@code minimum}. */
    public long staffId(Role minimum) {
        return identity.staffId(minimum);
    }
}
