package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.control.Attempts;
import org.examcert.attempt.entity.Participation;
import org.examcert.candidate.control.Candidates;
import org.examcert.candidate.entity.Candidate;
import org.examcert.certificate.CertificateStatus;
import org.examcert.certificate.Serial;
import org.examcert.certificate.entity.Certificate;
import org.examcert.contest.ContestRules;
import org.examcert.contest.GradingBandTable;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.grading.BandReached;
import org.examcert.mail.control.MailOutbox;

import java.util.List;
import java.util.logging.Logger;

/**
 * Issues a certificate when a candidate's result reaches a passing band higher than before: in the
 * grading transaction (so no earned certificate is missed), once per band (a unique key), with
 * the earlier certificate superseded, and its mail queued in the same transaction.
 */
@ApplicationScoped
public class CertificateIssuer {

    private static final Logger LOG = Logger.getLogger(CertificateIssuer.class.getName());
    static final String TEMPLATE = "default";

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    ContestCatalog catalog;
    @Inject
    Candidates candidates;
    @Inject
    Attempts attempts;
    @Inject
    Certificates certificates;
    @Inject
    MailOutbox outbox;

    void onBandReached(@Observes BandReached reached) {
        PublishedContest contest = catalog.current(catalog.require(reached.contestId()));
        ContestRules rules = contest.rules();
        if (!rules.certificates()) {
            return;
        }
        GradingBandTable bands = rules.bands();
        List<Certificate> earlier = certificates.ofParticipation(reached.participationId());
        boolean alreadyAsHigh = earlier.stream().filter(c -> c.status() != CertificateStatus.REVOKED)
                .anyMatch(c -> bands.rank(c.band()) >= bands.rank(reached.band()));
        if (alreadyAsHigh) {
            return;
        }
        Candidate candidate = candidates.find(reached.candidateId()).orElseThrow();
        Participation participation = attempts.participation(reached.candidateId(), reached.contestId()).orElseThrow();
        String boardName = contest.board(participation.boardCode()).map(PublishedContest.Board::name).orElse(participation.boardCode());
        Certificate certificate = new Certificate(Serial.random(), new Certificate.Facts(reached.participationId(),
                candidate.id(), reached.contestId(), reached.officialAttemptId(), reached.band(),
                bands.band(reached.band()).labelVi(), reached.score(), reached.maxScore(), candidate.fullName(),
                candidate.birthDate(), candidate.unit(), boardName, contest.title(), TEMPLATE), reached.now());
        earlier.stream().filter(c -> c.status() == CertificateStatus.VALID).forEach(c -> c.supersede(certificate.serial()));
        em.persist(certificate);
        CertificateMail mail = CertificateMail.of(certificate, certificates.verifyUrl(certificate.serial()));
        outbox.enqueue(candidate.email(), mail.subject(), mail.text(), mail.html(),
                CertificateAttachments.reference(certificate.serial()), reached.now());
        LOG.info(() -> "event=certificate.issued serial=" + certificate.serial() + " band=" + reached.band()
                + " candidate=" + candidate.id() + " contest=" + reached.contestId());
    }
}
