package org.examcert.grading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A candidate's result in a contest: the official attempt and its band, the highest band ever
 * reached (certificates follow it), and whether the round is completed (a passing band reached).
 */
@Entity
@Table(name = "result")
public class Result {

    @Id
    @Column(name = "participation_id")
    private Long participationId;

    @Column(name = "official_attempt_id")
    private long officialAttemptId;

    @Column(name = "official_score")
    private BigDecimal officialScore;

    @Column(name = "max_score")
    private BigDecimal maxScore;

    private String band;

    @Column(name = "highest_band")
    private String highestBand;

    private boolean completed;

    @Column(name = "attempts_graded")
    private int attemptsGraded;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Result() {
    }

    public Result(long participationId) {
        this.participationId = participationId;
    }

    /** Records the official attempt now; the highest band only ever rises. Returns the previous highest band. */
    public String record(long officialAttemptId, BigDecimal score, BigDecimal maxScore, String band, boolean rose,
                         boolean passing, int attemptsGraded, Instant now) {
        String previous = highestBand;
        this.officialAttemptId = officialAttemptId;
        this.officialScore = score;
        this.maxScore = maxScore;
        this.band = band;
        if (highestBand == null || rose) {
            this.highestBand = band;
        }
        this.completed = completed || passing;
        this.attemptsGraded = attemptsGraded;
        this.updatedAt = now;
        return previous;
    }

    public long participationId() {
        return participationId;
    }

    public long officialAttemptId() {
        return officialAttemptId;
    }

    public BigDecimal officialScore() {
        return officialScore;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public String band() {
        return band;
    }

    public String highestBand() {
        return highestBand;
    }

    public boolean completed() {
        return completed;
    }

    public int attemptsGraded() {
        return attemptsGraded;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
