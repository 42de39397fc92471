package org.examcert.grading.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.grading.control.Results;
import org.examcert.platform.security.Caller;

/** My result in a contest. */
@Path("contests/{contestId}/result")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    @Inject
    Results results;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "My attempts in a contest, the official one, its band, and whether the round is completed")
    public Results.Standing mine(@PathParam("contestId") long contestId) {
        return results.standing(caller.candidateId(), contestId);
    }
}
