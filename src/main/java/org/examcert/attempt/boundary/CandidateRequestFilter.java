package org.examcert.attempt.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.examcert.platform.http.RequestBodies;
import org.examcert.platform.security.Identity;
import org.examcert.platform.security.Sessions;

import java.time.Clock;

/**
 * What the servlet filters that serve a candidate's requests of the opening minute outside JAX-RS
 * ({@link AnswerSaves}, {@link StartRequests}) take from the API's own checks: the session, the
 * clock, the bound on a candidate's body, the path as JAX-RS matches it.
 */
abstract class CandidateRequestFilter extends HttpFilter {

    @Inject
    Sessions sessions;
    @Inject
    Clock clock;

    /** The largest body a candidate's call may send (RequestBodies). */
    long bodyLimit;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        bodyLimit = RequestBodies.candidateLimit();
    }

    /** The container's decoded, normalized path, as JAX-RS would match it. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** Who sends the request, as the API's session filter finds it (a cookie without the CSRF header on a change: 403). */
    Identity identify(HttpServletRequest request) {
        return sessions.identify(request.getMethod(), request.getHeader("Authorization"), Sessions.cookie(request),
                request.getHeader(Sessions.CSRF_HEADER) != null);
    }
}
