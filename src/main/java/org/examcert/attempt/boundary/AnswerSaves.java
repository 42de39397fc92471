package org.examcert.attempt.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.examcert.attempt.SaveOutcome;
import org.examcert.attempt.control.AnswerSaving;
import org.examcert.platform.http.AdmissionFilter;
import org.examcert.platform.http.NumericParams;
import org.examcert.platform.http.RequestBodies;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.problem.ProblemMapper;
import org.examcert.platform.security.Sessions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code PUT /api/attempts/{attemptId}/answers/{position}}: the request that thousands of candidates
 * send every few seconds, served by this servlet filter instead of JAX-RS; and
 * {@code PUT /api/attempts/{attemptId}/answers}, the same for the several answers a device queued
 * while its connection was lost ({@link AttemptResource#saveAll}). A profile of the save
 * under load showed JAX-RS routing, the per-request resource bean and JSON-B taking about three
 * times the work of the save itself (docs/benchmarks.md, "The opening minute"). The contract is the
 * one documented in OpenAPI ({@link AttemptResource#save}) and the checks are the API's own, in
 * the same order of refusal: the door ({@code AdmissionFilter}) first, the parameters (400), the
 * session ({@link Sessions#identify}, 401/403), the body ({@link RequestBodies#candidateJson}: 415,
 * 413, 400), then {@link AnswerSaving#save}; every failure is written by {@link ProblemMapper}.
 * Another method on these paths is answered 405 here, as JAX-RS would: CDI's request context is
 * not started for them (web.xml, {@code org.jboss.weld.context.mapping}; nothing here needs it, and
 * starting and ending it cost about 3 % of the save's CPU), and JAX-RS does need it. Every other
 * request under /api/attempts passes on to JAX-RS.
 */
public class AnswerSaves extends CandidateRequestFilter {

    private static final String ANSWERS = "answers";

    @Inject
    AnswerSaving saving;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String[] target = target(request);
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!"PUT".equals(request.getMethod())) {
            // JAX-RS never sees these paths: web.xml leaves CDI's request context, which it needs, off for them
            response.setHeader("Allow", "PUT");
            ProblemMapper.write(request, response, Problem.methodNotAllowed());
            return;
        }
        try {
            long attemptId = NumericParams.wholeLong(target[0], "attemptId");
            Integer position = target.length == 2 ? NumericParams.wholeInt(target[1], "position") : null;
            long candidate = identify(request).candidateId();
            String device = AttemptResource.device(request.getHeader("X-Device-Id"));
            Instant now = clock.instant();
            if (position == null) {
                AttemptResource.AnswersRequest answers = RequestBodies.candidateJson(request, bodyLimit, AttemptResource.AnswersRequest.class);
                AttemptResource.AnswersSaved saved = AttemptResource.answersSaved(
                        saving.saveAll(candidate, attemptId, AttemptResource.answers(answers), device, now), answers, now);
                write(response, body(saved));
                return;
            }
            AttemptResource.AnswerRequest answer = RequestBodies.candidateJson(request, bodyLimit, AttemptResource.AnswerRequest.class);
            CompletableFuture<SaveOutcome> saved = saving.save(candidate, attemptId, position, AttemptResource.option(answer),
                    AttemptResource.seq(answer), device, now);
            if (saved.isDone()) { // written by this thread, in a batch it wrote
                answer(request, response, saved, answer, now);
                return;
            }
            // Answered by the thread that writes the batch: no thread here waits for the commit
            AsyncContext async = request.startAsync();
            async.setTimeout(0); // the statement's own timeouts bound the wait; the container's would answer a second time
            AdmissionFilter.Permit permit = AdmissionFilter.takeOver(request);
            saved.whenComplete((outcome, failure) -> {
                try {
                    answer(request, response, saved, answer, now);
                } catch (IOException | RuntimeException gone) {
                    // the candidate's connection is gone: the answer is saved all the same, the device asks again
                } finally {
                    async.complete();
                    if (permit != null) {
                        permit.release();
                    }
                }
            });
        } catch (RuntimeException failure) {
            ProblemMapper.write(request, response, failure);
        }
    }

    /** Writes the saved answer, or the problem that refused or failed it. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, CompletableFuture<SaveOutcome> saved,
                               AttemptResource.AnswerRequest answer, Instant now) throws IOException {
        SaveOutcome outcome;
        try {
            outcome = saved.join();
        } catch (CompletionException e) {
            ProblemMapper.write(request, response, e.getCause() == null ? e : e.getCause());
            return;
        }
        write(response, body(AttemptResource.answerSaved(outcome, answer, now)));
    }

    /**
     * {attemptId, position} when the path is exactly /api/attempts/{attemptId}/answers/{position},
     * {attemptId} when it is /api/attempts/{attemptId}/answers; else null.
     */
    private static String[] target(HttpServletRequest request) {
        String path = path(request);
        String prefix = "/api/attempts/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String[] s = path.substring(prefix.length()).split("/", -1);
        if (s.length == 2 && !s[0].isEmpty() && ANSWERS.equals(s[1])) {
            return new String[]{s[0]};
        }
        return s.length == 3 && !s[0].isEmpty() && ANSWERS.equals(s[1]) && !s[2].isEmpty() ? new String[]{s[0], s[2]} : null;
    }

    /**
     * The JSON JAX-RS would write for {@link AttemptResource.AnswerSaved} or
     * {@link AttemptResource.AnswersSaved}, sent as bytes of a known length and flushed at once: the
     * answer the crowd gets most, and its members are numbers, booleans and ISO instants, which need
     * no escaping. A JSON generator over the container's writer cost about 2 % of the service's CPU
     * more (docs/capacity.md).
     */
    private static void write(HttpServletResponse response, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.US_ASCII);
        // 200 is the status a response starts with (setting it looks it up in a map on every save)
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        try (var out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** {@link AttemptResource.AnswerSaved} as JSON, its members in JSON-B's order (a null option left out, as JSON-B does). */
    static String body(AttemptResource.AnswerSaved saved) {
        StringBuilder json = new StringBuilder(96).append("{\"position\":").append(saved.position());
        if (saved.option() != null) {
            json.append(",\"option\":").append(saved.option().intValue());
        }
        return json.append(",\"seq\":").append(saved.seq()).append(",\"saved\":").append(saved.saved())
                .append(",\"serverNow\":\"").append(saved.serverNow()).append("\"}").toString();
    }

    /** {@link AttemptResource.AnswersSaved} as JSON, each answer as {@link #body(AttemptResource.AnswerSaved)} writes it. */
    static String body(AttemptResource.AnswersSaved saved) {
        StringJoiner answers = new StringJoiner(",", "{\"answers\":[", "]");
        saved.answers().forEach(answer -> answers.add(body(answer)));
        return answers + ",\"serverNow\":\"" + saved.serverNow() + "\"}";
    }
}
