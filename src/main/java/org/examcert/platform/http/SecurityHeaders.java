package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import org.examcert.platform.problem.ProblemMapper;
import org.examcert.platform.problem.Messages;
import org.examcert.platform.security.SessionToken;
import org.examcert.platform.security.Sessions;
import org.examcert.platform.security.SigningKey;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;

/**
 * The one place for response headers that protect the browser apps and the API: a strict
 * Content-Security-Policy (both apps load only their own scripts, styles and data: icons; no
 * inline code), no MIME sniffing, no referrer, no framing, HSTS behind HTTPS, no caching of API
 * answers (they carry sessions and personal data), and a {@code Server} header without a version.
 * It also keeps the container's metrics ({@code /metrics}: heap, threads) for staff sessions only.
 * Declared in web.xml, which sets the order of the filters.
 */
public class SecurityHeaders extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Inject
    SigningKey signingKey;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "examcert.session.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the decoded, normalized path the container maps (not the raw URI: /%6Detrics is /metrics too)
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // set before the chain: a page with its own policy (the verification page) replaces it
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Server", "examcert");
        if (secureCookie) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (metrics(request, path)) {
            Optional<SessionToken> session = session(request);
            if (session.map(s -> !s.role().isStaff()).orElse(true)) {
                refuse(request, response, session.isPresent());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the request goes to Payara's metrics: by the servlet the container chose (whatever
     * the spelling of the address: /%6Detrics, /metrics;x), or by its path.
     */
    private static boolean metrics(HttpServletRequest request, String path) {
        String servlet = request.getHttpServletMapping() == null ? null : request.getHttpServletMapping().getServletName();
        return (servlet != null && servlet.startsWith("microprofile-metrics"))
                || path.equals("/metrics") || path.startsWith("/metrics/");
    }

    private Optional<SessionToken> session(HttpServletRequest request) {
        return SessionToken.verify(token(request), signingKey.bytes(), clock.instant());
    }

    /** The session token as the API takes it: a bearer token, or the session cookie. */
    private static String token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length()).trim();
        }
        return Sessions.cookie(request);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean session) throws IOException {
        Problem problem = session ? Problem.forbidden("auth.forbidden") : Problem.unauthorized("auth.required");
        response.setHeader("Cache-Control", "no-store");
        ProblemMapper.send(response, problem, ProblemMapper.body(problem, Messages.pick(Collections.list(request.getLocales())),
                request.getRequestURI()));
    }
}
