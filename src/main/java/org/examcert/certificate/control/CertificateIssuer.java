package org.examcert.certificate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.control.AttemptRecords;
import org.examcert.attempt.entity.Participation;
import org.examcert.candidate.control.Candidates;
import org.examcert.candidate.entity.Candidate;
import org.examcert.certificate.CertificateStatus;
import org.examcert.certificate.Serial;
import org.examcert.certificate.entity.Certificate;
import org.examcert.contest.CertificateIssue;
import org.examcert.contest.ContestClosed;
import org.examcert.contest.ContestPublishing;
import org.examcert.contest.ContestRules;
import org.examcert.contest.GradingBandTable;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.grading.BandReached;
import org.examcert.grading.entity.Result;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Instant;

import java.util.List;
import java.util.logging.Logger;

/**
 * Issues certificates: when a candidate's result reaches a passing band higher than before (in the
 * grading transaction, so no earned certificate is missed), or, for contests that issue at close,
 * for each candidate's final band when the contest closes. Once per band (a unique key), with the
 * earlier certificate superseded, and the mail queued in the same transaction.
 */
@ApplicationScoped
public class CertificateIssuer {

    private static final Logger LOG = Logger.getLogger(CertificateIssuer.class.getName());

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    ContestCatalog catalog;
    @Inject
    Candidates candidates;
    @Inject
    AttemptRecords attempts;
    @Inject
    Certificates certificates;
    @Inject
    Templates templates;

    void onBandReached(@Observes BandReached reached) {
        PublishedContest contest = catalog.current(catalog.require(reached.contestId()));
        if (contest.rules().certificates() == CertificateIssue.ON_PASS) {
            issue(contest, reached.participationId(), reached.candidateId(), reached.officialAttemptId(), reached.band(),
                    reached.score(), reached.maxScore(), reached.now());
        }
    }

    /** Contests that issue at close: one certificate per candidate, for their final band, if it passes. */
    void onClosed(@Observes ContestClosed closed) {
        PublishedContest contest = catalog.version(closed.contestId(), catalog.require(closed.contestId()).version());
        ContestRules rules = contest.rules();
        if (rules.certificates() != CertificateIssue.AT_CLOSE) {
            return;
        }
        int issued = 0;
        for (Object[] row : em.createQuery("SELECT r, p FROM Result r, Participation p WHERE r.participationId = p.id"
                + " AND p.contestId = :c ORDER BY p.id", Object[].class).setParameter("c", closed.contestId()).getResultList()) {
            Result result = (Result) row[0];
            Participation participation = (Participation) row[1];
            if (rules.bands().reaches(result.band(), rules.passingBand())
                    && issue(contest, participation.id(), participation.candidateId(), result.officialAttemptId(),
                    result.band(), result.officialScore(), result.maxScore(), closed.now())) {
                issued++;
            }
        }
        int count = issued;
        LOG.info(() -> "event=certificates.issued-at-close contest=" + closed.contestId() + " count=" + count);
    }

    /** A contest that issues certificates must have a template that loads. */
    void onPublishing(@Observes ContestPublishing publishing) {
        ContestRules rules = publishing.contest().rules();
        if (rules.certificates() == CertificateIssue.NONE) {
            return;
        }
        try {
            templates.template(rules.certificateTemplate());
        } catch (RuntimeException e) {
            throw Problem.unprocessable("contest.certificate-template-unknown", rules.certificateTemplate(), e.getMessage());
        }
    }

    /**
     * Issues the certificate of one band unless one as high (not revoked) exists; supersedes the
     * lower one and queues the mail. Returns whether it issued.
     */
    private boolean issue(PublishedContest contest, long participationId, long candidateId, long attemptId, String band,
                          BigDecimal score, BigDecimal maxScore, Instant now) {
        GradingBandTable bands = contest.rules().bands();
        List<Certificate> earlier = certificates.ofParticipation(participationId);
        boolean alreadyAsHigh = earlier.stream().filter(c -> c.status() != CertificateStatus.REVOKED)
                .anyMatch(c -> bands.rank(c.band()) >= bands.rank(band));
        if (alreadyAsHigh) {
            return false;
        }
        Candidate candidate = candidates.find(candidateId).orElseThrow();
        Participation participation = attempts.participation(candidateId, contest.contestId()).orElseThrow();
        String boardName = contest.board(participation.boardCode()).map(PublishedContest.Board::name).orElse(participation.boardCode());
        Certificate certificate = new Certificate(Serial.random(), new Certificate.Facts(participationId, candidateId,
                contest.contestId(), attemptId, band, bands.band(band).labelVi(), score, maxScore, candidate.fullName(),
                candidate.birthDate(), candidate.unit(), boardName, contest.title(), contest.rules().certificateTemplate(),
                catalog.certificateSigning(contest.contestId()).orElse(certificates.configuredSigning())), now);
        earlier.stream().filter(c -> c.status() == CertificateStatus.VALID).forEach(c -> c.supersede(certificate.serial()));
        em.persist(certificate);
        certificates.mail(certificate, candidate.email(), null, now);
        LOG.info(() -> "event=certificate.issued serial=" + certificate.serial() + " band=" + band
                + " candidate=" + candidateId + " contest=" + contest.contestId());
        return true;
    }
}
