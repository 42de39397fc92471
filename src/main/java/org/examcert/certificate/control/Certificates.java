package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.certificate.Serial;
import org.examcert.candidate.control.Candidates;
import org.examcert.certificate.entity.Certificate;
import org.examcert.contest.CertificateSigning;
import org.examcert.mail.control.MailOutbox;
import org.examcert.platform.Vietnam;
import org.examcert.platform.problem.Problem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finding certificates, and turning one into its PDF and its verification address. */
@ApplicationScoped
public class Certificates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    Templates templates;

    @Inject
    MailOutbox outbox;

    @Inject
    Candidates candidates;

    @Inject
    @ConfigProperty(name = "examcert.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "examcert.certificate.issue-place", defaultValue = "Trà Vinh")
    String issuePlace;

    @Inject
    @ConfigProperty(name = "examcert.certificate.signatory-title", defaultValue = "TM. BAN TỔ CHỨC")
    String signatoryTitle;

    @Inject
    @ConfigProperty(name = "examcert.certificate.signatory-name")
    Optional<String> signatoryName;

    /** Where and by whom certificates are signed when a contest does not say: the configuration. */
    public CertificateSigning configuredSigning() {
        return new CertificateSigning(issuePlace, signatoryTitle, signatoryName.orElse(null));
    }

    public Optional<Certificate> bySerial(Serial serial) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.serial = :s", Certificate.class)
                .setParameter("s", serial.value()).getResultStream().findFirst();
    }

    public Certificate lock(Serial serial) {
        Certificate certificate = bySerial(serial).orElseThrow(() -> Problem.notFound("certificate.not-found", serial.value()));
        em.lock(certificate, LockModeType.PESSIMISTIC_WRITE);
        return certificate;
    }

    public List<Certificate> ofCandidate(long candidateId) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.candidateId = :c ORDER BY c.issuedAt DESC, c.id DESC", Certificate.class)
                .setParameter("c", candidateId).getResultList();
    }

    public List<Certificate> ofParticipation(long participationId) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.participationId = :p ORDER BY c.id", Certificate.class)
                .setParameter("p", participationId).getResultList();
    }

    public List<Certificate> ofContest(long contestId) {
        return em.createQuery("SELECT c FROM Certificate c WHERE c.contestId = :k ORDER BY c.id", Certificate.class)
                .setParameter("k", contestId).getResultList();
    }

    /** Queues the mail that carries a certificate (its PDF is rendered when the mail is sent). */
    public void mail(Certificate certificate, String recipient, String batch, java.time.Instant now) {
        CertificateMail mail = CertificateMail.of(certificate, verifyUrl(certificate.serial()));
        outbox.enqueue(recipient, mail.subject(), mail.text(), mail.html(), CertificateAttachments.reference(certificate.serial()),
                batch, now);
    }

    /**
     * Sends every valid certificate of a contest again, rendered from the current template (after a
     * template correction, say), as one batch whose progress can be followed.
     */
    public MailOutbox.Progress reissue(long contestId, java.time.Instant now) {
        String batch = "reissue-" + contestId + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (Certificate certificate : ofContest(contestId)) {
            if (certificate.status() == org.examcert.certificate.CertificateStatus.VALID) {
                mail(certificate, candidates.find(certificate.candidateId()).orElseThrow().email(), batch, now);
            }
        }
        em.flush();
        return outbox.progress(batch);
    }

    public String verifyUrl(Serial serial) {
        return publicUrl.replaceAll("/+$", "") + "/verify/" + serial.value();
    }

    public byte[] pdf(Certificate certificate) {
        return CertificateRenderer.render(templates.template(certificate.template()), values(certificate),
                verifyUrl(certificate.serial()), "Giấy chứng nhận " + certificate.serial().value());
    }

    /** What the template's placeholders stand for. */
    public Map<String, String> values(Certificate c) {
        LocalDate issued = LocalDate.ofInstant(c.issuedAt(), Vietnam.ZONE);
        Map<String, String> values = new HashMap<>();
        values.put("fullName", c.fullName());
        values.put("birthDate", DATE.format(c.birthDate()));
        values.put("unit", c.unit());
        values.put("board", c.boardName());
        values.put("contest", c.contestTitle());
        values.put("band", c.bandLabel());
        values.put("bandUpper", c.bandLabel().toUpperCase(new java.util.Locale("vi")));
        values.put("score", plain(c.score()));
        values.put("maxScore", plain(c.maxScore()));
        values.put("serial", c.serial().value());
        values.put("issueDate", DATE.format(issued));
        // what it printed at issue; the configured place for one issued before places were recorded
        values.put("issuePlace", c.issuePlace().orElse(issuePlace));
        values.put("signatoryTitle", c.signatoryTitle());
        values.put("signatoryName", c.signatoryName());
        values.put("day", String.format("%02d", issued.getDayOfMonth()));
        values.put("month", String.format("%02d", issued.getMonthValue()));
        values.put("year", String.valueOf(issued.getYear()));
        values.put("verifyUrl", verifyUrl(c.serial()));
        return values;
    }

    static String plain(java.math.BigDecimal number) {
        return number.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
