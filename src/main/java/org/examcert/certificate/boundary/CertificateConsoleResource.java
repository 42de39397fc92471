package org.examcert.certificate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.certificate.Serial;
import org.examcert.certificate.control.Certificates;
import org.examcert.certificate.entity.Certificate;
import org.examcert.mail.control.MailOutbox;
import org.examcert.mail.entity.OutboxMail;
import org.examcert.certificate.CertificateAction;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Messages;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.json.StrictJson;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The organizers' certificate operations: list, revoke with a reason, resend one, re-issue a contest's in bulk. */
@Path("console/certificates")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CertificateConsoleResource {

    @Inject
    Certificates certificates;
    @Inject
    MailOutbox outbox;
    @Inject
    Event<CertificateAction> audited;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    /** A mail's delivery; {@code lastError} is a plain sentence in the reader's language, never an exception's text. */
    public record MailView(long id, String recipient, String status, int tries, String lastError, String lastFailure,
                           Instant sentAt) {
        static MailView of(OutboxMail m, Locale locale) {
            return new MailView(m.id(), m.recipient(), m.status().name(), m.tries(),
                    m.lastFailure().map(f -> Messages.format(locale, f.messageCode(), List.of())).orElse(null),
                    m.lastFailure().map(Enum::name).orElse(null), m.sentAt());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "Certificates of a contest")
    public List<CertificateView> list(@QueryParam("contest") Long contest) {
        caller.staffId(Role.ORGANIZER);
        if (contest == null) {
            throw Problem.badRequest("certificate.contest-required");
        }
        return certificates.ofContest(contest).stream().map(c -> CertificateView.of(c, certificates)).toList();
    }

    @GET
    @Path("{serial}/mails")
    @Transactional
    @Operation(summary = "The mails that carried a certificate, with their delivery state (dead letters included)")
    public List<MailView> mails(@PathParam("serial") String serial) {
        caller.staffId(Role.ORGANIZER);
        return outbox.withAttachment("certificate:" + serial(serial).value()).stream()
                .map(m -> MailView.of(m, locale())).toList();
    }

    private Locale locale() {
        return Messages.pick(headers.getAcceptableLanguages());
    }

    @POST
    @Path("{serial}/revoke")
    @Transactional
    @Operation(summary = "Revoke a certificate, with the reason shown on its verification page")
    public CertificateView revoke(@PathParam("serial") String serial, JsonObject body) {
        long staff = caller.staffId(Role.ORGANIZER);
        Certificate certificate = certificates.lock(serial(serial));
        CertificateView before = CertificateView.of(certificate, certificates);
        certificate.revoke(body == null ? null : StrictJson.text(body, "reason"), clock.instant());
        CertificateView after = CertificateView.of(certificate, certificates);
        audited.fire(new CertificateAction(staff, "certificate.revoke", "certificate:" + certificate.serial(), before, after, clock.instant()));
        return after;
    }

    @POST
    @Path("{serial}/resend")
    @Transactional
    @Operation(summary = "Send a certificate's latest mail again (also a dead letter)")
    public MailView resend(@PathParam("serial") String serial) {
        long staff = caller.staffId(Role.ORGANIZER);
        List<OutboxMail> mails = outbox.withAttachment("certificate:" + serial(serial).value());
        if (mails.isEmpty()) {
            throw Problem.notFound("certificate.not-found", serial);
        }
        OutboxMail latest = mails.get(mails.size() - 1);
        // the audit log reads in Vietnamese, as the organizing board keeps it
        MailView before = MailView.of(latest, Messages.VIETNAMESE);
        latest.requeue(clock.instant());
        audited.fire(new CertificateAction(staff, "certificate.resend", "certificate:" + serial(serial).value(), before,
                MailView.of(latest, Messages.VIETNAMESE), clock.instant()));
        return MailView.of(latest, locale());
    }

    @POST
    @Path("reissue")
    @Transactional
    @Operation(summary = "Send every valid certificate of a contest again, rendered from the current template; returns a batch to follow")
    public MailOutbox.Progress reissue(@QueryParam("contest") Long contest) {
        long staff = caller.staffId(Role.ORGANIZER);
        if (contest == null) {
            throw Problem.badRequest("certificate.contest-required");
        }
        MailOutbox.Progress batch = certificates.reissue(contest, clock.instant());
        audited.fire(new CertificateAction(staff, "certificate.reissue", "contest:" + contest, null, batch, clock.instant()));
        return batch;
    }

    @GET
    @Path("batches/{batch}")
    @Transactional
    @Operation(summary = "Progress of a bulk re-issue: mails sent, pending and dead")
    public MailOutbox.Progress progress(@PathParam("batch") String batch) {
        caller.staffId(Role.ORGANIZER);
        MailOutbox.Progress progress = outbox.progress(batch);
        if (progress.total() == 0) {
            throw Problem.notFound("certificate.batch-not-found", batch);
        }
        return progress;
    }

    private static Serial serial(String typed) {
        return Serial.parse(typed).orElseThrow(() -> Problem.notFound("certificate.not-found", typed));
    }
}
