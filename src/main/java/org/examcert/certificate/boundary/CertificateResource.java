package org.examcert.certificate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.certificate.Serial;
import org.examcert.certificate.control.Certificates;
import org.examcert.certificate.entity.Certificate;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;

import java.util.List;

/** A candidate's own certificates. */
@Path("certificates")
@RequestScoped
public class CertificateResource {

    @Inject
    Certificates certificates;
    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "My certificates, newest first (superseded and revoked ones included, marked as such)")
    public List<CertificateView> mine() {
        return certificates.ofCandidate(caller.candidateId()).stream()
                .map(c -> CertificateView.of(c, certificates)).toList();
    }

    @GET
    @Path("{serial}/pdf")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "Download one of my certificates as PDF")
    public Response pdf(@PathParam("serial") String serial) {
        long candidate = caller.candidateId();
        Certificate certificate = Serial.parse(serial).flatMap(certificates::bySerial)
                .filter(c -> c.candidateId() == candidate)
                .orElseThrow(() -> Problem.notFound("certificate.not-found", serial));
        return Response.ok(certificates.pdf(certificate), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"giay-chung-nhan-" + certificate.serial() + ".pdf\"")
                .build();
    }
}
