package org.examcert.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.examcert.certificate.CertificateStatus;
import org.examcert.certificate.Serial;
import org.examcert.contest.CertificateSigning;
import org.examcert.platform.problem.Problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate. What it certifies (name as registered, unit, board, contest, band, score) is
 * copied at issue and never changes; only its status does.
 * Its length (about 250 lines) is mostly the copied fields and their accessors.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    /** What a certificate states, as of its issue. */
    public record Facts(long participationId, long candidateId, long contestId, long attemptId, String band,
                        String bandLabel, BigDecimal score, BigDecimal maxScore, String fullName, LocalDate birthDate,
                        String unit, String boardName, String contestTitle, String template, CertificateSigning signing) {
        public Facts {
            Objects.requireNonNull(band);
            Objects.requireNonNull(fullName);
            Objects.requireNonNull(contestTitle);
            Objects.requireNonNull(signing);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String serial;

    @Column(name = "participation_id")
    private long participationId;

    @Column(name = "candidate_id")
    private long candidateId;

    @Column(name = "contest_id")
    private long contestId;

    @Column(name = "attempt_id")
    private long attemptId;

    private String band;

    @Column(name = "band_label")
    private String bandLabel;

    private BigDecimal score;

    @Column(name = "max_score")
    private BigDecimal maxScore;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String unit;

    @Column(name = "board_name")
    private String boardName;

    @Column(name = "contest_title")
    private String contestTitle;

    private String template;

    /** NULL on certificates issued before places were recorded (they printed the configured one). */
    @Column(name = "issue_place")
    private String issuePlace;

    @Column(name = "signatory_title")
    private String signatoryTitle;

    /** Empty when none was printed. */
    @Column(name = "signatory_name")
    private String signatoryName;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Enumerated(EnumType.STRING)
    private CertificateStatus status;

    @Column(name = "superseded_by")
    private String supersededBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Certificate() {
    }

    public Certificate(Serial serial, Facts facts, Instant now) {
        this.serial = serial.value();
        this.participationId = facts.participationId();
        this.candidateId = facts.candidateId();
        this.contestId = facts.contestId();
        this.attemptId = facts.attemptId();
        this.band = facts.band();
        this.bandLabel = facts.bandLabel();
        this.score = facts.score();
        this.maxScore = facts.maxScore();
        this.fullName = facts.fullName();
        this.birthDate = facts.birthDate();
        this.unit = facts.unit();
        this.boardName = facts.boardName();
        this.contestTitle = facts.contestTitle();
        this.template = facts.template();
        this.issuePlace = facts.signing().place();
        this.signatoryTitle = facts.signing().signatoryTitle() == null ? "" : facts.signing().signatoryTitle();
        this.signatoryName = facts.signing().signatoryName() == null ? "" : facts.signing().signatoryName();
        this.issuedAt = now;
        this.status = CertificateStatus.VALID;
    }

    /** A certificate for a higher band replaced this one; this one stays verifiable, as superseded. */
    public void supersede(Serial by) {
        move(CertificateStatus.SUPERSEDED);
        this.supersededBy = by.value();
    }

    public void revoke(String reason, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw Problem.badRequest("certificate.revoke-reason-required");
        }
        move(CertificateStatus.REVOKED);
        this.revokedAt = now;
        this.revokedReason = reason.strip();
    }

    private void move(CertificateStatus target) {
        if (!status.canBecome(target)) {
            throw Problem.conflict("certificate.status-final", status.name());
        }
        this.status = target;
    }

    public Long id() {
        return id;
    }

    public Serial serial() {
        return new Serial(serial);
    }

    public long participationId() {
        return participationId;
    }

    public long candidateId() {
        return candidateId;
    }

    public long contestId() {
        return contestId;
    }

    public String band() {
        return band;
    }

    public String bandLabel() {
        return bandLabel;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public String fullName() {
        return fullName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String unit() {
        return unit;
    }

    public String boardName() {
        return boardName;
    }

    public String contestTitle() {
        return contestTitle;
    }

    public String template() {
        return template;
    }

    /** The place it printed; empty for a certificate issued before places were recorded. */
    public java.util.Optional<String> issuePlace() {
        return java.util.Optional.ofNullable(issuePlace);
    }

    public String signatoryTitle() {
        return signatoryTitle == null ? "" : signatoryTitle;
    }

    public String signatoryName() {
        return signatoryName == null ? "" : signatoryName;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public CertificateStatus status() {
        return status;
    }

    public String supersededBy() {
        return supersededBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedReason() {
        return revokedReason;
    }
}
