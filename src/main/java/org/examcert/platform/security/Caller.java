package org.examcert.platform.security;

import org.examcert.platform.problem.Problem;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The authenticated caller of the current request, as the session filter found it. */
@RequestScoped
public class Caller {

    private SessionToken session;
    /** A genuine token whose session was revoked: refused with a message that says so. */
    private boolean ended;

    void authenticate(SessionToken session) {
        this.session = session;
    }

    void ended() {
        this.ended = true;
    }

    private Problem unauthenticated() {
        return Problem.unauthorized(ended ? "auth.session-outdated" : "auth.required");
    }

    public Optional<SessionToken> session() {
        return Optional.ofNullable(session);
    }

    /** The calling candidate's id; 401 when nobody is logged in, 403 for staff. */
    public long candidateId() {
        SessionToken s = session().orElseThrow(this::unauthenticated);
        if (s.role() != Role.CANDIDATE) {
            throw Problem.forbidden("auth.candidates-only");
        }
        return s.subject();
    }

    /** The calling staff member's id, if their role is at least {@code minimum}. */
    public long staffId(Role minimum) {
        SessionToken s = session().orElseThrow(this::unauthenticated);
        if (!s.role().isStaff() || s.role().ordinal() < minimum.ordinal()) {
            throw Problem.forbidden("auth.forbidden");
        }
        return s.subject();
    }
}
