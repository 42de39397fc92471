package org.examcert.attempt.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Something the organizer may want to know about an attempt: a device take-over, an expiry, a flag. */
@Entity
@Table(name = "attempt_event")
public class AttemptEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @jakarta.persistence.Column(name = "attempt_id")
    private long attemptId;

    private Instant at;
    private String kind;
    private String detail;

    protected AttemptEvent() {
    }

    public AttemptEvent(long attemptId, Instant at, String kind, String detail) {
        this.attemptId = attemptId;
        this.at = at;
        this.kind = kind;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public long attemptId() {
        return attemptId;
    }

    public Instant at() {
        return at;
    }

    public String kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
