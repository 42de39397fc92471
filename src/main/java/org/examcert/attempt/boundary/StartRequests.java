package org.examcert.attempt.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.examcert.platform.http.NumericParams;
import org.examcert.platform.http.RequestBodies;
import org.examcert.platform.problem.ProblemMapper;
import org.examcert.platform.security.Identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * {@code POST /api/contests/{contestId}/attempts}, "Bắt đầu": the request a whole contest sends in
 * its opening minute, served by this servlet filter instead of JAX-RS, as {@link AnswerSaves} serves
 * the saves. A profile of the start under load (docs/benchmarks.md, "The opening minute") found
 * more of its CPU in Jersey's request and response processing and the {@code @Transactional}
 * interceptor around the method than in the start itself.
 * <p>
 * It serves a start with a JSON body that accepts a JSON answer, the one the candidate app sends,
 * with {@link StartResource#start}'s contract and its checks in Jersey's order: the session filter
 * (a cookie without the CSRF header, 403), the contest id (400), the body (413, 400), who calls
 * (401, 403), the device (400), then the start ({@link Starting}); every failure written by
 * {@link ProblemMapper}. Any other request passes on to JAX-RS, which
 * answers it as it always did (415, 406, a start without a body).
 */
public class StartRequests extends CandidateRequestFilter {

    private static final String PREFIX = "/api/contests/";
    private static final String ATTEMPTS = "/attempts";
    /** About a 30-question paper's JSON. */
    private static final int PAPER_BYTES = 16 * 1024;

    @Inject
    Starting starting;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contest = "POST".equals(request.getMethod()) && RequestBodies.isJson(request.getContentType())
                && acceptsJson(request.getHeader("Accept")) ? contest(path(request)) : null;
        if (contest == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Identity identity = identify(request);
            long contestId = NumericParams.wholeLong(contest, "contestId");
            StartResource.StartRequest body = RequestBodies.candidateJson(request, bodyLimit, StartResource.StartRequest.class);
            long candidate = identity.candidateId();
            String device = AttemptResource.device(request.getHeader("X-Device-Id"));
            StartResource.Answer answer = StartResource.Answer.of(starting.start(candidate, contestId,
                    body == null ? null : body.board(), device, clock.instant()));
            // written whole first: one write of a known length, not a buffer's flushes and a chunked end
            ByteArrayOutputStream json = new ByteArrayOutputStream(PAPER_BYTES);
            PaperJson.write(json, answer.body());
            response.setStatus(answer.status());
            response.setContentType("application/json");
            response.setContentLength(json.size());
            try (OutputStream out = response.getOutputStream()) {
                json.writeTo(out);
            }
        } catch (RuntimeException failure) {
            ProblemMapper.write(request, response, failure);
        }
    }

    /** The contest id when the path is exactly /api/contests/{contestId}/attempts; else null. */
    static String contest(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(ATTEMPTS) || path.length() <= PREFIX.length() + ATTEMPTS.length()) {
            return null;
        }
        String id = path.substring(PREFIX.length(), path.length() - ATTEMPTS.length());
        return id.indexOf('/') < 0 ? id : null;
    }

    /**
     * Whether an Accept header surely takes the JSON a start answers: absent, or naming JSON,
     * {@code application/*} or any type, with no quality weights. Anything else goes to JAX-RS,
     * whose content negotiation answers it (406 when nothing it accepts is JSON).
     */
    static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return !types.contains("q=") && (types.contains("application/json") || types.contains("*/*")
                || types.contains("application/*"));
    }
}
