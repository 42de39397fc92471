package org.examcert.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** One organizer action: who did what to which thing, when, and the thing before and after (JSON). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    @Column(name = "staff_id")
    private long staffId;

    @Column(name = "staff_email")
    private String staffEmail;

    private String action;
    private String target;

    @Column(name = "before_state")
    private String before;

    @Column(name = "after_state")
    private String after;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, long staffId, String staffEmail, String action, String target, String before, String after) {
        this.at = Objects.requireNonNull(at);
        this.staffId = staffId;
        this.staffEmail = Objects.requireNonNull(staffEmail);
        this.action = Objects.requireNonNull(action);
        this.target = Objects.requireNonNull(target);
        this.before = before;
        this.after = after;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public long staffId() {
        return staffId;
    }

    public String staffEmail() {
        return staffEmail;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }
}
