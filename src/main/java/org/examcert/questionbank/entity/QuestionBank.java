package org.examcert.questionbank.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "question_bank")
public class QuestionBank {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected QuestionBank() {
    }

    public QuestionBank(String code, String title, String description, Instant importedAt) {
        this.code = Objects.requireNonNull(code);
        describe(title, description, importedAt);
    }

    /** Takes the title and description of the latest import. */
    public void describe(String title, String description, Instant importedAt) {
        this.title = Objects.requireNonNull(title);
        this.description = description;
        this.importedAt = Objects.requireNonNull(importedAt);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Instant importedAt() {
        return importedAt;
    }
}
