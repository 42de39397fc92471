package org.examcert.contest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A published version of a contest: its frozen snapshot as JSON. Never changes once written. */
@Entity
@Table(name = "contest_version")
@IdClass(ContestVersion.Key.class)
public class ContestVersion {

    /** The composite key (contest, version). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long contestId;
        Integer version;

        public Key() {
        }

        public Key(long contestId, int version) {
            this.contestId = contestId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(contestId, k.contestId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contestId, version);
        }
    }

    @Id
    @Column(name = "contest_id")
    private Long contestId;

    @Id
    private Integer version;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Lob
    private String snapshot;

    protected ContestVersion() {
    }

    public ContestVersion(long contestId, int version, Instant publishedAt, String snapshot) {
        this.contestId = contestId;
        this.version = version;
        this.publishedAt = Objects.requireNonNull(publishedAt);
        this.snapshot = Objects.requireNonNull(snapshot);
    }

    public long contestId() {
        return contestId;
    }

    public int version() {
        return version;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String snapshot() {
        return snapshot;
    }
}
