package org.examcert.platform.security;

import org.examcert.platform.problem.Problem;

import java.util.Optional;

/**
 * Who calls, as the request's session token says: nobody, a live session, or a genuine token whose
 * session was ended (log-out, revocation), which is refused with a message that says so.
 */
public record Identity(SessionToken session, boolean ended) {

    public static final Identity ANONYMOUS = new Identity(null, false);

    public Identity {
        if (session != null && ended) {
            throw new IllegalArgumentException("a live session is not an ended one");
        }
    }

    public static Identity of(SessionToken session) {
        return new Identity(java.util.Objects.requireNonNull(session), false);
    }

    public static Identity endedSession() {
        return new Identity(null, true);
    }

    public Optional<SessionToken> live() {
        return Optional.ofNullable(session);
    }

    private Problem unauthenticated() {
        return Problem.unauthorized(ended ? "auth.session-outdated" : "auth.required");
    }

    /** The calling candidate's id; 401 when nobody is logged in, 403 for staff. */
    public long candidateId() {
        SessionToken s = live().orElseThrow(this::unauthenticated);
        if (s.role() != Role.CANDIDATE) {
            throw Problem.forbidden("auth.candidates-only");
        }
        return s.subject();
    }

    /** The calling staff member's id, if their role is at least {@code minimum}. */
    public long staffId(Role minimum) {
        SessionToken s = live().orElseThrow(this::unauthenticated);
        if (!s.role().isStaff() || s.role().ordinal() < minimum.ordinal()) {
            throw Problem.forbidden("auth.forbidden");
        }
        return s.subject();
    }
}
