package org.examcert.attempt.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.StartOutcome;
import org.examcert.platform.security.Caller;

import java.time.Clock;

/** Starting an attempt at a contest, or resuming the one in progress. */
@Path("contests/{contestId}/attempts")
// one instance for all requests: a bean per request was measurable on the exam's hot path
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StartResource {

    @Inject
    Starting starting;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** @param board the board to compete in, when the registration's board is not one of the contest's */
    public record StartRequest(String board) {
    }

    public record Resumed(PaperView paper, boolean resumed, boolean tookOver) {
    }

    /** What a start answers: 201 and a new paper, or 200 and the attempt in progress. */
    record Answer(int status, Resumed body) {
        static Answer of(StartOutcome outcome) {
            // Java 17 has no pattern switch: the sealed hierarchy keeps this chain complete.
            if (outcome instanceof StartOutcome.Resumed resumed) {
                return new Answer(200, new Resumed(resumed.paper(), true, resumed.tookOver()));
            }
            return new Answer(201, new Resumed(((StartOutcome.Started) outcome).paper(), false, false));
        }
    }

    /**
     * Documents the start for OpenAPI and serves the requests that the servlet filter
     * {@link StartRequests}, which answers the usual ones first, passes on (no JSON body, an odd
     * Accept), or all of them should it ever be left out of web.xml.
     */
    @POST
    // No @Transactional: a new attempt takes none, a resume its own (Starting)
    @Operation(summary = "Start an attempt, or resume the one in progress (never a second paper)")
    public Response start(@PathParam("contestId") long contestId, @HeaderParam("X-Device-Id") String device,
                          StartRequest request) {
        long candidate = caller.candidateId();
        Answer answer = Answer.of(starting.start(candidate, contestId, request == null ? null : request.board(),
                AttemptResource.device(device), clock.instant()));
        return Response.status(answer.status()).entity(answer.body()).build();
    }

}
