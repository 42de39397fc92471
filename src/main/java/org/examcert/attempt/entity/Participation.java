package org.examcert.attempt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One candidate in one contest, in exactly one board. Its row lock serializes that candidate's starts. */
@Entity
@Table(name = "participation")
public class Participation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "candidate_id")
    private long candidateId;

    @Column(name = "contest_id")
    private long contestId;

    @Column(name = "board_code")
    private String boardCode;

    @Column(name = "joined_at")
    private Instant joinedAt;

    protected Participation() {
    }

    public Long id() {
        return id;
    }

    public long candidateId() {
        return candidateId;
    }

    public long contestId() {
        return contestId;
    }

    public String boardCode() {
        return boardCode;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
