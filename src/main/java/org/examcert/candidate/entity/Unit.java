package org.examcert.candidate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.examcert.candidate.UnitKey;
import org.examcert.candidate.UnitRow;
import org.examcert.platform.problem.Problem;

import java.time.Instant;

/**
 * A unit (đơn vị) of the organization, with the number of members expected to take part: the
 * denominator of its participation and completion rates.
 */
@Entity
@Table(name = "unit")
public class Unit {

    public static final int MAX_MEMBERS = UnitRow.MAX_MEMBERS;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "match_key")
    private String matchKey;

    @Column(name = "expected_members")
    private int expectedMembers;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Unit() {
    }

    public Unit(String code, String name, int expectedMembers, Instant now) {
        if (code == null || !UnitRow.CODE.matcher(code).matches()) {
            throw Problem.badRequest("unit.code-invalid");
        }
        this.code = code;
        describe(name, expectedMembers, now);
    }

    /** Changes the name and expected members; returns whether anything changed. */
    public boolean describe(String name, int expectedMembers, Instant now) {
        String cleaned = clean(name);
        if (cleaned.isEmpty() || cleaned.length() > UnitRow.MAX_NAME) {
            throw Problem.badRequest("unit.name-invalid");
        }
        if (expectedMembers < 0 || expectedMembers > MAX_MEMBERS) {
            throw Problem.badRequest("unit.expected-members-invalid", MAX_MEMBERS);
        }
        if (!wouldChange(cleaned, expectedMembers)) {
            return false;
        }
        this.name = cleaned;
        this.matchKey = UnitKey.of(cleaned);
        this.expectedMembers = expectedMembers;
        this.updatedAt = now;
        return true;
    }

    /** Whether {@link #describe} with these values would change anything. */
    public boolean wouldChange(String name, int expectedMembers) {
        return !clean(name).equals(this.name) || expectedMembers != this.expectedMembers;
    }

    private static String clean(String name) {
        return name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).strip();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String matchKey() {
        return matchKey;
    }

    public int expectedMembers() {
        return expectedMembers;
    }
}
