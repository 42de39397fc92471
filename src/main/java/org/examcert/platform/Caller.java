package org.examcert.platform;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The authenticated caller of the current request, as the session filter found it. */
@RequestScoped
public class Caller {

    private SessionToken session;

    void authenticate(SessionToken session) {
        this.session = session;
    }

    public Optional<SessionToken> session() {
        return Optional.ofNullable(session);
    }

    /** The calling candidate's id; 401 when nobody is logged in, 403 for staff. */
    public long candidateId() {
        SessionToken s = session().orElseThrow(() -> Problem.unauthorized("auth.required"));
        if (s.role() != Role.CANDIDATE) {
            throw Problem.forbidden("auth.candidates-only");
        }
        return s.subject();
    }

    /** The calling staff member's id, if their role is at least {@code minimum}. */
    public long staffId(Role minimum) {
        SessionToken s = session().orElseThrow(() -> Problem.unauthorized("auth.required"));
        if (!s.role().isStaff() || s.role().ordinal() < minimum.ordinal()) {
            throw Problem.forbidden("auth.forbidden");
        }
        return s.subject();
    }
}
