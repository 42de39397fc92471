package org.examcert.attempt.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.attempt.control.AttemptHistory;
import org.examcert.platform.security.Caller;
import org.examcert.platform.security.Role;

import java.time.Instant;
import java.util.List;

/** One attempt as organizers review it: its history (device take-overs, time given back after an outage, expiry, flags). */
@Path("console/attempts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AttemptConsoleResource {

    @Inject
    AttemptHistory history;
    @Inject
    Caller caller;

    public record Entry(Instant at, String kind, String detail) {
    }

    @GET
    @Path("{id}/history")
    @Transactional
    @Operation(summary = "An attempt's history: device take-overs, time given back after an outage, expiry, integrity flags")
    public List<Entry> history(@PathParam("id") long attemptId) {
        caller.staffId(Role.ORGANIZER);
        return history.of(attemptId).stream().map(e -> new Entry(e.at(), e.kind(), e.detail())).toList();
    }
}
