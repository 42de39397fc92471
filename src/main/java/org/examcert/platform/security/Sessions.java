package org.examcert.platform.security;

import org.examcert.platform.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * Issues sessions as HttpOnly, SameSite=Strict cookies (the browser app) that are also accepted as
 * bearer tokens (other clients), and recognizes them on every request: a token counts only while it
 * names its account's current session generation ({@link SessionGenerations}, cached), so log-out
 * and revocation end it at once although it is self-contained.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class Sessions implements ContainerRequestFilter {

    public static final String COOKIE = "examcert_session";

    @Inject
    Clock clock;
    @Inject
    SigningKey signingKey;
    @Inject
    Caller caller;
    @Inject
    SessionGenerations generations;

    @Inject
    @ConfigProperty(name = "examcert.session.hours", defaultValue = "12")
    int sessionHours;

    @Inject
    @ConfigProperty(name = "examcert.session.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    /** The header the browser app sends with every state-changing call; a cross-site form cannot set it. */
    public static final String CSRF_HEADER = "X-Examcert-Csrf";

    private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        caller.identified(identify(request.getMethod(), request.getHeaderString(HttpHeaders.AUTHORIZATION),
                cookie == null ? null : cookie.getValue(), request.getHeaderString(CSRF_HEADER) != null));
    }

    /**
     * Who sends a request with this Authorization header and session cookie: a bearer token first,
     * else the cookie, which a state-changing call must back with the CSRF header. Used by the JAX-RS
     * filter above and by the servlet that saves answers ({@code attempt.boundary.AnswerSaves}).
     */
    public Identity identify(String method, String authorization, String cookie, boolean csrfHeader) {
        String token = null;
        if (authorization != null && authorization.startsWith("Bearer ")) {
            token = authorization.substring("Bearer ".length()).trim();
        } else if (cookie != null && !cookie.isEmpty()) {
            // The cookie is sent by the browser on its own; demand proof that our page made the call.
            if (!SAFE.contains(method) && !csrfHeader) {
                throw Problem.forbidden("auth.csrf-header-missing");
            }
            token = cookie;
        }
        return SessionToken.verify(token, signingKey.bytes(), clock.instant())
                .map(session -> session.generation() == generations.current(session.role(), session.subject())
                        ? Identity.of(session) : Identity.endedSession())
                .orElse(Identity.ANONYMOUS);
    }

    /** The session cookie's value in a servlet request (outside JAX-RS), or null. */
    public static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** A new session for a person who just proved who they are. */
    public Issued open(Role role, long subject) {
        SessionToken session = SessionToken.issue(role, subject, generations.fresh(role, subject), clock.instant(),
                Duration.ofHours(sessionHours));
        String token = session.sign(signingKey.bytes());
        return new Issued(token, session, cookie(token, sessionHours * 3600));
    }

    /**
     * Ends every session of this account, on every instance (log-out, a password reset, disabling or
     * re-roling): one account's sessions share a generation, so log-out ends them on all devices.
     */
    public void revokeAll(Role role, long subject) {
        generations.revoke(role, subject);
    }

    /** The cookie that ends the browser's session. */
    public NewCookie closed() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    public record Issued(String token, SessionToken session, NewCookie cookie) {
    }
}
