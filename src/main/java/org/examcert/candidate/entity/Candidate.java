package org.examcert.candidate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.examcert.candidate.RegistrationForm;
import org.examcert.candidate.StandardBoard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A registered candidate; their name is kept exactly as registered (NFC), for certificates. */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String email;
    private String phone;
    private String unit;

    @Enumerated(EnumType.STRING)
    private StandardBoard board;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "registered_at")
    private Instant registeredAt;

    protected Candidate() {
    }

    public Candidate(RegistrationForm.Valid form, String passwordHash, Instant now) {
        this.fullName = form.fullName();
        this.birthDate = form.birthDate();
        this.email = form.email();
        this.phone = form.phone();
        this.unit = form.unit();
        this.board = form.board();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.registeredAt = Objects.requireNonNull(now);
    }

    public Long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String unit() {
        return unit;
    }

    public StandardBoard board() {
        return board;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
