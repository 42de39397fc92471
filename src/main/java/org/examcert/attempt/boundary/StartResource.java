package org.examcert.attempt.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.examcert.attempt.control.AttemptStarts;
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
    AttemptStarts starts;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** @param board the board to compete in, when the registration's board is not one of the contest's */
    public record StartRequest(String board) {
    }

    public record Resumed(PaperView paper, boolean resumed, boolean tookOver) {
    }

    @POST
    @Transactional
    @Operation(summary = "Start an attempt, or resume the one in progress (never a second paper)")
    public Response start(@PathParam("contestId") long contestId, @HeaderParam("X-Device-Id") String device,
                          StartRequest request) {
        long candidate = caller.candidateId();
        StartOutcome outcome = starts.start(candidate, contestId, request == null ? null : request.board(),
                AttemptResource.device(device), clock.instant());
        // Java 17 has no pattern switch: the sealed hierarchy keeps this chain complete.
        if (outcome instanceof StartOutcome.Resumed resumed) {
            return Response.ok(new Resumed(resumed.paper(), true, resumed.tookOver())).build();
        }
        return Response.status(201).entity(new Resumed(((StartOutcome.Started) outcome).paper(), false, false)).build();
    }

}
