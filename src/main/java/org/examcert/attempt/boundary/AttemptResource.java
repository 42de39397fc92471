package org.examcert.attempt.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.SaveOutcome;
import org.examcert.attempt.control.AnswerSaving;
import org.examcert.attempt.control.AttemptClosing;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Taking an exam: look at an attempt, save answers, submit. The browser sends a device id
 * (X-Device-Id) so that one device at a time holds an attempt.
 */
@Path("attempts")
// one instance for all requests: a bean per request was measurable on the exam's hot path
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AttemptResource {

    private static final Pattern DEVICE = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    @Inject
    AttemptClosing closing;
    @Inject
    AnswerSaving saving;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record AnswerRequest(Integer option, Long seq) {
    }

    public record AnswerSaved(int position, Integer option, long seq, boolean saved, Instant serverNow) {
    }

    /** Several answers in one request: a device's queue after a lost connection. */
    public record AnswersRequest(List<QueuedAnswer> answers) {
    }

    public record QueuedAnswer(Integer position, Integer option, Long seq) {
    }

    public record AnswersSaved(List<AnswerSaved> answers, Instant serverNow) {
    }

    @GET
    @Path("{attemptId}")
    @Transactional
    @Operation(summary = "One of my attempts: the paper and saved answers; the outcome (and review) once final")
    public PaperView get(@PathParam("attemptId") long attemptId) {
        return closing.view(caller.candidateId(), attemptId, clock.instant());
    }

    /**
     * Documents the save for OpenAPI and serves it should the servlet filter {@link AnswerSaves},
     * which answers this path first on the hot path, ever be left out of web.xml.
     */
    @PUT
    @Path("{attemptId}/answers/{position}")
    // No @Transactional: the save is one auto-committed UPDATE, atomic on its own.
    @Operation(summary = "Save (or with option null, clear) the answer to one question; idempotent, ordered by seq")
    public AnswerSaved save(@PathParam("attemptId") long attemptId, @PathParam("position") int position,
                            @HeaderParam("X-Device-Id") String device, AnswerRequest answer) {
        long candidate = caller.candidateId();
        String checkedDevice = device(device);
        Instant now = clock.instant();
        return answerSaved(saving.saveAll(candidate, attemptId,
                List.of(new AnswerSaving.Answer(position, option(answer), seq(answer))), checkedDevice, now).get(0), answer, now);
    }

    /**
     * Documents the save of several answers for OpenAPI and serves it should the servlet filter
     * {@link AnswerSaves}, which answers this path first, ever be left out of web.xml.
     */
    @PUT
    @Path("{attemptId}/answers")
    // No @Transactional: AnswerSaving writes the answers in one local transaction of its own.
    @Operation(summary = "Save several answers at once (a device's queue after a lost connection): all or none, each ordered by its seq")
    public AnswersSaved saveAll(@PathParam("attemptId") long attemptId, @HeaderParam("X-Device-Id") String device,
                                AnswersRequest request) {
        long candidate = caller.candidateId();
        String checkedDevice = device(device);
        Instant now = clock.instant();
        return answersSaved(saving.saveAll(candidate, attemptId, answers(request), checkedDevice, now), request, now);
    }

    static List<AnswerSaving.Answer> answers(AnswersRequest request) {
        if (request == null || request.answers() == null || request.answers().isEmpty()
                || request.answers().size() > AnswerSaving.MAX_ANSWERS_PER_REQUEST) {
            throw Problem.badRequest("attempt.answers-count", AnswerSaving.MAX_ANSWERS_PER_REQUEST);
        }
        List<AnswerSaving.Answer> answers = new ArrayList<>(request.answers().size());
        for (QueuedAnswer queued : request.answers()) {
            if (queued == null || queued.position() == null) {
                throw Problem.badRequest("attempt.position-missing");
            }
            if (queued.seq() == null) {
                throw Problem.badRequest("attempt.seq-invalid");
            }
            answers.add(new AnswerSaving.Answer(queued.position(), queued.option(), queued.seq()));
        }
        return answers;
    }

    static AnswersSaved answersSaved(List<SaveOutcome> outcomes, AnswersRequest request, Instant now) {
        List<AnswerSaved> saved = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            QueuedAnswer queued = request.answers().get(i);
            saved.add(answerSaved(outcomes.get(i), new AnswerRequest(queued.option(), queued.seq()), now));
        }
        return new AnswersSaved(saved, now);
    }

    static Integer option(AnswerRequest answer) {
        return answer == null ? null : answer.option();
    }

    static long seq(AnswerRequest answer) {
        if (answer == null || answer.seq() == null) {
            throw Problem.badRequest("attempt.seq-invalid");
        }
        return answer.seq();
    }

    static AnswerSaved answerSaved(SaveOutcome outcome, AnswerRequest answer, Instant now) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            return new AnswerSaved(saved.position(), saved.option(), saved.seq(), true, now);
        }
        SaveOutcome.SupersededByNewer newer = (SaveOutcome.SupersededByNewer) outcome;
        return new AnswerSaved(newer.position(), answer.option(), newer.seq(), false, now);
    }

    /** What a submit may carry: the answer to the tie-break prediction question, if the contest has one. */
    public record Submission(Integer prediction) {
    }

    @POST
    @Path("{attemptId}/submit")
    @Transactional
    @Operation(summary = "Submit: scored once, however often it is sent")
    public PaperView submit(@PathParam("attemptId") long attemptId, Submission submission) {
        // Submitted now or already final: the same view either way, so a retry or a second tab sees one result.
        return closing.submit(caller.candidateId(), attemptId, submission == null ? null : submission.prediction(),
                clock.instant()).paper();
    }

    static String device(String header) {
        if (header == null || header.isBlank()) {
            return "default";
        }
        if (!DEVICE.matcher(header).matches()) {
            throw Problem.badRequest("attempt.device-invalid");
        }
        return header;
    }
}
