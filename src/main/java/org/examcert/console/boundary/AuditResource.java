package org.examcert.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.grading.control.ScoreAudit;
import org.examcert.platform.security.Caller;
import org.examcert.platform.security.Role;

/** Checks an organizer can run at any time to trust the results. */
@Path("console/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    ScoreAudit scores;
    @Inject
    Caller caller;

    @GET
    @Path("scores")
    @Operation(summary = "Recompute every graded attempt's score from its stored answers; lists any mismatch")
    public ScoreAudit.Report scores() {
        caller.staffId(Role.ORGANIZER);
        return scores.run();
    }
}
