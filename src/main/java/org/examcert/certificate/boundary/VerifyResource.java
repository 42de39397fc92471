package org.examcert.certificate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.certificate.Serial;
import org.examcert.certificate.control.Certificates;
import org.examcert.platform.problem.Problem;

/** Public verification of a certificate by its serial (no login). */
@Path("verify/{serial}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    @Inject
    Certificates certificates;

    @GET
    @Operation(summary = "Is this certificate genuine? Name, contest, board, grade, issue date and status")
    public Verification verify(@PathParam("serial") String serial) {
        return Serial.parse(serial).flatMap(certificates::bySerial).map(Verification::of)
                .orElseThrow(() -> Problem.notFound("certificate.not-found", serial));
    }
}
